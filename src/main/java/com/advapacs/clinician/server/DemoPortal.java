package com.advapacs.clinician.server;

import com.advapacs.clinician.demo.EmbeddedPortal;
import com.advapacs.clinician.server.admin.DemoData;
import com.advapacs.clinician.server.passkey.PasskeySettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** {@link EmbeddedPortal} backed by {@link PortalServer}, registered as a service provider. */
public final class DemoPortal implements EmbeddedPortal {
    /** H2 database name inside the data directory, kept apart from a standalone portal's. */
    static final String DATABASE_NAME = "demo-portal";

    private final PortalConfig template;
    private PortalServer server;

    /** Creates a demo portal with production settings, as {@link ServiceLoader} requires. */
    public DemoPortal() {
        this(PortalConfig.defaults(Path.of(DATABASE_NAME)));
    }

    /**
     * Creates a demo portal from {@code template}; bind address, port, database path, RP ID and
     * origin are replaced.
     */
    public DemoPortal(PortalConfig template) {
        this.template = template;
    }

    @Override
    public synchronized URI start(Path dataDirectory) {
        if (server != null) {
            throw new IllegalStateException("Demo portal already started on port "
                    + server.port());
        }
        // Passkeys use RP ID localhost and origin http://localhost:PORT, the address returned.
        PortalConfig config = template.withBindAddress(PortalConfig.DEFAULT_BIND_ADDRESS)
                .withPort(0)
                .withDatabasePath(dataDirectory.resolve(DATABASE_NAME))
                .withPasskeys(new PasskeySettings(null, null,
                        template.passkeys().userVerification(),
                        template.passkeys().attestation()));
        PortalServer started = new PortalServer(config).start();
        try {
            DemoData.ensure(started.administration());
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        server = started;
        // The server listens on 127.0.0.1; "localhost" keeps cookies and the app's URLs readable.
        return URI.create("http://localhost:" + started.port());
    }

    @Override
    public String demoEmail() {
        return DemoData.CLINICIAN_EMAIL;
    }

    @Override
    public String demoPassword() {
        return DemoData.PASSWORD;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
