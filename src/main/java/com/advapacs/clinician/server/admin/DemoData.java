package com.advapacs.clinician.server.admin;

import com.advapacs.clinician.server.store.StudyRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo accounts and studies for trying the desktop app without a real portal. All patients
 * are fictional.
 */
public final class DemoData {
    public static final String CLINICIAN_EMAIL = "demo.clinician@advapacs.example";
    public static final String CLINICIAN_NAME = "Dr Demo Clinician";
    public static final String POLICY_EMAIL = "enrol.required@advapacs.example";
    public static final String POLICY_NAME = "Dr Policy Example";
    public static final String POLICY_ORGANISATION = "St Example Hospital";
    public static final String PASSWORD = "demo-clinician-2026";

    private static final String SHARED_BY = "Dr Amira Khan, Radiology";

    private DemoData() {
    }

    /** Creates the demo accounts and their studies unless they already exist. */
    public static void ensure(PortalAdministration admin) {
        if (admin.findUserId(CLINICIAN_EMAIL).isEmpty()) {
            long id = admin.addUser(CLINICIAN_EMAIL, CLINICIAN_NAME, null, false, PASSWORD);
            for (StudyRecord study : clinicianStudies()) {
                admin.addStudy(id, study);
            }
        }
        admin.setOrganisationMfaRequired(POLICY_ORGANISATION, true);
        if (admin.findUserId(POLICY_EMAIL).isEmpty()) {
            long id = admin.addUser(POLICY_EMAIL, POLICY_NAME, POLICY_ORGANISATION, false,
                    PASSWORD);
            admin.addStudy(id, new StudyRecord("Hughes, Gareth", "CT",
                    LocalDate.of(2026, 2, 11), "CT pulmonary angiogram", SHARED_BY));
        }
    }

    static List<StudyRecord> clinicianStudies() {
        return List.of(
                new StudyRecord("Okafor, Grace", "CT", LocalDate.of(2026, 3, 2),
                        "CT head without contrast, follow-up after fall", SHARED_BY),
                new StudyRecord("Lindqvist, Erik", "MR", LocalDate.of(2026, 2, 24),
                        "MRI lumbar spine, L4-L5 disc assessment", SHARED_BY),
                new StudyRecord("Patel, Ravi", "XR", LocalDate.of(2026, 2, 19),
                        "Chest X-ray PA and lateral", "Dr Tom Fielding, Emergency Medicine"),
                new StudyRecord("Moreau, Élodie", "US", LocalDate.of(2026, 2, 12),
                        "Abdominal ultrasound, right upper quadrant", SHARED_BY),
                new StudyRecord("O'Brien, Siobhán", "CT", LocalDate.of(2026, 1, 30),
                        "CT chest, abdomen and pelvis with contrast, staging", SHARED_BY),
                new StudyRecord("Nakamura, Kenji", "MR", LocalDate.of(2026, 1, 21),
                        "MRI left knee, suspected medial meniscus tear",
                        "Dr Tom Fielding, Emergency Medicine"));
    }
}
