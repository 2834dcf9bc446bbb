package org.m2mkit.labs.api;

import java.util.Set;

/**
 * A deployment to choose a protocol and a link for.
 *
 * @param id                  the scenario's id in the bank
 * @param summary             one sentence describing the deployment
 * @param nodeClass           low-, mid- or high-end device
 * @param power               battery, mains or energy harvesting
 * @param ipCapable           whether the device can run an IP stack
 * @param mobile              whether the device moves (handover needed)
 * @param maxLatencyMs        the largest end-to-end latency the application tolerates
 * @param payloadBytes        typical size of one message
 * @param messagesPerDay      how many messages a device sends per day
 * @param rangeKm             distance to the nearest gateway or base station
 * @param needs               what else the deployment needs
 * @param inServiceUntilYear  the last year the devices must keep working
 */
public record Scenario(String id, String summary, NodeClass nodeClass, PowerSource power,
                       boolean ipCapable, boolean mobile, double maxLatencyMs, int payloadBytes,
                       double messagesPerDay, double rangeKm, Set<Need> needs,
                       int inServiceUntilYear) {}
