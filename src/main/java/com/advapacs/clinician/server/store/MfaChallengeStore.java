package com.advapacs.clinician.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Queries on the {@code mfa_challenges} table. */
public final class MfaChallengeStore {

    public void insert(Connection connection, MfaChallengeRecord challenge, Instant now)
            throws SQLException {
        String sql = """
                INSERT INTO mfa_challenges (token_hash, user_id, created_at, expires_at)
                VALUES (?, ?, ?, ?)""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, challenge.tokenHash());
            statement.setLong(2, challenge.userId());
            Jdbc.setInstant(statement, 3, now);
            Jdbc.setInstant(statement, 4, challenge.expiresAt());
            statement.executeUpdate();
        }
    }

    /** Finds a challenge and locks it, so two requests cannot both complete it. */
    public Optional<MfaChallengeRecord> findForUpdate(Connection connection, String tokenHash)
            throws SQLException {
        String sql = """
                SELECT token_hash, user_id, expires_at, used_at
                FROM mfa_challenges WHERE token_hash = ? FOR UPDATE""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tokenHash);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MfaChallengeRecord(
                        row.getString("token_hash"),
                        row.getLong("user_id"),
                        Jdbc.getInstant(row, "expires_at"),
                        Jdbc.getInstant(row, "used_at")));
            }
        }
    }

    public void markUsed(Connection connection, String tokenHash, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE mfa_challenges SET used_at = ? WHERE token_hash = ?")) {
            Jdbc.setInstant(statement, 1, now);
            statement.setString(2, tokenHash);
            statement.executeUpdate();
        }
    }

    /** Deletes challenges that expired before {@code cutoff}; returns how many. */
    public int deleteExpiredBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM mfa_challenges WHERE expires_at < ?")) {
            Jdbc.setInstant(statement, 1, cutoff);
            return statement.executeUpdate();
        }
    }
}
