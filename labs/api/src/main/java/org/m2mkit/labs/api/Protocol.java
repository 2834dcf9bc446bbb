package org.m2mkit.labs.api;

/** M2M application protocols and standards a deployment can use. */
public enum Protocol { MQTT, COAP, LWM2M, ONEM2M, ETSI_M2M, HTTP_REST, AMQP, MODBUS, DLMS_COSEM }
