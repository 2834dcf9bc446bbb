package org.m2mkit.web.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions written into the jar at build time ({@code m2mkit-build.properties}, filtered by Maven). */
public record BuildInfo(String version, String mermaidVersion) {

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream("m2mkit-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("m2mkit-build.properties is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(p.getProperty("version"), p.getProperty("mermaid.version"));
    }
}
