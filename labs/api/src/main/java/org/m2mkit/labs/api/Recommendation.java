package org.m2mkit.labs.api;

/** A protocol and a link for a scenario, with a one-line reason. */
public record Recommendation(Protocol protocol, Link link, String rationale) {}
