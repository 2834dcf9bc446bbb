package org.m2mkit.labs.broker;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.InterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.m2mkit.labs.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the embedded broker, and for what. A broker start makes a random secret; every login is a user name
 * saying what the client is ({@code kit/meter/<area>/<meter>}, {@code kit/gateway/<area>}, {@code kit/cloud/<area>},
 * {@code kit/hvac/<area>/<unit>}, {@code kit/observer/<area>}, {@code student/<area>}) with a password derived from
 * the secret and the user name. Nobody gets in without one: anonymous clients and unknown logins are refused.
 *
 * <p>A login reads only its own area ({@code m2mkit/<area>/...}) and publishes only on the topics its role owns
 * (docs/labs.md): a meter on its reading and status, the gateway on its alert, report, opt-in and status and on
 * the HVAC units' commands, the cloud on the area's demand-response events, acknowledgements and status, an HVAC
 * unit on its confirmation and status, a student on the area's meter and gateway topics; observers publish
 * nothing. So only the kit's cloud client can publish {@code m2mkit/<area>/cloud/dr}.
 *
 * <p>The same access survives a broker restart, so clients reconnect with the logins they have.
 */
public final class BrokerAccess implements BrokerLogin {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerAccess.class);
    private static final String KIT = "kit";
    private static final String STUDENT = "student";
    private static final Set<String> METER_KINDS = Set.of(Topics.READING, Topics.STATUS);
    private static final Set<String> GATEWAY_KINDS = Set.of(Topics.ALERT, Topics.REPORT, Topics.OPT_IN, Topics.STATUS);
    private static final Set<String> CLOUD_KINDS = Set.of(Topics.DR, Topics.ACK, Topics.STATUS);
    private static final Set<String> HVAC_KINDS = Set.of(Topics.CONFIRM, Topics.STATUS);

    private final byte[] secret;

    private BrokerAccess(byte[] secret) {
        this.secret = secret;
    }

    /** A new access with a random secret (one per kit start). */
    public static BrokerAccess random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new BrokerAccess(secret);
    }

    /** Who signed in: role, area and, for meters and HVAC units, the device. */
    record Principal(Role role, String area, String device) {
    }

    @Override
    public MqttLogin login(Role role, String area, String device) {
        if (!Topics.validId(area)) {
            throw new IllegalArgumentException("area '" + area + "' is not a valid area id");
        }
        boolean perDevice = role == Role.METER || role == Role.HVAC;
        if (perDevice != (device != null) || (device != null && !Topics.validId(device))) {
            throw new IllegalArgumentException(role.key() + " login: device '" + device + "' does not fit the role");
        }
        String user = role == Role.STUDENT ? STUDENT + "/" + area
                : KIT + "/" + role.key() + "/" + area + (device == null ? "" : "/" + device);
        return new MqttLogin(user, password(user));
    }

    /** A student's own login for {@code area}: reads the area, publishes on its meter and gateway topics. */
    public MqttLogin student(String area) {
        return login(Role.STUDENT, area, null);
    }

    private String password(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] tag = mac.doFinal(user.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The principal of a user name this access made, or null. */
    static Principal principal(String user) {
        if (user == null) {
            return null;
        }
        String[] p = user.split("/", -1);
        if (p.length == 2 && p[0].equals(STUDENT) && Topics.validId(p[1])) {
            return new Principal(Role.STUDENT, p[1], null);
        }
        if ((p.length != 3 && p.length != 4) || !p[0].equals(KIT)) {
            return null;
        }
        Role role = Role.byKey(p[1]);
        if (role == null || role == Role.STUDENT || !Topics.validId(p[2])) {
            return null;
        }
        boolean perDevice = role == Role.METER || role == Role.HVAC;
        if (perDevice != (p.length == 4) || (p.length == 4 && !Topics.validId(p[3]))) {
            return null;
        }
        return new Principal(role, p[2], p.length == 4 ? p[3] : null);
    }

    /** Moquette's check of a CONNECT: a user name this access made, with its password. */
    IAuthenticator authenticator() {
        return (clientId, user, password) -> {
            if (password == null || principal(user) == null) {
                return false;
            }
            byte[] expected = password(user).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, password);
        };
    }

    /** Moquette's check of each PUBLISH and SUBSCRIBE. */
    IAuthorizatorPolicy policy() {
        return new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                return mayPublish(principal(user), topic.toString());
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                return maySubscribe(principal(user), topic.toString());
            }
        };
    }

    /**
     * Moquette 0.17 publishes a client's last will without asking the access rules, and no hook sees the will
     * before the connection is accepted: this one can only report, as a warning, a will on a topic the login may
     * not publish on (docs/security.md).
     */
    InterceptHandler willWatch() {
        return new AbstractInterceptHandler() {
            @Override
            public String getID() {
                return "m2mkit-will-watch";
            }

            @Override
            public Class<?>[] getInterceptedMessageTypes() {
                return new Class<?>[] {InterceptConnectMessage.class};
            }

            @Override
            public void onConnect(InterceptConnectMessage msg) {
                if (msg.isWillFlag() && !mayPublish(principal(msg.getUsername()), msg.getWillTopic())) {
                    LOG.warn("client {} of login {} set a last will on {}, which the login may not publish on",
                            msg.getClientID(), msg.getUsername(), msg.getWillTopic());
                }
            }

            @Override
            public void onSessionLoopError(Throwable error) {
                // RetainedGuard reports these
            }
        };
    }

    /** Whether the login {@code user} (a user name this access made) may publish on {@code topic}. */
    boolean mayPublish(String user, String topic) {
        return mayPublish(principal(user), topic);
    }

    static boolean mayPublish(Principal who, String topic) {
        Topics.Parsed t = who == null ? null : Topics.parse(topic);
        if (t == null || !t.area().equals(who.area()) || topic.contains("+") || topic.contains("#")) {
            return false;
        }
        String kind = t.kind();
        return switch (who.role()) {
            case METER -> t.component().equals("meter") && t.device().equals(who.device()) && METER_KINDS.contains(kind);
            case GATEWAY -> t.component().equals("gateway") && GATEWAY_KINDS.contains(kind)
                    || t.component().equals("hvac") && kind.equals(Topics.COMMAND) && Topics.validId(t.device());
            case CLOUD -> t.component().equals("cloud") && CLOUD_KINDS.contains(kind);
            case HVAC -> t.component().equals("hvac") && t.device().equals(who.device()) && HVAC_KINDS.contains(kind);
            case STUDENT -> t.component().equals("meter") && Topics.validId(t.device()) && METER_KINDS.contains(kind)
                    || t.component().equals("gateway") && GATEWAY_KINDS.contains(kind);
            case OBSERVER -> false;
        };
    }

    static boolean maySubscribe(Principal who, String filter) {
        return who != null && filter.startsWith(Topics.ROOT + "/" + who.area() + "/");
    }

    @Override
    public String toString() {
        return "BrokerAccess[per-start secret]";
    }
}
