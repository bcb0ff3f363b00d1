package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalServerMainTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpListsOptions() {
        assertEquals(0, run("", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--port", "--bind", "--database", "--add-user",
                "--display-name", "--organisation", "--require-mfa",
                "--require-mfa-for-organisation", "--rp-id", "--origin", "--user-verification",
                "--attestation", "--log-dir"}) {
            assertTrue(help.contains(option), option);
        }
    }

    @Test
    void invalidPortNamesValueAndFix() {
        assertEquals(2, run("", "--port", "eighty"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("Invalid port \"eighty\""), message);
        assertTrue(message.contains("0 to 65535"), message);
    }

    @Test
    void addUserReadsPasswordFromStdin() {
        Path database = folder.resolve("portal");
        assertEquals(0, run("a long enough password\n", "--add-user", "new@example.org",
                "--display-name", "Dr New", "--organisation", "St Test Hospital",
                "--database", database.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Added user new@example.org"));
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("a long enough password"));

        assertEquals(0, run("", "--require-mfa-for-organisation", "St Test Hospital",
                "--database", database.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("A second sign-in step is now"
                + " required for every member of St Test Hospital."));

        try (TestPortal portal = new TestPortal(database, new MutableClock(TestPortal.START))) {
            ApiResponse response = portal.signIn("new@example.org", "a long enough password");
            assertEquals(200, response.status(), response.toString());
            assertEquals("enrolment_required", response.json().path("result").asString());
        }
    }

    @Test
    void requireMfaForUnknownOrganisationRejected() {
        Path database = folder.resolve("portal");
        assertEquals(0, run("a long enough password\n", "--add-user", "member@example.org",
                "--display-name", "Dr Member", "--organisation", "St Test Hospital",
                "--database", database.toString()));
        assertEquals(0, run("a long enough password\n", "--add-user", "other@example.org",
                "--display-name", "Dr Other", "--organisation", "Clinic B",
                "--database", database.toString()));

        assertEquals(2, run("", "--require-mfa-for-organisation", "St Test Hospitl",
                "--database", database.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("No user belongs to the organisation \"St Test Hospitl\""),
                message);
        assertTrue(message.contains("Organisations with members: \"Clinic B\","
                + " \"St Test Hospital\"."), message);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("now required"));

        try (TestPortal portal = new TestPortal(database, new MutableClock(TestPortal.START))) {
            ApiResponse response = portal.signIn("member@example.org", "a long enough password");
            assertEquals("signed_in", response.json().path("result").asString(),
                    "no organisation's policy changed");
        }
    }

    @Test
    void requireMfaOnEmptyDatabaseRejected() {
        assertEquals(2, run("", "--require-mfa-for-organisation", "St Test Hospital",
                "--database", folder.resolve("portal").toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("No organisation has members yet."), message);
        assertTrue(message.contains("--add-user EMAIL --organisation ORG"), message);
    }

    @Test
    void duplicateUserFails() {
        Path database = folder.resolve("portal");
        String[] args = {"--add-user", "dup@example.org", "--display-name", "Dr Dup",
            "--database", database.toString()};
        assertEquals(0, run("a long enough password\n", args));
        assertEquals(1, run("a long enough password\n", args));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("already exists"));
    }

    @Test
    void shortPasswordFails() {
        assertEquals(1, run("short\n", "--add-user", "s@example.org", "--display-name", "Dr S",
                "--database", folder.resolve("portal").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("12 to 1024 characters"));
    }

    @Test
    void missingPasswordIsUsageError() {
        assertEquals(2, run("", "--add-user", "s@example.org", "--display-name", "Dr S",
                "--database", folder.resolve("portal").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No password given"));
    }

    @Test
    void serveStartsOnFreePort() {
        assertEquals(0, run("", "--port", "0", "--database",
                folder.resolve("portal").toString()));
        String message = out.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("listening on http://127.0.0.1:"), message);
        assertTrue(message.startsWith("Logging to "), message);
        assertTrue(message.matches("(?s).*Passkeys: RP ID localhost, origin"
                + " http://localhost:[1-9][0-9]*, user verification preferred, attestation"
                + " none.*"), message);
        assertTrue(err.toString(StandardCharsets.UTF_8).isEmpty(), "no warning for loopback");
    }

    @Test
    void servePrintsPasskeySettings() {
        assertEquals(0, run("", "--port", "0", "--database", folder.resolve("portal").toString(),
                "--rp-id", "example.org", "--origin", "https://portal.example.org",
                "--user-verification", "required", "--attestation", "direct"));
        String message = out.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("Passkeys: RP ID example.org, origin"
                + " https://portal.example.org, user verification required, attestation"
                + " direct"), message);
    }

    @Test
    void invalidOriginIsUsageError() {
        assertEquals(2, run("", "--origin", "ftp://localhost"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("Invalid origin \"ftp://localhost\""), message);
    }

    @Test
    void portInUseFailsWithMessage() {
        try (TestPortal busy = new TestPortal(folder.resolve("busy"))) {
            int port = busy.server().port();
            assertEquals(1, run("", "--port", Integer.toString(port), "--database",
                    folder.resolve("portal").toString()));
            String message = err.toString(StandardCharsets.UTF_8);
            assertTrue(message.contains(Integer.toString(port)), message);
        }
        assertEquals(0, run("", "--port", "0", "--database", folder.resolve("portal").toString()),
                "the database was closed after the failed start");
    }

    private int run(String stdin, String... args) {
        return PortalServerMain.run(args, null, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }
}
