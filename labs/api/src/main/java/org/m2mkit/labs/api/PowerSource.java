package org.m2mkit.labs.api;

/** Where a device gets its energy. */
public enum PowerSource { BATTERY, MAINS, ENERGY_HARVESTING }
