package com.advapacs.clinician.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Queries on the {@code sessions} table. */
public final class SessionStore {

    public void insert(Connection connection, SessionRecord session) throws SQLException {
        String sql = """
                INSERT INTO sessions (token_hash, user_id, scope, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, session.tokenHash());
            statement.setLong(2, session.userId());
            statement.setString(3, session.scope().wireName());
            Jdbc.setInstant(statement, 4, session.createdAt());
            Jdbc.setInstant(statement, 5, session.expiresAt());
            statement.executeUpdate();
        }
    }

    public Optional<SessionRecord> find(Connection connection, String tokenHash)
            throws SQLException {
        String sql = """
                SELECT token_hash, user_id, scope, created_at, expires_at, revoked_at
                FROM sessions WHERE token_hash = ?""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tokenHash);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionRecord(
                        row.getString("token_hash"),
                        row.getLong("user_id"),
                        SessionScope.fromWireName(row.getString("scope")),
                        Jdbc.getInstant(row, "created_at"),
                        Jdbc.getInstant(row, "expires_at"),
                        Jdbc.getInstant(row, "revoked_at")));
            }
        }
    }

    /** Marks the session revoked unless it already is; returns whether a row changed. */
    public boolean revoke(Connection connection, String tokenHash, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")) {
            Jdbc.setInstant(statement, 1, now);
            statement.setString(2, tokenHash);
            return statement.executeUpdate() > 0;
        }
    }

    /** Deletes sessions that expired before {@code cutoff}; returns how many. */
    public int deleteExpiredBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
            Jdbc.setInstant(statement, 1, cutoff);
            return statement.executeUpdate();
        }
    }
}
