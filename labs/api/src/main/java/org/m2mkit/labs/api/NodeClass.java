package org.m2mkit.labs.api;

/** The chapter's device hierarchy. */
public enum NodeClass { LOW_END, MID_END, HIGH_END }
