package com.advapacs.clinician.server;

import com.advapacs.clinician.server.admin.PortalAdministration;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.ExpiredRowPurge;
import io.javalin.Javalin;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference portal: an HTTP JSON API for clinician sign-in, TOTP enrolment and passkeys plus
 * the clinician page, over an embedded H2 database.
 */
public final class PortalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);

    private final PortalConfig config;
    private Database database;
    private PortalServices services;
    // Volatile so request threads can read the listening port without the monitor.
    private volatile Javalin javalin;

    public PortalServer(PortalConfig config) {
        this.config = config;
    }

    /**
     * Opens the database, migrating its schema, and starts listening.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized PortalServer start() {
        if (javalin != null) {
            throw new IllegalStateException("Portal already started on port " + port());
        }
        database = Database.open(config.databasePath());
        try {
            ExpiredRowPurge.run(database, config.clock());
            services = new PortalServices(config, database, this::listeningPort);
            javalin = PortalHttp.create(services);
            javalin.start(config.bindAddress(), config.port());
        } catch (RuntimeException e) {
            // A failed bind can leave Jetty threads behind, so stop before giving up.
            if (javalin != null) {
                try {
                    javalin.stop();
                } catch (RuntimeException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
            }
            javalin = null;
            database.close();
            throw e;
        }
        LOG.info("Portal listening on {}", baseUri());
        return this;
    }

    /** Returns the port the server listens on, which differs from the config for port 0. */
    public synchronized int port() {
        requireStarted();
        return javalin.port();
    }

    /**
     * Returns the port for passkey origins. It does not take the monitor, because {@link
     * #close()} holds it while Jetty waits for running requests.
     */
    private int listeningPort() {
        Javalin current = javalin;
        return current == null ? config.port() : current.port();
    }

    /** Returns {@code http://ADDRESS:PORT} for the bind address, with IPv6 in brackets. */
    public URI baseUri() {
        String host = config.bindAddress();
        try {
            if (InetAddress.getByName(host) instanceof Inet6Address) {
                host = "[" + host + "]";
            }
        } catch (UnknownHostException e) {
            // The server is already bound to this address, so it resolves; keep it unchanged.
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** Returns the administration operations on this server's database. */
    public synchronized PortalAdministration administration() {
        requireStarted();
        return services.administration();
    }

    /** Stops listening and closes the database; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (javalin == null) {
            return;
        }
        try {
            javalin.stop();
        } finally {
            javalin = null;
            database.close();
            LOG.info("Portal stopped");
        }
    }

    private void requireStarted() {
        if (javalin == null) {
            throw new IllegalStateException("Portal is not started");
        }
    }
}
