package com.advapacs.clinician.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on the {@code passkeys} table. A credential id belongs to at most one user. */
public final class PasskeyStore {
    private static final String SELECT = """
            SELECT credential_id, user_id, public_key, sign_count, aaguid, attestation_format,
                   transports, backup_eligible, backed_up, uv_initialized, attachment, name,
                   sign_count_warning, created_at, last_used_at
            FROM passkeys
            """;

    /** Inserts a new passkey; the caller has checked that the credential id is unused. */
    public void insert(Connection connection, PasskeyRecord passkey) throws SQLException {
        String sql = """
                INSERT INTO passkeys (credential_id, user_id, public_key, sign_count, aaguid,
                                      attestation_format, transports, backup_eligible,
                                      backed_up, uv_initialized, attachment, name,
                                      sign_count_warning, created_at, last_used_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, passkey.credentialId());
            statement.setLong(2, passkey.userId());
            statement.setBytes(3, passkey.publicKey());
            statement.setLong(4, passkey.signCount());
            statement.setObject(5, passkey.aaguid());
            statement.setString(6, passkey.attestationFormat());
            statement.setString(7, String.join(",", passkey.transports()));
            statement.setBoolean(8, passkey.backupEligible());
            statement.setBoolean(9, passkey.backedUp());
            statement.setBoolean(10, passkey.uvInitialized());
            statement.setString(11, passkey.attachment());
            statement.setString(12, passkey.name());
            statement.setBoolean(13, passkey.signCountWarning());
            Jdbc.setInstant(statement, 14, passkey.createdAt());
            Jdbc.setInstant(statement, 15, passkey.lastUsedAt());
            statement.executeUpdate();
        }
    }

    /**
     * Finds a passkey by credential id, for any user. With {@code forUpdate} the row stays
     * locked until the transaction ends, which serialises sign-count updates.
     */
    public Optional<PasskeyRecord> find(Connection connection, byte[] credentialId,
            boolean forUpdate) throws SQLException {
        String sql = SELECT + " WHERE credential_id = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, credentialId);
            List<PasskeyRecord> found = list(statement);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Lists the user's passkeys, oldest first. */
    public List<PasskeyRecord> listByUser(Connection connection, long userId)
            throws SQLException {
        String sql = SELECT + " WHERE user_id = ? ORDER BY created_at, credential_id";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, userId);
            return list(statement);
        }
    }

    public int countByUser(Connection connection, long userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM passkeys WHERE user_id = ?")) {
            statement.setLong(1, userId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Renames the user's passkey; returns false if the user has no such passkey. */
    public boolean rename(Connection connection, long userId, byte[] credentialId, String name)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE passkeys SET name = ? WHERE user_id = ? AND credential_id = ?")) {
            statement.setString(1, name);
            statement.setLong(2, userId);
            statement.setBytes(3, credentialId);
            return statement.executeUpdate() > 0;
        }
    }

    /** Deletes the user's passkey; returns false if the user has no such passkey. */
    public boolean delete(Connection connection, long userId, byte[] credentialId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM passkeys WHERE user_id = ? AND credential_id = ?")) {
            statement.setLong(1, userId);
            statement.setBytes(2, credentialId);
            return statement.executeUpdate() > 0;
        }
    }

    /** Stores the outcome of a successful sign-in with the passkey. */
    public void recordUse(Connection connection, byte[] credentialId, long signCount,
            boolean backedUp, boolean uvInitialized, boolean signCountWarning, Instant now)
            throws SQLException {
        String sql = """
                UPDATE passkeys
                SET sign_count = ?, backed_up = ?, uv_initialized = ?, sign_count_warning = ?,
                    last_used_at = ?
                WHERE credential_id = ?""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, signCount);
            statement.setBoolean(2, backedUp);
            statement.setBoolean(3, uvInitialized);
            statement.setBoolean(4, signCountWarning);
            Jdbc.setInstant(statement, 5, now);
            statement.setBytes(6, credentialId);
            statement.executeUpdate();
        }
    }

    private static List<PasskeyRecord> list(PreparedStatement statement) throws SQLException {
        List<PasskeyRecord> passkeys = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                String transports = row.getString("transports");
                passkeys.add(new PasskeyRecord(
                        row.getBytes("credential_id"),
                        row.getLong("user_id"),
                        row.getBytes("public_key"),
                        row.getLong("sign_count"),
                        row.getObject("aaguid", UUID.class),
                        row.getString("attestation_format"),
                        transports.isEmpty() ? List.of() : Arrays.asList(transports.split(",")),
                        row.getBoolean("backup_eligible"),
                        row.getBoolean("backed_up"),
                        row.getBoolean("uv_initialized"),
                        row.getString("attachment"),
                        row.getString("name"),
                        row.getBoolean("sign_count_warning"),
                        Jdbc.getInstant(row, "created_at"),
                        Jdbc.getInstant(row, "last_used_at")));
            }
        }
        return passkeys;
    }
}
