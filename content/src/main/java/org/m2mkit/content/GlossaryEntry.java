package org.m2mkit.content;

import java.util.Locale;

/**
 * A term of the chapter's glossary, shown at {@code /glossary} with the anchor {@link #anchor()}.
 *
 * @param term        the term as it appears in the lessons
 * @param definition  one or two sentences in plain language
 * @param lesson      id of the lesson that teaches the term
 */
public record GlossaryEntry(String term, String definition, String lesson) {

    /** The term as a URL fragment: lower case, runs of other characters as one '-'; "CoAP (RFC 7252)" is "coap-rfc-7252". */
    public String anchor() {
        return term.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
