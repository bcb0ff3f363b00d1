package com.advapacs.clinician.app;

import com.advapacs.clinician.demo.EmbeddedPortal;
import com.advapacs.clinician.i18n.Messages;
import java.net.URI;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal that demo mode runs inside the app. The backend is found through
 * {@link ServiceLoader}, so the app never refers to the backend's classes and reaches it
 * only over HTTP like any other portal.
 */
final class DemoPortal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPortal.class);

    private final EmbeddedPortal portal;
    private final URI address;

    private DemoPortal(EmbeddedPortal portal, URI address) {
        this.portal = portal;
        this.address = address;
    }

    /** Starts the embedded portal with its database under {@code dataDirectory}. */
    static DemoPortal start(Path dataDirectory) {
        EmbeddedPortal portal = EmbeddedPortal.load().orElseThrow(
                () -> new IllegalStateException(Messages.get("demo.notInstalled")));
        URI address = portal.start(dataDirectory);
        LOG.info("Demo portal started at {} with data in {}", address, dataDirectory);
        return new DemoPortal(portal, address);
    }

    URI address() {
        return address;
    }

    String email() {
        return portal.demoEmail();
    }

    String password() {
        return portal.demoPassword();
    }

    @Override
    public void close() {
        portal.close();
        LOG.info("Demo portal stopped");
    }
}
