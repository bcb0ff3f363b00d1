package com.advapacs.clinician.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Raises Jetty, Javalin and H2 logging to INFO when logback runs without a configuration
 * file, because its default prints their DEBUG output.
 */
final class LibraryLogLevels {
    private LibraryLogLevels() {
    }

    static void quietenUnlessConfigured() {
        ClassLoader loader = LibraryLogLevels.class.getClassLoader();
        boolean configured = System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback.xml") != null
                || loader.getResource("logback-test.xml") != null;
        if (configured || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return;
        }
        for (String name : new String[] {"org.eclipse.jetty", "io.javalin", "h2database"}) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        }
    }
}
