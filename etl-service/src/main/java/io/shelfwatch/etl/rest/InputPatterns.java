package io.shelfwatch.etl.rest;

/** Patterns for free-text request values, shared by the resources that take them. */
public final class InputPatterns {

    /** PostgreSQL cannot compare or store text holding U+0000: such a value is invalid input, not a 500. */
    public static final String NO_NUL = "[^\\u0000]*";
    public static final String NO_NUL_MESSAGE = "must not contain the NUL character (%00)";

    private InputPatterns() {
    }
}
