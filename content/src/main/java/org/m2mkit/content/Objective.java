package org.m2mkit.content;

/** One of the chapter's learning objectives, for example {@code cellular}: "Evaluate Cellular M2M". */
public record Objective(String id, String title, String description) {}
