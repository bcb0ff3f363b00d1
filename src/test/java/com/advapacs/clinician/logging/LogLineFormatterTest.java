package com.advapacs.clinician.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineFormatterTest {

    private final LogLineFormatter formatter = new LogLineFormatter();

    @Test
    void lineHasTimeLevelThreadLoggerAndMessage() {
        Instant time = LocalDateTime.of(2026, 12, 4, 18, 14, 43, 123_000_000)
                .atZone(ZoneId.systemDefault()).toInstant();
        LogRecord record = new LogRecord(Level.INFO, "Signed out ana@hospital.example");
        record.setInstant(time);
        record.setLoggerName("com.advapacs.clinician.app.Main");

        assertEquals("2026-12-04 18:14:43,123 INFO  [" + Thread.currentThread().getName()
                + "] com.advapacs.clinician.app.Main - Signed out ana@hospital.example"
                + System.lineSeparator(), formatter.format(record));
    }

    @Test
    void timeFieldsZeroPadded() {
        Instant time = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000)
                .atZone(ZoneId.systemDefault()).toInstant();
        LogRecord record = new LogRecord(Level.WARNING, "message");
        record.setInstant(time);
        record.setLoggerName("app");

        assertTrue(formatter.format(record).startsWith("2026-01-02 03:04:05,006 WARN  ["),
                formatter.format(record));
    }

    @Test
    void levelsUseSlf4jNames() {
        assertEquals("ERROR", LogLineFormatter.levelName(Level.SEVERE));
        assertEquals("WARN", LogLineFormatter.levelName(Level.WARNING));
        assertEquals("INFO", LogLineFormatter.levelName(Level.INFO));
        assertEquals("DEBUG", LogLineFormatter.levelName(Level.CONFIG));
        assertEquals("DEBUG", LogLineFormatter.levelName(Level.FINE));
        assertEquals("TRACE", LogLineFormatter.levelName(Level.FINER));
        assertEquals("TRACE", LogLineFormatter.levelName(Level.FINEST));
    }

    @Test
    void longLoggerNamesShortenPackagesFirst() {
        assertEquals("c.a.clinician.portal.PortalClient", LogLineFormatter
                .shortLoggerName("com.advapacs.clinician.portal.PortalClient"));
        assertEquals("c.a.c.s.p.PasskeyRegistrationService", LogLineFormatter
                .shortLoggerName("com.advapacs.clinician.server.passkey"
                        + ".PasskeyRegistrationService"));
        assertEquals("org.eclipse.jetty.server.Server",
                LogLineFormatter.shortLoggerName("org.eclipse.jetty.server.Server"));
        assertEquals("root", LogLineFormatter.shortLoggerName(""));
        assertEquals("root", LogLineFormatter.shortLoggerName(null));
    }

    @Test
    void exceptionFollowsWithStackTrace() {
        LogRecord record = new LogRecord(Level.SEVERE, "The demo portal could not start");
        record.setLoggerName("app");
        record.setThrown(new IllegalStateException("port in use"));

        String text = formatter.format(record);
        assertTrue(text.contains("ERROR ["), text);
        assertTrue(text.contains("The demo portal could not start"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: port in use"), text);
        assertTrue(text.contains("\tat com.advapacs.clinician.logging.LogLineFormatterTest"),
                text);
    }

    @Test
    void julParametersFormatted() {
        LogRecord record = new LogRecord(Level.WARNING, "Unsupported configuration: {0}");
        record.setLoggerName("javafx");
        record.setParameters(new Object[] {"unnamed module"});

        assertTrue(formatter.format(record).endsWith(
                "javafx - Unsupported configuration: unnamed module" + System.lineSeparator()));
    }
}
