package org.m2mkit.grader.standards.api;

/** Where a meter model puts the two 16-bit halves of a 32-bit float. */
public enum WordOrder {
    /** High word first: register 0 holds bits 31-16, register 1 bits 15-0. */
    ABCD,
    /** Low word first: register 0 holds bits 15-0, register 1 bits 31-16 (the trap of lesson 07). */
    CDAB
}
