package org.m2mkit.labs.lwm2m;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleConsumer;
import org.eclipse.leshan.client.LeshanClient;
import org.eclipse.leshan.client.LeshanClientBuilder;
import org.eclipse.leshan.client.californium.endpoint.CaliforniumClientEndpointsProvider;
import org.eclipse.leshan.client.californium.endpoint.coap.CoapClientProtocolProvider;
import org.eclipse.leshan.client.object.Security;
import org.eclipse.leshan.client.object.Server;
import org.eclipse.leshan.client.observer.LwM2mClientObserverAdapter;
import org.eclipse.leshan.client.resource.BaseInstanceEnablerFactory;
import org.eclipse.leshan.client.resource.LwM2mInstanceEnabler;
import org.eclipse.leshan.client.resource.ObjectsInitializer;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.request.RegisterRequest;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.net.NetworkProfile;

/**
 * A meter or an HVAC unit of the live stack as an LwM2M client (Eclipse Leshan over CoAP/UDP on loopback). Every
 * device has Device (3) and Connectivity Monitoring (4); a meter adds Power Measurement (3305) and Voltage (3316),
 * an HVAC unit Set Point (3308), whose value (5900) the server writes. Thread-safe.
 */
public final class Lwm2mDevice implements AutoCloseable {

    private static final int SHORT_SERVER_ID = 1;
    /** Registration lifetime: long enough that no update falls inside a short run's cycle. */
    private static final long LIFETIME_S = 600;

    private final String endpoint;
    private final LeshanClient client;
    private final CompletableFuture<Void> registered = new CompletableFuture<>();
    private final ValuesInstance readings;
    private final ValuesInstance voltage;
    private volatile double watts;
    private volatile double kwh;
    private volatile double volts = 230.0;
    private volatile double setpointC;

    private Lwm2mDevice(String endpoint, String serverUri, NetworkProfile network, String model, Kind kind,
                        double setpointC, DoubleConsumer onSetpoint) {
        this.endpoint = endpoint;
        this.setpointC = setpointC;
        ObjectsInitializer init = new ObjectsInitializer(new StaticModel(Lwm2mObjects.models()));
        init.setInstancesForObject(LwM2mId.SECURITY, Security.noSec(serverUri, SHORT_SERVER_ID));
        init.setInstancesForObject(LwM2mId.SERVER, new Server(SHORT_SERVER_ID, LIFETIME_S));
        init.setInstancesForObject(Lwm2mObjects.DEVICE, new ValuesInstance(0)
                .fixed(0, "M2M Lab Kit")
                .fixed(1, model)
                .fixed(2, endpoint)
                .fixed(3, "1.0")
                .executable(4)
                .value(9, () -> 100L)
                .fixed(11, Map.of(0, 0L))
                .value(13, Date::new)
                .fixed(16, "U"));
        init.setInstancesForObject(Lwm2mObjects.CONNECTIVITY, new ValuesInstance(0)
                .fixed(0, (long) bearer(network))
                .fixed(1, Map.of(0, (long) bearer(network)))
                .fixed(2, -90L)
                .fixed(4, Map.of(0, "127.0.0.1")));
        int[] objects;
        if (kind == Kind.METER) {
            objects = new int[] {LwM2mId.SECURITY, LwM2mId.SERVER, Lwm2mObjects.DEVICE, Lwm2mObjects.CONNECTIVITY,
                Lwm2mObjects.POWER, Lwm2mObjects.VOLTAGE};
            readings = new ValuesInstance(0)
                    .value(Lwm2mObjects.ACTIVE_POWER, () -> watts)
                    .value(Lwm2mObjects.CUMULATIVE_POWER, () -> kwh);
            voltage = new ValuesInstance(0)
                    .value(Lwm2mObjects.SENSOR_VALUE, () -> volts)
                    .fixed(Lwm2mObjects.SENSOR_UNITS, "V");
            init.setInstancesForObject(Lwm2mObjects.POWER, readings);
            init.setInstancesForObject(Lwm2mObjects.VOLTAGE, voltage);
        } else {
            objects = new int[] {LwM2mId.SECURITY, LwM2mId.SERVER, Lwm2mObjects.DEVICE, Lwm2mObjects.CONNECTIVITY,
                Lwm2mObjects.SET_POINT};
            voltage = null;
            readings = new ValuesInstance(0)
                    .writable(Lwm2mObjects.SET_POINT_VALUE, () -> this.setpointC,
                            v -> onSetpoint.accept(((Number) v).doubleValue()))
                    .fixed(Lwm2mObjects.SENSOR_UNITS, "Cel");
            init.setInstancesForObject(Lwm2mObjects.SET_POINT, readings);
        }
        CaliforniumClientEndpointsProvider.Builder endpoints = new CaliforniumClientEndpointsProvider.Builder(
                new CoapClientProtocolProvider());
        endpoints.setClientAddress(InetAddress.getLoopbackAddress());
        LeshanClientBuilder builder = new LeshanClientBuilder(endpoint);
        for (int o : objects) {
            if (o >= Lwm2mObjects.DEVICE) {
                // a server's Create makes a bare instance; the kit's server never creates any
                init.setFactoryForObject(o, new BaseInstanceEnablerFactory() {
                    @Override
                    public LwM2mInstanceEnabler create() {
                        return new ValuesInstance(0);
                    }
                });
            }
        }
        builder.setObjects(init.create(objects));
        builder.setEndpointsProviders(endpoints.build());
        client = builder.build();
        client.addObserver(new LwM2mClientObserverAdapter() {
            @Override
            public void onRegistrationSuccess(LwM2mServer server, RegisterRequest request, String registrationId) {
                registered.complete(null);
            }
        });
    }

    private enum Kind { METER, HVAC }

    /** A meter: power (3305/0/5800 W, 5805 kWh) and voltage (3316/0/5700 V). Not started. */
    public static Lwm2mDevice meter(String endpoint, String serverUri, NetworkProfile network) {
        return new Lwm2mDevice(endpoint, serverUri, network, "smart meter", Kind.METER, Double.NaN, v -> { });
    }

    /**
     * An HVAC unit: its set point (3308/0/5900, °C), which the server writes; {@code onWrite} gets each value
     * written, and the unit reports the set point it holds with {@link #setpoint(double)}. Not started.
     */
    public static Lwm2mDevice hvac(String endpoint, String serverUri, NetworkProfile network, double setpointC,
                                   DoubleConsumer onWrite) {
        return new Lwm2mDevice(endpoint, serverUri, network, "HVAC unit", Kind.HVAC, setpointC, onWrite);
    }

    /** LwM2M's network bearer codes (object 4, resource 0) for the kit's network profiles. */
    static int bearer(NetworkProfile p) {
        return switch (p.key()) {
            case "2g" -> 0;
            case "3g" -> 2;
            case "4g", "lte-m", "5g" -> 6;
            case "nb-iot" -> 7;
            case "wifi" -> 21;
            default -> 41;
        };
    }

    /** Starts the client; it registers with its server by itself. */
    public Lwm2mDevice start() {
        client.start();
        return this;
    }

    /** Waits until the server has taken the registration. */
    public void awaitRegistered(Duration timeout) {
        try {
            registered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new UserError("LwM2M device " + endpoint + " did not register within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while " + endpoint + " registered");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UserError("LwM2M device " + endpoint + " could not register: " + e.getCause());
        }
    }

    public CompletableFuture<Void> registered() {
        return registered;
    }

    public String endpoint() {
        return endpoint;
    }

    /** A meter's new reading; observers of the power resources get a notification. */
    public void reading(double activeWatts, double cumulativeKwh, double voltageV) {
        watts = activeWatts;
        kwh = cumulativeKwh;
        boolean voltsChanged = voltageV != volts;
        volts = voltageV;
        readings.changed(Lwm2mObjects.ACTIVE_POWER, Lwm2mObjects.CUMULATIVE_POWER);
        if (voltsChanged && voltage != null) {
            voltage.changed(Lwm2mObjects.SENSOR_VALUE);
        }
    }

    /** The meter's active power now, W. */
    public double watts() {
        return watts;
    }

    /** An HVAC unit's set point now (°C); observers of 3308/0/5900 get a notification. */
    public void setpoint(double c) {
        setpointC = c;
        readings.changed(Lwm2mObjects.SET_POINT_VALUE);
    }

    public double setpointC() {
        return setpointC;
    }

    /** Deregisters (briefly) and releases the client's socket and threads. */
    @Override
    public void close() {
        client.destroy(registered.isDone() && !registered.isCompletedExceptionally());
    }
}
