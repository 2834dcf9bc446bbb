package org.m2mkit.web.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The code editor the notebooks use, served from its webjar: its version names the path of its files. */
public final class EditorAssets {
    private static final String POM = "/META-INF/maven/org.webjars.npm/codemirror/pom.properties";

    private EditorAssets() {
    }

    /** The CodeMirror version on the class path, as in {@code /webjars/codemirror/VERSION/lib/codemirror.js}. */
    public static String codemirrorVersion() {
        try (InputStream in = EditorAssets.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("the CodeMirror webjar is missing from the class path (" + POM + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POM, e);
        }
    }
}
