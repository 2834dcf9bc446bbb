package org.m2mkit.labs.api;

/** Link technologies, from local networks to cellular generations. */
public enum Link { ETHERNET, WIFI, ZIGBEE, LORAWAN, GPRS_2G, UMTS_3G, LTE_4G, LTE_M, NB_IOT, NR_5G }
