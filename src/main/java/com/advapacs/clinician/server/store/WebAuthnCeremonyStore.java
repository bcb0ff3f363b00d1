package com.advapacs.clinician.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Queries on the {@code webauthn_ceremonies} table. */
public final class WebAuthnCeremonyStore {

    public void insert(Connection connection, WebAuthnCeremonyRecord ceremony)
            throws SQLException {
        String sql = """
                INSERT INTO webauthn_ceremonies (id, kind, user_id, mfa_token_hash, challenge,
                                                 user_verification, attachment, created_at,
                                                 expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, ceremony.id());
            statement.setString(2, ceremony.kind().column());
            if (ceremony.userId() == null) {
                statement.setNull(3, Types.BIGINT);
            } else {
                statement.setLong(3, ceremony.userId());
            }
            statement.setString(4, ceremony.mfaTokenHash());
            statement.setBytes(5, ceremony.challenge());
            statement.setString(6, ceremony.userVerification());
            statement.setString(7, ceremony.attachment());
            Jdbc.setInstant(statement, 8, ceremony.createdAt());
            Jdbc.setInstant(statement, 9, ceremony.expiresAt());
            statement.executeUpdate();
        }
    }

    /** Finds a ceremony of {@code kind} and locks it, so two responses cannot both use it. */
    public Optional<WebAuthnCeremonyRecord> findForUpdate(Connection connection, String id,
            WebAuthnCeremonyKind kind) throws SQLException {
        String sql = """
                SELECT id, kind, user_id, mfa_token_hash, challenge, user_verification,
                       attachment, created_at, expires_at, used_at
                FROM webauthn_ceremonies WHERE id = ? AND kind = ? FOR UPDATE""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.setString(2, kind.column());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new WebAuthnCeremonyRecord(
                        row.getString("id"),
                        WebAuthnCeremonyKind.fromColumn(row.getString("kind")),
                        Jdbc.getNullableLong(row, "user_id"),
                        row.getString("mfa_token_hash"),
                        row.getBytes("challenge"),
                        row.getString("user_verification"),
                        row.getString("attachment"),
                        Jdbc.getInstant(row, "created_at"),
                        Jdbc.getInstant(row, "expires_at"),
                        Jdbc.getInstant(row, "used_at")));
            }
        }
    }

    public void markUsed(Connection connection, String id, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE webauthn_ceremonies SET used_at = ? WHERE id = ?")) {
            Jdbc.setInstant(statement, 1, now);
            statement.setString(2, id);
            statement.executeUpdate();
        }
    }

    /** Deletes ceremonies that expired before {@code cutoff}; returns how many. */
    public int deleteExpiredBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM webauthn_ceremonies WHERE expires_at < ?")) {
            Jdbc.setInstant(statement, 1, cutoff);
            return statement.executeUpdate();
        }
    }
}
