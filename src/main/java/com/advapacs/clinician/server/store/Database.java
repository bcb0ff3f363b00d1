package com.advapacs.clinician.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Embedded H2 file database with a connection pool; the schema is migrated on open. */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Wait for a row lock held by a concurrent request before failing, in milliseconds. */
    private static final int LOCK_TIMEOUT_MILLIS = 10_000;

    private final JdbcConnectionPool pool;
    private final Path path;

    private Database(JdbcConnectionPool pool, Path path) {
        this.pool = pool;
        this.path = path;
    }

    /**
     * Opens (creating if needed) the database at {@code path}. H2 adds the suffix
     * {@code .mv.db}, so {@code /data/portal} is stored in {@code /data/portal.mv.db}.
     *
     * @throws StoreException if the file cannot be created, opened or migrated
     */
    public static Database open(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.toString().contains(";")) {
            throw new IllegalArgumentException(
                    "Database path must not contain ';' (H2 reads it as a setting): " + absolute);
        }
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the database folder for " + absolute, e);
        }
        // WRITE_DELAY=0 writes each commit to the file before the commit returns. With H2's
        // default of 500 ms a crashed process loses the latest commits, such as the failure
        // that starts a sign-in wait, a used TOTP step or a sign-out. NOTE: H2 does not fsync
        // each commit, so a power failure can still lose what the system has not flushed.
        String url = "jdbc:h2:file:" + absolute + ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MILLIS
                + ";WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "portal", "");
        Database database = new Database(pool, absolute);
        try {
            database.transaction(SchemaMigrations::migrate);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        LOG.info("Opened portal database {}.mv.db", absolute);
        return database;
    }

    public Path path() {
        return path;
    }

    /**
     * Runs {@code work} in one transaction, committing if it returns and rolling back if it
     * throws.
     */
    public <T> T transaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Database operation failed on " + path, e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
        LOG.info("Closed portal database {}.mv.db", path);
    }
}
