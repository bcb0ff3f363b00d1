package com.advapacs.clinician.logging;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * A JUL {@link LogManager} that keeps its handlers while the JVM shuts down. JUL's own
 * shutdown hook resets the manager, which closes every handler, so records that other
 * shutdown hooks log, such as the standalone portal's "Portal stopped", would be lost. Here that
 * reset only flushes the handlers. {@link RollingFileHandler} flushes each record anyway.
 *
 * <p>JUL uses it when the system property {@code java.util.logging.manager} names it before
 * the first logger is created, which {@link LogFiles#start} arranges.
 */
public final class ExitSafeLogManager extends LogManager {

    /** Creates the manager. JUL calls this constructor by reflection. */
    public ExitSafeLogManager() {
        super();
    }

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
    }

    /** Returns whether the JVM is shutting down, when it accepts no new shutdown hook. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
