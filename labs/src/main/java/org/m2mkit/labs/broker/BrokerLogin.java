package org.m2mkit.labs.broker;

/**
 * How the kit's own MQTT clients sign in to the broker: on the embedded broker each with a login of its own that
 * says what it is (see {@link BrokerAccess}); on an external broker all with the one configured login, or none.
 */
@FunctionalInterface
public interface BrokerLogin {

    /**
     * The login of one client of a lab run.
     *
     * @param device the meter or HVAC unit, or null for the area's gateway, cloud and observers
     * @return null to connect without a user name
     */
    MqttLogin login(Role role, String area, String device);

    /** Every client connects without a user name (an external broker that allows it). */
    static BrokerLogin anonymous() {
        return (role, area, device) -> null;
    }

    /** Every client uses the same login (an external broker's account); null user name: anonymous. */
    static BrokerLogin fixed(String username, String password) {
        if (username == null || username.isEmpty()) {
            return anonymous();
        }
        MqttLogin login = new MqttLogin(username, password);
        return (role, area, device) -> login;
    }
}
