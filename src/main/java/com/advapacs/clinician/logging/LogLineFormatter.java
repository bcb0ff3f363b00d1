package com.advapacs.clinician.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats a record as one line, followed by the stack trace of its exception, if any:
 * {@code 2026-12-04 18:14:43,123 INFO  [main] c.a.clinician.app.ClinicianApp - message}.
 * Levels carry SLF4J's names, which the code logs with: SEVERE is ERROR, WARNING is WARN,
 * CONFIG and FINE are DEBUG, and FINER or lower is TRACE.
 */
final class LogLineFormatter extends Formatter {

    /** Logger names longer than this have their package names shortened to initials. */
    static final int MAX_LOGGER_NAME = 36;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        line.append(TIME.format(LocalDateTime.ofInstant(record.getInstant(),
                ZoneId.systemDefault())));
        line.append(' ').append(String.format("%-5s", levelName(record.getLevel())));
        // slf4j-jdk14 and JUL publish on the thread that logs, so this is that thread.
        line.append(" [").append(Thread.currentThread().getName()).append("] ");
        line.append(shortLoggerName(record.getLoggerName())).append(" - ");
        line.append(formatMessage(record)).append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }

    /**
     * Shortens the package names of {@code name}, from the left, to their first letters until
     * it fits {@link #MAX_LOGGER_NAME}. The class name is always kept whole.
     */
    static String shortLoggerName(String name) {
        if (name == null || name.isEmpty()) {
            return "root";
        }
        if (name.length() <= MAX_LOGGER_NAME) {
            return name;
        }
        String[] parts = name.split("\\.");
        int length = name.length();
        for (int i = 0; i < parts.length - 1 && length > MAX_LOGGER_NAME; i++) {
            if (parts[i].length() > 1) {
                length -= parts[i].length() - 1;
                parts[i] = parts[i].substring(0, 1);
            }
        }
        return String.join(".", parts);
    }
}
