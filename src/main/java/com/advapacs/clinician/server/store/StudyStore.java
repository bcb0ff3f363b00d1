package com.advapacs.clinician.server.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Queries on the {@code studies} table. */
public final class StudyStore {

    /** Lists the studies shared with the user, newest study date first. */
    public List<StudyRecord> listForUser(Connection connection, long userId) throws SQLException {
        String sql = """
                SELECT patient_name, modality, study_date, description, shared_by
                FROM studies WHERE user_id = ? ORDER BY study_date DESC, id""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, userId);
            List<StudyRecord> studies = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    studies.add(new StudyRecord(
                            row.getString("patient_name"),
                            row.getString("modality"),
                            row.getDate("study_date").toLocalDate(),
                            row.getString("description"),
                            row.getString("shared_by")));
                }
            }
            return studies;
        }
    }

    public void insert(Connection connection, long userId, StudyRecord study) throws SQLException {
        String sql = """
                INSERT INTO studies (user_id, patient_name, modality, study_date, description,
                                     shared_by)
                VALUES (?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, userId);
            statement.setString(2, study.patientName());
            statement.setString(3, study.modality());
            statement.setDate(4, Date.valueOf(study.studyDate()));
            statement.setString(5, study.description());
            statement.setString(6, study.sharedBy());
            statement.executeUpdate();
        }
    }
}
