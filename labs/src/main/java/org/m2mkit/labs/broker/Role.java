package org.m2mkit.labs.broker;

import java.util.Locale;

/** What an MQTT client of a lab area is, which decides what it may publish (see {@link BrokerAccess}). */
public enum Role {
    /** One meter: its reading and status topics. */
    METER,
    /** The area's gateway: its alert, report, opt-in and status topics, and the HVAC units' commands. */
    GATEWAY,
    /** The utility cloud: the area's demand-response events, acknowledgements and its status. */
    CLOUD,
    /** One HVAC unit: its confirmation and status topics. */
    HVAC,
    /** The kit's watchers of an area (the lab timeline, the console): read only. */
    OBSERVER,
    /** A student's own client: reads the area, publishes on its meter and gateway topics. */
    STUDENT;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role byKey(String key) {
        for (Role r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }
}
