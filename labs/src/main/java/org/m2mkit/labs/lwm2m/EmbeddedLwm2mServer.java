package org.m2mkit.labs.lwm2m;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.observation.SingleObservation;
import org.eclipse.leshan.core.observation.CompositeObservation;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.ObserveRequest;
import org.eclipse.leshan.core.request.WriteRequest;
import org.eclipse.leshan.core.response.ObserveCompositeResponse;
import org.eclipse.leshan.core.response.ObserveResponse;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpoint;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.model.VersionedModelProvider;
import org.eclipse.leshan.server.observation.ObservationListener;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationListener;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.compare.WireEvent;
import org.m2mkit.labs.compare.WireLog;
import org.m2mkit.labs.compare.WireProtocol;

/**
 * The kit's LwM2M server: Eclipse Leshan over plain CoAP (UDP), bound to loopback by default on a free port. The
 * cloud uses it to observe resources of registered devices and to write to them, with SenML-CBOR as the content
 * format. Every CoAP message it sends or receives is counted on the {@link WireLog} at its size in the UDP
 * datagram. Thread-safe; {@link #close()} frees the port.
 */
public final class EmbeddedLwm2mServer implements AutoCloseable {

    /** The content format of observations and writes: SenML-CBOR (RFC 8428 in CBOR, LwM2M 1.1). */
    public static final ContentFormat FORMAT = ContentFormat.SENML_CBOR;
    private static final long REQUEST_TIMEOUT_MS = 30_000;

    private final LeshanServer server;
    private final int port;
    private final String host;
    private final Map<String, CompletableFuture<Registration>> registrations = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, String> names = new ConcurrentHashMap<>();
    private final Map<String, DoubleConsumer> observers = new ConcurrentHashMap<>();
    private final WireLog wire;
    /** Where the messages of each run's devices are counted, by the prefix of their endpoint names. */
    private final Map<String, WireLog> routes = new ConcurrentHashMap<>();

    private EmbeddedLwm2mServer(String host, int port, WireLog wire) {
        this.host = host;
        this.wire = wire;
        LeshanServerBuilder builder = new LeshanServerBuilder();
        builder.setObjectModelProvider(new VersionedModelProvider(Lwm2mObjects.models()));
        CaliforniumServerEndpointsProvider.Builder endpoints = new CaliforniumServerEndpointsProvider.Builder(
                new CoapServerProtocolProvider());
        endpoints.addEndpoint(new InetSocketAddress(host, port), Protocol.COAP);
        builder.setEndpointsProviders(endpoints.build());
        server = builder.build();
        server.getRegistrationService().addListener(new RegistrationListener() {
            @Override
            public void registered(Registration r, Registration previous, Collection<Observation> observations) {
                names.put(r.getSocketAddress(), r.getEndpoint());
                registrations.computeIfAbsent(r.getEndpoint(), k -> new CompletableFuture<>()).complete(r);
            }

            @Override
            public void updated(RegistrationUpdate update, Registration updated, Registration previous) {
                names.put(updated.getSocketAddress(), updated.getEndpoint());
            }

            @Override
            public void unregistered(Registration r, Collection<Observation> observations, boolean expired,
                                     Registration newReg) {
                registrations.remove(r.getEndpoint());
                observers.keySet().removeIf(k -> k.startsWith(r.getEndpoint() + "/"));
            }
        });
        server.getObservationService().addListener(new ObservationListener() {
            @Override
            public void newObservation(Observation observation, Registration registration) {
            }

            @Override
            public void cancelled(Observation observation) {
            }

            @Override
            public void onResponse(SingleObservation observation, Registration registration, ObserveResponse response) {
                deliver(registration.getEndpoint(), observation.getPath().toString(), response);
            }

            @Override
            public void onResponse(CompositeObservation observation, Registration registration,
                                   ObserveCompositeResponse response) {
            }

            @Override
            public void onError(Observation observation, Registration registration, Exception error) {
            }
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            server.destroy();
            throw new UserError("the LwM2M server could not bind UDP " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another port or 0 for a free one", e);
        }
        CaliforniumServerEndpoint endpoint = (CaliforniumServerEndpoint) server.getEndpoint(Protocol.COAP);
        this.port = endpoint.getURI().getPort();
        count(endpoint.getCoapEndpoint());
    }

    /**
     * Starts a server on UDP {@code host:port} (0 for a free port).
     *
     * @param wire where to count the CoAP messages, or null
     * @throws UserError when the port cannot be bound
     */
    public static EmbeddedLwm2mServer start(String host, int port, WireLog wire) {
        return new EmbeddedLwm2mServer(host, port, wire);
    }

    /**
     * Counts the messages of devices whose endpoint names start with {@code prefix} on {@code log}, when one server
     * serves several runs (each run's devices named {@code <area>:<device>}).
     */
    public void route(String prefix, WireLog log) {
        routes.put(prefix, log);
    }

    public void unroute(String prefix) {
        routes.remove(prefix);
    }

    /** {@code coap://host:port}, for the devices' Security object. */
    public String uri() {
        return "coap://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Endpoint names of the devices registered now. */
    public List<String> registered() {
        List<String> out = new ArrayList<>();
        registrations.forEach((k, f) -> {
            if (f.isDone()) {
                out.add(k);
            }
        });
        out.sort(null);
        return out;
    }

    /** Completes when {@code endpoint} has registered (at once if it has). */
    public CompletableFuture<Registration> registration(String endpoint) {
        return registrations.computeIfAbsent(endpoint, k -> new CompletableFuture<>());
    }

    /**
     * Observes one numeric resource of a registered device: {@code onValue} gets the value of the first answer and
     * of every notification, on a CoAP thread.
     *
     * @return completes with the first value, or fails with the device's error code
     */
    public CompletableFuture<Double> observe(String endpoint, int object, int instance, int resource,
                                             DoubleConsumer onValue) {
        CompletableFuture<Double> first = new CompletableFuture<>();
        registration(endpoint).thenAccept(reg -> {
            String path = "/" + object + "/" + instance + "/" + resource;
            observers.put(endpoint + path, onValue);
            server.send(reg, new ObserveRequest(FORMAT, object, instance, resource), REQUEST_TIMEOUT_MS, response -> {
                if (response.isSuccess()) {
                    double v = value(response);
                    first.complete(v);
                    onValue.accept(v);
                } else {
                    observers.remove(endpoint + path);
                    first.completeExceptionally(new UserError("observing " + path + " on " + endpoint + " failed: "
                            + response.getCode() + " " + response.getErrorMessage()));
                }
            }, first::completeExceptionally);
        });
        return first;
    }

    /**
     * Writes a float to one resource of a registered device (Write, replace, SenML-CBOR).
     *
     * @return completes when the device has answered 2.04 Changed; fails with any other answer
     */
    public CompletableFuture<Void> write(String endpoint, int object, int instance, int resource, double value) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        registration(endpoint).thenAccept(reg -> server.send(reg,
                new WriteRequest(FORMAT, object, instance, resource, value), REQUEST_TIMEOUT_MS, response -> {
                    if (response.isSuccess()) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(new UserError("writing /" + object + "/" + instance + "/"
                                + resource + " on " + endpoint + " failed: " + response.getCode()));
                    }
                }, done::completeExceptionally));
        return done;
    }

    private void deliver(String endpoint, String path, ObserveResponse response) {
        DoubleConsumer c = observers.get(endpoint + path);
        if (c != null && response.isSuccess()) {
            c.accept(value(response));
        }
    }

    private static double value(ObserveResponse response) {
        if (response.getContent() instanceof LwM2mSingleResource r && r.getValue() instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalStateException("the observed resource is not a number: " + response.getContent());
    }

    private void count(CoapEndpoint endpoint) {
        // received messages carry their datagram's bytes; sent ones have them once serialized and sent
        endpoint.addInterceptor(new MessageInterceptorAdapter() {
            @Override
            public void receiveRequest(Request request) {
                record(request, false);
            }

            @Override
            public void receiveResponse(Response response) {
                record(response, false);
            }

            @Override
            public void receiveEmptyMessage(EmptyMessage message) {
                record(message, false);
            }
        });
        endpoint.addPostProcessInterceptor(new MessageInterceptorAdapter() {
            @Override
            public void sendRequest(Request request) {
                record(request, true);
            }

            @Override
            public void sendResponse(Response response) {
                record(response, true);
            }

            @Override
            public void sendEmptyMessage(EmptyMessage message) {
                record(message, true);
            }
        });
    }

    private void record(Message m, boolean sent) {
        byte[] bytes = m.getBytes();
        if (bytes == null) {
            return;
        }
        InetSocketAddress peer = (sent ? m.getDestinationContext() : m.getSourceContext()) == null ? null
                : (sent ? m.getDestinationContext() : m.getSourceContext()).getPeerAddress();
        String name = peer == null ? null : names.get(peer);
        WireLog log = wire;
        String device = name != null ? name : peer == null ? "device" : "device " + peer.getPort();
        if (name != null && name.indexOf(':') > 0) {
            log = routes.getOrDefault(name.substring(0, name.indexOf(':') + 1), wire);
            device = name.substring(name.indexOf(':') + 1);
        }
        if (log == null) {
            return;
        }
        log.record(new WireEvent(WireProtocol.LWM2M, System.currentTimeMillis(), sent ? "lwm2m-server" : device,
                sent ? device : "lwm2m-server", kind(m), bytes.length, name == null ? null : device));
    }

    /** What a CoAP message is, in the words of RFC 7252 and LwM2M: {@code CON POST /rd}, {@code NON 2.05 notify}. */
    static String kind(Message m) {
        String type = m.getType().name();
        if (m instanceof Request r) {
            String path = "/" + r.getOptions().getUriPathString();
            return type + " " + r.getCode() + " " + path + (r.getOptions().hasObserve() ? " observe" : "");
        }
        if (m instanceof Response r) {
            return type + " " + r.getCode().text + (r.getOptions().hasObserve() ? " notify" : "");
        }
        return type + (m.getMID() >= 0 ? "" : "");
    }

    /** Stops the server and frees its port. */
    @Override
    public void close() {
        server.destroy();
    }
}
