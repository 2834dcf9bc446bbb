package org.m2mkit.content;

/**
 * A source the chapter's facts and figures come from, listed at {@code /references#<id>}. Sources are cited as
 * plain text (title, publisher, date), never as outside links.
 *
 * @param id         anchor id, for example {@code etsi-ts-102-690}
 * @param title      title of the standard, paper or announcement
 * @param publisher  who published it
 * @param date       when (year, or year and month)
 * @param usedFor    what the chapter takes from it
 */
public record Reference(String id, String title, String publisher, String date, String usedFor) {}
