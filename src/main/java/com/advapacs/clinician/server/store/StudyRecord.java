package com.advapacs.clinician.server.store;

import java.time.LocalDate;

/** Imaging study shared with a clinician, as listed on the clinician page. */
public record StudyRecord(
        String patientName,
        String modality,
        LocalDate studyDate,
        String description,
        String sharedBy) {
}
