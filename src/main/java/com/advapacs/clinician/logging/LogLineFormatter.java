package com.advapacs.clinician.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        appendTime(line, LocalDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault()));
        String level = levelName(record.getLevel());
        line.append(' ').append(level).append(" ".repeat(5 - level.length()));
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

    /**
     * Appends {@code time} as {@code yyyy-MM-dd HH:mm:ss,SSS}. Written out by hand because
     * {@code DateTimeFormatter} and {@code String.format} add classes and work to the start,
     * where the app logs its first line.
     */
    private static void appendTime(StringBuilder line, LocalDateTime time) {
        appendDigits(line, time.getYear(), 4).append('-');
        appendDigits(line, time.getMonthValue(), 2).append('-');
        appendDigits(line, time.getDayOfMonth(), 2).append(' ');
        appendDigits(line, time.getHour(), 2).append(':');
        appendDigits(line, time.getMinute(), 2).append(':');
        appendDigits(line, time.getSecond(), 2).append(',');
        appendDigits(line, time.getNano() / 1_000_000, 3);
    }

    private static StringBuilder appendDigits(StringBuilder line, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            line.append('0');
        }
        return line.append(digits);
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
