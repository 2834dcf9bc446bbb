package org.m2mkit.grader;

/** Where a submission is on its way through the grader. */
public enum Progress { QUEUED, COMPILING, TESTING, DONE }
