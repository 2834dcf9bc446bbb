package org.m2mkit.content.questions;

import java.util.Arrays;
import java.util.Optional;

/** How a question's text is written, with its name in GIFT ({@code [html]}) and in Moodle XML. */
public enum TextFormat {
    MOODLE("moodle", "moodle_auto_format"),
    HTML("html", "html"),
    MARKDOWN("markdown", "markdown"),
    PLAIN("plain", "plain_text");

    private final String giftName;
    private final String xmlName;

    TextFormat(String giftName, String xmlName) {
        this.giftName = giftName;
        this.xmlName = xmlName;
    }

    public String giftName() {
        return giftName;
    }

    public String xmlName() {
        return xmlName;
    }

    public static Optional<TextFormat> ofGift(String name) {
        return Arrays.stream(values()).filter(f -> f.giftName.equalsIgnoreCase(name)).findFirst();
    }

    public static Optional<TextFormat> ofXml(String name) {
        return Arrays.stream(values()).filter(f -> f.xmlName.equalsIgnoreCase(name)).findFirst();
    }
}
