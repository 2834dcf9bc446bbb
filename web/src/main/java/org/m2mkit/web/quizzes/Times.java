package org.m2mkit.web.quizzes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Helpers for the quiz templates: times in the server's time zone, to the minute; query parameters encoded. */
public final class Times {

    static final Times INSTANCE = new Times();

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String local(Instant t) {
        return t == null ? "" : FORMAT.format(t.atZone(ZoneId.systemDefault()));
    }

    public String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
