package com.advapacs.clinician.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A portal the desktop app can run in its own process for demonstrations. Implementations are
 * found with {@link ServiceLoader}, so the app does not depend on the server code.
 */
public interface EmbeddedPortal extends AutoCloseable {

    /**
     * Starts the portal on a free loopback port with its database under {@code dataDirectory},
     * creating the demo accounts and studies if they are missing.
     *
     * @return the base URI, e.g. {@code http://localhost:49152}
     * @throws IllegalStateException if already started
     */
    URI start(Path dataDirectory);

    /** Email of the demo clinician account. */
    String demoEmail();

    /** Password of the demo accounts. */
    String demoPassword();

    /** Stops the portal; does nothing if it is not running. */
    @Override
    void close();

    /** Returns the first implementation on the class path, if any. */
    static Optional<EmbeddedPortal> load() {
        return ServiceLoader.load(EmbeddedPortal.class).findFirst();
    }

    /**
     * Returns whether {@code loader} finds an implementation, without creating one. The
     * installers leave the portal out, so this is false in an installed app.
     */
    static boolean isAvailable(ClassLoader loader) {
        return ServiceLoader.load(EmbeddedPortal.class, loader).stream().findFirst().isPresent();
    }
}
