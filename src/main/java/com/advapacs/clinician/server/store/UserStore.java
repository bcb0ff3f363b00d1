package com.advapacs.clinician.server.store;

import com.advapacs.clinician.server.throttle.FailureCount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Queries on the {@code users} table. Emails are unique ignoring case. */
public final class UserStore {
    private static final String SELECT = """
            SELECT u.id, u.email, u.display_name, u.organisation, u.mfa_required,
                   COALESCE(o.mfa_required, FALSE) AS organisation_mfa_required,
                   u.password_hash, u.failed_sign_ins, u.last_failed_sign_in_at
            FROM users u LEFT JOIN organisations o ON o.name = u.organisation
            """;

    /** Returns the lookup key of {@code email}: the address in lower case (Locale.ROOT). */
    public static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    public Optional<UserRecord> findByEmail(Connection connection, String email)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(SELECT + " WHERE u.email_key = ?")) {
            statement.setString(1, emailKey(email));
            return single(statement);
        }
    }

    public Optional<UserRecord> findById(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(SELECT + " WHERE u.id = ?")) {
            statement.setLong(1, id);
            return single(statement);
        }
    }

    /** Inserts a user and returns its id; the organisation row must already exist. */
    public long insert(
            Connection connection,
            String email,
            String displayName,
            String organisation,
            boolean mfaRequired,
            String passwordHash,
            Instant now)
            throws SQLException {
        String sql = """
                INSERT INTO users (email, email_key, display_name, organisation, mfa_required,
                                   password_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement statement =
                connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, email);
            statement.setString(2, emailKey(email));
            statement.setString(3, displayName);
            statement.setString(4, organisation);
            statement.setBoolean(5, mfaRequired);
            statement.setString(6, passwordHash);
            Jdbc.setInstant(statement, 7, now);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void updateFailedSignIns(Connection connection, long id, FailureCount count)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE users SET failed_sign_ins = ?, last_failed_sign_in_at = ? WHERE id = ?")) {
            statement.setInt(1, count.failures());
            Jdbc.setInstant(statement, 2, count.lastFailureAt());
            statement.setLong(3, id);
            statement.executeUpdate();
        }
    }

    public void updatePasswordHash(Connection connection, long id, String passwordHash)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            statement.setString(1, passwordHash);
            statement.setLong(2, id);
            statement.executeUpdate();
        }
    }

    /**
     * Locks the user's row until the transaction ends, so that checks across several of the
     * user's rows, such as counting their MFA methods before removing one, cannot interleave.
     */
    public void lock(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT id FROM users WHERE id = ? FOR UPDATE")) {
            statement.setLong(1, id);
            statement.executeQuery().close();
        }
    }

    /** Returns the user's WebAuthn user handle, or empty if none was created yet. */
    public Optional<byte[]> findUserHandle(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT user_handle FROM users WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.ofNullable(row.getBytes("user_handle"));
            }
        }
    }

    /** Stores the user's WebAuthn user handle; the caller holds the lock from {@link #lock}. */
    public void setUserHandle(Connection connection, long id, byte[] userHandle)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("UPDATE users SET user_handle = ? WHERE id = ?")) {
            statement.setBytes(1, userHandle);
            statement.setLong(2, id);
            statement.executeUpdate();
        }
    }

    private static Optional<UserRecord> single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            FailureCount failures = new FailureCount(
                    row.getInt("failed_sign_ins"), Jdbc.getInstant(row, "last_failed_sign_in_at"));
            return Optional.of(new UserRecord(
                    row.getLong("id"),
                    row.getString("email"),
                    row.getString("display_name"),
                    row.getString("organisation"),
                    row.getBoolean("mfa_required"),
                    row.getBoolean("organisation_mfa_required"),
                    row.getString("password_hash"),
                    failures));
        }
    }
}
