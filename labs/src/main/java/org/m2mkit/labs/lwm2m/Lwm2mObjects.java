package org.m2mkit.labs.lwm2m;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;

/**
 * The OMA and IPSO registered objects the live stack uses, and where their models come from: LwM2M's core objects
 * (Security 0, Server 1, Device 3, Connectivity Monitoring 4) from Leshan's bundled models, and the three IPSO
 * objects from the registry's DDF files shipped beside this class (Power Measurement 3305, Set Point 3308,
 * Voltage 3316).
 */
public final class Lwm2mObjects {

    public static final int DEVICE = 3;
    public static final int CONNECTIVITY = 4;
    public static final int POWER = 3305;
    public static final int SET_POINT = 3308;
    public static final int VOLTAGE = 3316;

    /** 3305: instantaneous active power, W. */
    public static final int ACTIVE_POWER = 5800;
    /** 3305: cumulative active power, kWh. */
    public static final int CUMULATIVE_POWER = 5805;
    /** 3316: sensor value (V). */
    public static final int SENSOR_VALUE = 5700;
    /** 3308 and 3316: sensor units. */
    public static final int SENSOR_UNITS = 5701;
    /** 3308: set point value, °C. */
    public static final int SET_POINT_VALUE = 5900;

    private static final String[] SHIPPED = {"3305.xml", "3308.xml", "3316.xml"};

    private Lwm2mObjects() {
    }

    private static final List<ObjectModel> MODELS = load();

    /** Every object model the kit's server and devices know. */
    public static List<ObjectModel> models() {
        return MODELS;
    }

    private static List<ObjectModel> load() {
        List<ObjectModel> models = new ArrayList<>(ObjectLoader.loadDefault());
        try {
            models.addAll(ObjectLoader.loadDdfResources("/org/m2mkit/labs/lwm2m/models/", SHIPPED));
        } catch (Exception e) { // NOPMD: the files ship in the jar; a failure is a broken build
            throw new IllegalStateException("the kit's LwM2M object models could not be read", e);
        }
        return List.copyOf(models);
    }
}
