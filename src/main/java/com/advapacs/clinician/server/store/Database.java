package com.advapacs.clinician.server.store;

import java.io.IOException;
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
        prepareFiles(absolute);
        // TRACE_LEVEL_FILE=0 keeps H2 from creating PATH.trace.db with the process umask
        // while the portal runs. Errors still reach the caller as SQLExceptions.
        // WRITE_DELAY=0 writes each commit to the file before the commit returns. With H2's
        // default of 500 ms a crashed process loses the latest commits, such as the failure
        // that starts a sign-in wait, a used TOTP step or a sign-out. NOTE: H2 does not fsync
        // each commit, so a power failure can still lose what the system has not flushed.
        String url = "jdbc:h2:file:" + absolute + ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MILLIS
                + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
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

    /**
     * Creates the database folder with mode 700 and an empty {@code PATH.mv.db} with mode 600
     * if they are missing, before H2 opens the file, and sets mode 600 on H2 files left from
     * earlier runs with wider modes.
     */
    private static void prepareFiles(Path absolute) {
        Path parent = absolute.getParent();
        String prefix = absolute.getFileName() + ".";
        try {
            if (parent != null) {
                PrivateFiles.createDirectories(parent);
            }
            PrivateFiles.createFileIfMissing(Path.of(absolute + ".mv.db"));
            if (parent != null) {
                // NOTE: H2 can still create PATH.N.temp.db for very large results, with the
                // process umask. The portal's queries are small, so none is expected.
                PrivateFiles.restrictFiles(parent, name -> name.startsWith(prefix)
                        && (name.endsWith(".db") || name.endsWith(".db.tempFile")));
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the database folder or file for "
                    + absolute, e);
        }
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
