package org.m2mkit.content;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Class loaders that serve the shipped content with some files replaced or removed, for tests. */
final class Resources {

    private Resources() {}

    /** Serves {@code files} (path to text) in place of the shipped files; a {@code null} text removes the file. */
    static ClassLoader replacing(Map<String, String> files) {
        return new ClassLoader(Resources.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (files.containsKey(name)) {
                    String text = files.get(name);
                    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
                }
                return super.getResourceAsStream(name);
            }
        };
    }
}
