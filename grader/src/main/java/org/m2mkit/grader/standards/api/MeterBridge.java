package org.m2mkit.grader.standards.api;

import java.util.List;

/**
 * The gateway's bridge for a legacy Modbus meter: one poll of its six input registers becomes SenML records (for
 * MQTT) and LwM2M resource values (for the LwM2M server). The rules R1 to R10 are in the standards lab's spec.
 * Your class needs a public no-argument constructor; the grader makes a new one for every call.
 */
public interface MeterBridge {
    /**
     * The poll as five SenML records, in this order: power (W), energy (Wh), voltage (V), supply (boolean),
     * tamper (boolean); the first carries the base name and the base time.
     *
     * @throws IllegalArgumentException when the block is short, long or garbled, with a message saying what is wrong
     */
    List<SenmlRecord> toSenml(RegisterBlock block);

    /**
     * The poll as four LwM2M resource values, in this order: /3305/0/5800, /3305/0/5805, /3316/0/5700 and
     * /3316/0/5701.
     *
     * @throws IllegalArgumentException when the block is short, long or garbled, with a message saying what is wrong
     */
    List<Lwm2mValue> toLwm2m(RegisterBlock block);
}
