package org.m2mkit.content;

/** A glossary entry. */
public record KeyTerm(String term, String definition) {}
