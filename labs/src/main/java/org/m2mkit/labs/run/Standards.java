package org.m2mkit.labs.run;

/**
 * The standards part of a run: which protocol carries the cycle, how many meters are LwM2M devices and how many
 * are legacy Modbus TCP meters behind the gateway.
 *
 * @param protocol      MQTT, LwM2M or both
 * @param lwm2mMeters   the first meters of the area that are also (or, with LwM2M alone, only) LwM2M devices
 * @param legacyMeters  the last meters of the area, which speak only Modbus TCP and reach MQTT and LwM2M through
 *                      the gateway's bridge; their models alternate between ABCD and CDAB word order
 * @param sharedServer  the kit's LwM2M server, which several runs share (their devices named
 *                      {@code <area>:<device>}); null for a server of the run's own
 */
public record Standards(RunProtocol protocol, int lwm2mMeters, int legacyMeters,
                        org.m2mkit.labs.lwm2m.EmbeddedLwm2mServer sharedServer) {

    /** MQTT only, no legacy meters: the lab as it was before the standards parts. */
    public static final Standards MQTT_ONLY = new Standards(RunProtocol.MQTT, 10, 0, null);

    /** Each LwM2M device is a Leshan client with a UDP socket and a few threads of its own. */
    public static final int MAX_LWM2M_METERS = 50;
    public static final int MAX_LEGACY_METERS = 20;
}
