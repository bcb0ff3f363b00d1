package com.advapacs.clinician.server.store;

import com.advapacs.clinician.server.throttle.FailureCount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * Queries on the {@code totp_factors} table. A user has at most one active and at most one
 * pending factor; the service layer keeps that invariant inside transactions.
 */
public final class TotpFactorStore {
    private static final String SELECT = """
            SELECT id, user_id, secret, state, name, created_at, expires_at, last_used_at,
                   last_used_step, consecutive_failures, last_failure_at, locked_until
            FROM totp_factors
            """;

    /**
     * Finds the user's active factor. With {@code forUpdate} the row stays locked until the
     * transaction ends, which serialises concurrent code checks on the same factor.
     */
    public Optional<TotpFactorRecord> findActive(
            Connection connection, long userId, boolean forUpdate) throws SQLException {
        String sql = SELECT + " WHERE user_id = ? AND state = 'active'"
                + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, userId);
            return single(statement);
        }
    }

    /** Finds a pending factor of the user by id, locking it for the transaction. */
    public Optional<TotpFactorRecord> findPendingForUpdate(
            Connection connection, long userId, String id) throws SQLException {
        String sql = SELECT + " WHERE user_id = ? AND id = ? AND state = 'pending' FOR UPDATE";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, userId);
            statement.setString(2, id);
            return single(statement);
        }
    }

    public void insertPending(
            Connection connection,
            String id,
            long userId,
            String secretBase32,
            Instant createdAt,
            Instant expiresAt)
            throws SQLException {
        String sql = """
                INSERT INTO totp_factors (id, user_id, secret, state, created_at, expires_at)
                VALUES (?, ?, ?, 'pending', ?, ?)""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.setLong(2, userId);
            statement.setString(3, secretBase32);
            Jdbc.setInstant(statement, 4, createdAt);
            Jdbc.setInstant(statement, 5, expiresAt);
            statement.executeUpdate();
        }
    }

    /** Deletes the user's factors in {@code state} and returns how many rows went. */
    public int deleteByState(Connection connection, long userId, TotpFactorState state)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM totp_factors WHERE user_id = ? AND state = ?")) {
            statement.setLong(1, userId);
            statement.setString(2, state.column());
            return statement.executeUpdate();
        }
    }

    /** Deletes the user's pending factor {@code id} and returns whether it existed. */
    public boolean deletePending(Connection connection, long userId, String id)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM totp_factors WHERE user_id = ? AND id = ? AND state = 'pending'")) {
            statement.setLong(1, userId);
            statement.setString(2, id);
            return statement.executeUpdate() > 0;
        }
    }

    /** Turns a pending factor into the active one, recording the step used to confirm it. */
    public void activate(Connection connection, String id, String name, long step, Instant now)
            throws SQLException {
        String sql = """
                UPDATE totp_factors
                SET state = 'active', name = ?, expires_at = NULL, created_at = ?,
                    last_used_at = ?, last_used_step = ?, consecutive_failures = 0,
                    last_failure_at = NULL, locked_until = NULL
                WHERE id = ?""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            Jdbc.setInstant(statement, 2, now);
            Jdbc.setInstant(statement, 3, now);
            statement.setLong(4, step);
            statement.setString(5, id);
            statement.executeUpdate();
        }
    }

    /** Records an accepted code: the step becomes the replay floor and failures reset. */
    public void recordSuccess(Connection connection, String id, long step, Instant now)
            throws SQLException {
        String sql = """
                UPDATE totp_factors
                SET last_used_at = ?, last_used_step = ?, consecutive_failures = 0,
                    last_failure_at = NULL, locked_until = NULL
                WHERE id = ?""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.setInstant(statement, 1, now);
            statement.setLong(2, step);
            statement.setString(3, id);
            statement.executeUpdate();
        }
    }

    /** Stores the failure count and lock state after a rejected code. */
    public void recordFailures(
            Connection connection, String id, FailureCount failures, Instant lockedUntil)
            throws SQLException {
        String sql = """
                UPDATE totp_factors
                SET consecutive_failures = ?, last_failure_at = ?, locked_until = ?
                WHERE id = ?""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, failures.failures());
            Jdbc.setInstant(statement, 2, failures.lastFailureAt());
            if (lockedUntil == null) {
                statement.setNull(3, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                Jdbc.setInstant(statement, 3, lockedUntil);
            }
            statement.setString(4, id);
            statement.executeUpdate();
        }
    }

    /** Deletes pending factors whose confirmation period ended before {@code cutoff}. */
    public int deleteExpiredPending(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM totp_factors WHERE state = 'pending' AND expires_at < ?")) {
            Jdbc.setInstant(statement, 1, cutoff);
            return statement.executeUpdate();
        }
    }

    private static Optional<TotpFactorRecord> single(PreparedStatement statement)
            throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            FailureCount failures = new FailureCount(
                    row.getInt("consecutive_failures"), Jdbc.getInstant(row, "last_failure_at"));
            return Optional.of(new TotpFactorRecord(
                    row.getString("id"),
                    row.getLong("user_id"),
                    row.getString("secret"),
                    TotpFactorState.fromColumn(row.getString("state")),
                    row.getString("name"),
                    Jdbc.getInstant(row, "created_at"),
                    Jdbc.getInstant(row, "expires_at"),
                    Jdbc.getInstant(row, "last_used_at"),
                    Jdbc.getNullableLong(row, "last_used_step"),
                    failures,
                    Jdbc.getInstant(row, "locked_until")));
        }
    }
}
