package org.m2mkit.labs.api;

/** Picks a protocol and a link for a deployment. An implementation has a public no-argument constructor. */
public interface ProtocolAdvisor {
    Recommendation recommend(Scenario scenario);
}
