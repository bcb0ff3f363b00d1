package com.advapacs.clinician.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Queries on the {@code organisations} table. */
public final class OrganisationStore {

    /** Creates the organisation without an MFA requirement unless it already exists. */
    public void ensureExists(Connection connection, String name) throws SQLException {
        String sql = """
                MERGE INTO organisations o USING (VALUES CAST(? AS VARCHAR(200))) s(name)
                ON o.name = s.name
                WHEN NOT MATCHED THEN INSERT (name, mfa_required) VALUES (s.name, FALSE)""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            statement.executeUpdate();
        }
    }

    /** Returns the names of the organisations that at least one user belongs to, sorted. */
    public List<String> listWithMembers(Connection connection) throws SQLException {
        String sql = """
                SELECT o.name FROM organisations o
                WHERE EXISTS (SELECT 1 FROM users u WHERE u.organisation = o.name)
                ORDER BY o.name""";
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }

    /** Creates the organisation if needed and sets whether it requires MFA. */
    public void setMfaRequired(Connection connection, String name, boolean required)
            throws SQLException {
        ensureExists(connection, name);
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE organisations SET mfa_required = ? WHERE name = ?")) {
            statement.setBoolean(1, required);
            statement.setString(2, name);
            statement.executeUpdate();
        }
    }
}
