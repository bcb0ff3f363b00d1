package com.advapacs.clinician.server.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** API timestamp format: ISO-8601 in UTC with whole seconds, e.g. 2026-03-01T09:30:00Z. */
public final class Timestamps {
    private Timestamps() {
    }

    /** Formats {@code instant}, or returns null for null. */
    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
