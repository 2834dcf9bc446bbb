package org.m2mkit.labs.broker;

/**
 * A user name and password an MQTT client signs in with. {@link #toString()} never shows the password.
 */
public record MqttLogin(String username, String password) {

    public MqttLogin {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("an MQTT login needs a user name");
        }
    }

    @Override
    public String toString() {
        return "MqttLogin[" + username + "]";
    }
}
