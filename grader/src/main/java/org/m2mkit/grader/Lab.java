package org.m2mkit.grader;

import java.util.Arrays;
import java.util.Locale;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.ProtocolAdvisor;

/** The labs the grader knows, with the class a submission must provide. */
public enum Lab {
    GATEWAY("gateway", Gateway.class, GatewayConfig.class, "Gateway lab"),
    PROTOCOL("protocol", ProtocolAdvisor.class, null, "Protocol-selection lab");

    private final String id;
    private final Class<?> contract;
    private final Class<?> constructorArgument;
    private final String title;

    Lab(String id, Class<?> contract, Class<?> constructorArgument, String title) {
        this.id = id;
        this.contract = contract;
        this.constructorArgument = constructorArgument;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The interface the submission's class implements. */
    public Class<?> contract() {
        return contract;
    }

    /** The single parameter of the required public constructor, or null for a no-argument constructor. */
    public Class<?> constructorArgument() {
        return constructorArgument;
    }

    /** How the required constructor reads in a message, for a class named {@code simpleName}. */
    public String constructorText(String simpleName) {
        return "public " + simpleName + "(" + (constructorArgument == null ? "" : constructorArgument.getSimpleName() + " config") + ")";
    }

    public static Lab parse(String text) {
        for (Lab lab : values()) {
            if (lab.id.equals(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
                return lab;
            }
        }
        throw new UserError("unknown lab '" + text + "'; use one of " + Arrays.stream(values()).map(Lab::id).toList());
    }
}
