package org.m2mkit.web.config;

import org.m2mkit.labs.UserError;

/** A setting with a bad value; the message names the setting, where it came from, the value and what is accepted. */
public final class ConfigException extends UserError {
    private static final long serialVersionUID = 1L;

    public ConfigException(Setting setting, String source, String value, String problem, String accepted) {
        super("setting '" + setting.key() + "' (" + source + "): '" + value + "' " + problem + "; accepted: " + accepted);
    }

    public ConfigException(String message) {
        super(message);
    }
}
