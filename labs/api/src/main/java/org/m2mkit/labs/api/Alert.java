package org.m2mkit.labs.api;

/** A spike alert: meter {@code meterId} drew {@code kw} at {@code timestampMs}. */
public record Alert(String meterId, long timestampMs, double kw) {}
