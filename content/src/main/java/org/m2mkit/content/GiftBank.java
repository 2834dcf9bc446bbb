package org.m2mkit.content;

/**
 * One question bank file in Moodle GIFT format, {@code questions/<objective>.gift}, as text for the quiz
 * builder to import.
 *
 * @param objective  id of the learning objective the bank's file is named after
 * @param path       class-path location of the file
 * @param gift       the file's text
 */
public record GiftBank(String objective, String path, String gift) {}
