package com.advapacs.clinician.server.passkey;

import static com.advapacs.clinician.server.passkey.PasskeyRegistrationTest.YUBIKEY_5_NFC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.ApiResponse;
import com.advapacs.clinician.server.TestPortal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PasskeyRestartTest {
    private static final String EMAIL = "restart.passkey@example.org";

    @TempDir
    Path folder;

    @Test
    void passkeysAndCountsSurviveRestart() {
        try (TestPortal portal = new TestPortal(folder)) {
            PasskeyApi api = new PasskeyApi(portal);
            portal.addUser(EMAIL);
            SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
            key.backupEligible = true;
            JsonNode registered = api.registered(portal.signInFull(EMAIL), key);
            key.signCount = 40;
            String firstToken = api.signInSecondStep(EMAIL, key).json().path("session")
                    .path("token").asString();
            String userHandle = api.startRegistration(firstToken).path("publicKey").path("user")
                    .path("id").asString();

            portal.stop();
            portal.start();

            ApiResponse signedIn = api.signInPasswordless(key);
            assertEquals(200, signedIn.status(), "passkey and user handle survive: " + signedIn);
            String token = signedIn.json().path("session").path("token").asString();
            JsonNode passkey = api.list(token).get(0);
            assertEquals(registered.path("id"), passkey.path("id"));
            assertEquals(registered.path("name"), passkey.path("name"));
            assertEquals(registered.path("transports"), passkey.path("transports"));
            assertTrue(passkey.path("backupEligible").asBoolean());
            assertFalse(passkey.path("signCountWarning").asBoolean(true), "42 follows 41");
            assertEquals(userHandle, api.startRegistration(token).path("publicKey").path("user")
                    .path("id").asString());

            portal.stop();
            portal.start();
            key.signCount = 41;
            ApiResponse replayed = api.signInSecondStep(EMAIL, key);
            assertEquals(200, replayed.status());
            assertTrue(api.list(token).get(0).path("signCountWarning").asBoolean(),
                    "count 42 again is flagged, so the stored 42 survived the restart");
        }
    }

    @Test
    void pendingCeremoniesSurviveRestart() {
        try (TestPortal portal = new TestPortal(folder)) {
            PasskeyApi api = new PasskeyApi(portal);
            portal.addUser(EMAIL);
            String token = portal.signInFull(EMAIL);
            SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
            JsonNode registration = api.startRegistration(token);

            portal.stop();
            portal.start();

            ApiResponse finished = api.finish(token,
                    registration.path("registrationId").asString(),
                    key.register(registration.path("publicKey"), portal.origin()));
            assertEquals(201, finished.status(), finished.toString());
            JsonNode options = api.optionsFor(portal.mfaToken(EMAIL));

            portal.stop();
            portal.clock.advance(Duration.ofMinutes(1));
            portal.start();

            ApiResponse signedIn = api.signIn(options.path("assertionId").asString(),
                    key.authenticate(options.path("publicKey"), portal.origin(), false));
            assertEquals(200, signedIn.status(), signedIn.toString());
        }
    }
}
