package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
    private static final String EMAIL = "restart.user@example.org";

    @TempDir
    Path folder;

    @Test
    void stateSurvivesRestart() {
        try (TestPortal portal = new TestPortal(folder)) {
            portal.addUser(EMAIL);
            String revokedSession = portal.signInFull(EMAIL);
            String activeSession = portal.signInFull(EMAIL);
            String secret = portal.enrolTotp(activeSession);
            assertEquals(204, portal.client().postJson("/api/v1/sign-out", "{}", revokedSession)
                    .status());
            portal.nextStep();
            String code = portal.codeAt(secret, Duration.ZERO);
            assertEquals(200, portal.signInTotp(portal.mfaToken(EMAIL), code).status());
            String pendingMfaToken = portal.mfaToken(EMAIL);

            portal.stop();
            assertTrue(Files.exists(folder.resolve("portal.mv.db")));
            portal.start();

            assertEquals(401, portal.client().get("/api/v1/me", revokedSession).status(),
                    "revocation survives");
            ApiResponse me = portal.client().get("/api/v1/me", activeSession);
            assertEquals(200, me.status(), "session survives: " + me);
            assertEquals("active", me.json().path("totp").path("state").asString());

            ApiResponse replay = portal.signInTotp(pendingMfaToken, code);
            assertEquals("code_reused", replay.errorCode(), "last used step survives");

            portal.nextStep();
            assertEquals(200, portal.signInTotp(pendingMfaToken,
                    portal.codeAt(secret, Duration.ZERO)).status(),
                    "MFA token and factor survive");
        }
    }

    @Test
    void expiredRowsPurgedAtStart() throws Exception {
        try (TestPortal portal = new TestPortal(folder)) {
            portal.addUser(EMAIL);
            String token = portal.signInFull(EMAIL);
            portal.enrolTotp(token);
            portal.startEnrolment(token);
            portal.mfaToken(EMAIL);
            assertEquals(1, countRows(portal, "mfa_challenges"));

            portal.stop();
            portal.clock.advance(Duration.ofDays(7).plusHours(12).plusSeconds(1));
            portal.start();
            portal.stop();

            assertEquals(0, countRows(portal, "sessions"));
            assertEquals(0, countRows(portal, "mfa_challenges"));
            assertEquals(1, countRows(portal, "totp_factors"), "only the active factor is left");
            portal.start();
        }
    }

    private static int countRows(TestPortal portal, String table) throws Exception {
        try (Database database = Database.open(portal.databasePath)) {
            return database.transaction(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    row.next();
                    return row.getInt(1);
                }
            });
        }
    }

    @Test
    void factorLockSurvivesRestart() {
        try (TestPortal portal = new TestPortal(folder)) {
            portal.addUser(EMAIL);
            String secret = portal.enrolTotp(portal.signInFull(EMAIL));
            portal.nextStep();
            for (int i = 0; i < 10; i++) {
                portal.clock.advance(Duration.ofMinutes(10));
                portal.signInTotp(portal.mfaToken(EMAIL), portal.wrongCode(secret));
            }

            portal.stop();
            portal.start();

            ApiResponse locked = portal.signInTotp(portal.mfaToken(EMAIL),
                    portal.codeAt(secret, Duration.ZERO));
            assertEquals(423, locked.status(), locked.toString());
            assertEquals("factor_locked", locked.errorCode());
        }
    }

    @Test
    void passwordThrottleSurvivesCrash() throws SQLException {
        try (TestPortal portal = new TestPortal(folder)) {
            portal.addUser(EMAIL);
            for (int i = 0; i < 5; i++) {
                assertEquals(401, portal.signIn(EMAIL, "wrong " + i).status());
            }

            crash(portal);
            portal.start();

            ApiResponse throttled = portal.signIn(EMAIL, TestPortal.PASSWORD);
            assertEquals(429, throttled.status(), throttled.toString());
            assertEquals(30, throttled.json().path("error").path("retryAfterSeconds").asInt());
        }
    }

    @Test
    void codeThrottleSurvivesCrash() throws SQLException {
        try (TestPortal portal = new TestPortal(folder)) {
            portal.addUser(EMAIL);
            String secret = portal.enrolTotp(portal.signInFull(EMAIL));
            portal.nextStep();
            String mfaToken = portal.mfaToken(EMAIL);
            for (int i = 0; i < 5; i++) {
                assertEquals(401, portal.signInTotp(mfaToken, portal.wrongCode(secret)).status());
            }

            crash(portal);
            portal.start();

            ApiResponse throttled = portal.signInTotp(portal.mfaToken(EMAIL),
                    portal.codeAt(secret, Duration.ZERO));
            assertEquals(429, throttled.status(), throttled.toString());
            assertEquals("too_many_attempts", throttled.errorCode());
        }
    }

    /**
     * Stops the portal as a crash would: SHUTDOWN IMMEDIATELY closes the database without
     * writing anything that H2 has not written yet, then the server stops on a closed database.
     */
    private static void crash(TestPortal portal) throws SQLException {
        String url = "jdbc:h2:file:" + portal.databasePath.toAbsolutePath().normalize();
        try (Connection connection = DriverManager.getConnection(url, "portal", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        }
        portal.stop();
    }

    @Test
    void passwordThrottleSurvivesRestart() {
        try (TestPortal portal = new TestPortal(folder)) {
            portal.addUser(EMAIL);
            for (int i = 0; i < 5; i++) {
                assertEquals(401, portal.signIn(EMAIL, "wrong " + i).status());
            }

            portal.stop();
            portal.start();

            ApiResponse throttled = portal.signIn(EMAIL, TestPortal.PASSWORD);
            assertEquals(429, throttled.status(), throttled.toString());
        }
    }
}
