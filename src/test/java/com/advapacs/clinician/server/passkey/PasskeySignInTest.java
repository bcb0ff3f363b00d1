package com.advapacs.clinician.server.passkey;

import static com.advapacs.clinician.server.passkey.PasskeyRegistrationTest.YUBIKEY_5_NFC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.ApiResponse;
import com.advapacs.clinician.server.MutableClock;
import com.advapacs.clinician.server.TestPortal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PasskeySignInTest {
    private static final String EMAIL = "passkey.signin@example.org";
    private static final String OTHER_EMAIL = "other.signin@example.org";

    @TempDir
    Path folder;

    private TestPortal portal;
    private PasskeyApi api;
    private SoftwareAuthenticator key;

    @BeforeEach
    void start() {
        portal = new TestPortal(folder);
        api = new PasskeyApi(portal);
        portal.addUser(EMAIL);
        key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        api.registered(portal.signInFull(EMAIL), key);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void passwordStepOffersPasskey() {
        ApiResponse response = portal.signIn(EMAIL, TestPortal.PASSWORD);
        assertEquals("mfa_required", response.json().path("result").asString());
        assertEquals("[\"passkey\"]", response.json().path("methods").toString());
    }

    @Test
    void methodsListTotpThenPasskey() {
        portal.addUser(OTHER_EMAIL);
        String token = portal.signInFull(OTHER_EMAIL);
        portal.enrolTotp(token);
        api.registered(token, SoftwareAuthenticator.es256(YUBIKEY_5_NFC));

        ApiResponse response = portal.signIn(OTHER_EMAIL, TestPortal.PASSWORD);
        assertEquals("[\"totp\",\"passkey\"]", response.json().path("methods").toString());
        JsonNode me = portal.client().get("/api/v1/me", token).json();
        assertEquals("[\"totp\",\"passkey\"]", me.path("methods").toString());
    }

    @Test
    void secondStepOptionsFollowContract() {
        SoftwareAuthenticator second = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        second.transports = List.of("usb");
        portal.clock.advance(Duration.ofSeconds(1));
        api.registered(fullToken(), second);

        JsonNode started = api.optionsFor(portal.mfaToken(EMAIL));

        assertTrue(started.path("assertionId").asString().length() > 0);
        JsonNode options = started.path("publicKey");
        assertEquals(32, Base64.getUrlDecoder().decode(options.path("challenge").asString())
                .length);
        assertEquals(120_000, options.path("timeout").asLong());
        assertEquals("localhost", options.path("rpId").asString());
        assertEquals("preferred", options.path("userVerification").asString());
        JsonNode allowed = options.path("allowCredentials");
        assertEquals(2, allowed.size(), allowed.toString());
        assertEquals("public-key", allowed.get(0).path("type").asString());
        assertEquals(key.credentialIdText(), allowed.get(0).path("id").asString());
        assertEquals("[\"usb\",\"nfc\"]", allowed.get(0).path("transports").toString());
        assertEquals(second.credentialIdText(), allowed.get(1).path("id").asString());
    }

    @Test
    void secondStepSignsIn() {
        String mfaToken = portal.mfaToken(EMAIL);
        JsonNode options = api.optionsFor(mfaToken);
        ApiResponse response = api.signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), portal.origin(), false));

        assertEquals(200, response.status(), response.toString());
        assertEquals("signed_in", response.json().path("result").asString());
        assertEquals(EMAIL, response.json().path("user").path("email").asString());
        String token = response.json().path("session").path("token").asString();
        JsonNode me = portal.client().get("/api/v1/me", token).json();
        assertEquals("full", me.path("sessionScope").asString());
        JsonNode passkey = me.path("passkeys").get(0);
        assertEquals("2026-03-02T09:00:10Z", passkey.path("lastUsedAt").asString());
        assertFalse(passkey.path("signCountWarning").asBoolean(true));

        ApiResponse spent = api.options("{\"mfaToken\":\"" + mfaToken + "\"}");
        assertEquals(401, spent.status(), "the MFA token is spent");
        assertEquals("mfa_token_invalid", spent.errorCode());
    }

    @Test
    void userHandleCheckedAtSecondStep() {
        JsonNode options = api.optionsFor(portal.mfaToken(EMAIL));
        ApiResponse withHandle = api.signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), portal.origin(), true));
        assertEquals(200, withHandle.status(), withHandle.toString());

        key.userHandle = new byte[32];
        options = api.optionsFor(portal.mfaToken(EMAIL));
        ApiResponse wrongHandle = api.signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), portal.origin(), true));
        assertSignInInvalid(wrongHandle, "user_handle_mismatch");
    }

    @Test
    void passwordlessSignsIn() {
        JsonNode options = api.optionsFor(null);
        assertEquals(0, options.path("publicKey").path("allowCredentials").size());
        assertTrue(options.path("publicKey").path("allowCredentials").isArray());
        assertEquals("required", options.path("publicKey").path("userVerification").asString());
        assertEquals("localhost", options.path("publicKey").path("rpId").asString());

        ApiResponse response = api.signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), portal.origin(), true));

        assertEquals(200, response.status(), response.toString());
        assertEquals("signed_in", response.json().path("result").asString());
        assertEquals(EMAIL, response.json().path("user").path("email").asString());
        assertEquals(200, api.options("{\"mfaToken\":null}").status(), "null means passwordless");
    }

    @Test
    void passwordlessNeedsUserVerification() {
        key.userVerified = false;
        assertSignInInvalid(api.signInPasswordless(key), "user_not_verified");
        assertEquals(200, api.signInSecondStep(EMAIL, key).status(),
                "the second step follows the setting, preferred");
    }

    @Test
    void passwordlessNeedsUserHandle() {
        JsonNode options = api.optionsFor(null);
        ApiResponse response = api.signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), portal.origin(), false));

        assertEquals(400, response.status(), response.toString());
        assertEquals("missing_field", response.errorCode());
        assertEquals("credential.response.userHandle",
                response.json().path("error").path("field").asString(), response.body());
    }

    @Test
    void passwordlessOptionsLimitedPerAddress() {
        for (int i = 0; i < PasskeySignInService.PASSWORDLESS_OPTIONS_PER_WINDOW; i++) {
            assertEquals(200, api.options("{}").status(), "request " + i);
        }
        portal.clock.advance(Duration.ofSeconds(20));

        ApiResponse limited = api.options("{}");
        assertEquals(429, limited.status(), limited.toString());
        assertEquals("too_many_attempts", limited.errorCode());
        assertEquals(40, limited.json().path("error").path("retryAfterSeconds").asInt(),
                limited.body());
        JsonNode secondStep = api.optionsFor(portal.mfaToken(EMAIL));
        assertEquals(1, secondStep.path("publicKey").path("allowCredentials").size(),
                "second-step options are not limited");

        portal.clock.advance(Duration.ofSeconds(40));
        assertEquals(200, api.options("{}").status(), "a new window has started");
    }

    @Test
    void expiredOptionsDeletedWhenIssuingNew() throws SQLException {
        api.optionsFor(null);
        api.optionsFor(null);
        assertEquals(2, ceremonyCount());

        portal.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        api.optionsFor(null);

        assertEquals(1, ceremonyCount(), "only the new options remain");
    }

    @Test
    void passwordlessRejectsOtherUsersHandle() {
        portal.addUser(OTHER_EMAIL);
        SoftwareAuthenticator other = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        api.registered(portal.signInFull(OTHER_EMAIL), other);
        key.userHandle = other.userHandle;
        assertSignInInvalid(api.signInPasswordless(key), "user_handle_mismatch");
    }

    @Test
    void passwordlessForPolicyUserWithOnlyPasskey() {
        portal.admin().addUser(OTHER_EMAIL, "Dr Policy", "St Test Hospital", false,
                TestPortal.PASSWORD);
        portal.admin().setOrganisationMfaRequired("St Test Hospital", true);
        String enrolment = portal.signIn(OTHER_EMAIL, TestPortal.PASSWORD).json()
                .path("session").path("token").asString();
        SoftwareAuthenticator policyKey = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        api.registered(enrolment, policyKey);

        ApiResponse response = api.signInPasswordless(policyKey);

        assertEquals(200, response.status(), response.toString());
        String token = response.json().path("session").path("token").asString();
        assertEquals("full", portal.client().get("/api/v1/me", token).json()
                .path("sessionScope").asString());
    }

    @Test
    void badSignatureRejected() {
        JsonNode options = api.optionsFor(portal.mfaToken(EMAIL));
        ObjectNode credential = key.authenticate(options.path("publicKey"), portal.origin(),
                false);
        ObjectNode response = (ObjectNode) credential.path("response");
        byte[] signature = Base64.getUrlDecoder().decode(response.path("signature").asString());
        signature[signature.length - 1] ^= 0x01;
        response.put("signature",
                Base64.getUrlEncoder().withoutPadding().encodeToString(signature));

        assertSignInInvalid(api.signIn(options.path("assertionId").asString(), credential),
                "bad_signature");
    }

    @Test
    void wrongOriginRejected() {
        JsonNode options = api.optionsFor(portal.mfaToken(EMAIL));
        ApiResponse response = api.signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), "http://localhost:1", false));
        assertSignInInvalid(response, "origin_mismatch");
        assertEquals("The security key's response was for a different website.",
                response.json().path("error").path("message").asString());
    }

    @Test
    void wrongRpIdHashRejected() {
        JsonNode options = api.optionsFor(portal.mfaToken(EMAIL));
        SoftwareAuthenticator.ClientData clientData = new SoftwareAuthenticator.ClientData(
                "webauthn.get", options.path("publicKey").path("challenge").asString(),
                portal.origin());
        ApiResponse response = api.signIn(options.path("assertionId").asString(),
                key.authenticate("example.org", clientData, false));
        assertSignInInvalid(response, "rp_id_mismatch");
    }

    @Test
    void wrongClientDataTypeRejected() {
        JsonNode options = api.optionsFor(portal.mfaToken(EMAIL));
        SoftwareAuthenticator.ClientData clientData = new SoftwareAuthenticator.ClientData(
                "webauthn.create", options.path("publicKey").path("challenge").asString(),
                portal.origin());
        ApiResponse response = api.signIn(options.path("assertionId").asString(),
                key.authenticate("localhost", clientData, false));
        assertSignInInvalid(response, "wrong_ceremony");
    }

    @Test
    void missingUserPresenceRejected() {
        key.userPresent = false;
        assertSignInInvalid(api.signInSecondStep(EMAIL, key), "user_not_present");
    }

    @Test
    void missingUserVerificationRejectedWhenRequired() {
        portal.close();
        portal = new TestPortal(folder.resolve("required"), new MutableClock(TestPortal.START),
                config -> config.withPasskeys(
                        config.passkeys().withUserVerification(UserVerification.REQUIRED)));
        api = new PasskeyApi(portal);
        portal.addUser(EMAIL);
        api.registered(portal.signInFull(EMAIL), key);
        JsonNode options = api.optionsFor(portal.mfaToken(EMAIL));
        assertEquals("required", options.path("publicKey").path("userVerification").asString());

        key.userVerified = false;
        ApiResponse response = api.signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), portal.origin(), false));

        assertSignInInvalid(response, "user_not_verified");
    }

    @Test
    void unknownCredentialNotRecognised() {
        SoftwareAuthenticator stranger = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        stranger.userHandle = new byte[32];
        for (ApiResponse response : new ApiResponse[] {
            api.signInSecondStep(EMAIL, stranger), api.signInPasswordless(stranger)}) {
            assertEquals(401, response.status(), response.toString());
            assertEquals("passkey_not_recognised", response.errorCode());
            assertEquals("This security key is not registered to your account.",
                    response.json().path("error").path("message").asString());
        }
    }

    @Test
    void otherUsersCredentialNotRecognised() {
        portal.addUser(OTHER_EMAIL);
        SoftwareAuthenticator other = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        api.registered(portal.signInFull(OTHER_EMAIL), other);

        ApiResponse response = api.signInSecondStep(EMAIL, other);

        assertEquals(401, response.status(), response.toString());
        assertEquals("passkey_not_recognised", response.errorCode());
    }

    @Test
    void assertionUsableOnce() {
        JsonNode options = api.optionsFor(null);
        String id = options.path("assertionId").asString();
        ObjectNode credential = key.authenticate(options.path("publicKey"), portal.origin(),
                true);
        assertEquals(200, api.signIn(id, credential).status());

        ApiResponse reused = api.signIn(id, credential);
        assertEquals(404, reused.status(), reused.toString());
        assertEquals("assertion_not_found", reused.errorCode());

        ApiResponse unknown = api.signIn("00000000-0000-0000-0000-000000000000", credential);
        assertEquals("assertion_not_found", unknown.errorCode());
    }

    @Test
    void expiredAssertionNotFound() {
        JsonNode options = api.optionsFor(null);
        portal.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        ApiResponse response = api.signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), portal.origin(), true));
        assertEquals(404, response.status(), response.toString());
        assertEquals("assertion_not_found", response.errorCode());
    }

    @Test
    void challengeOfOtherOptionsRejected() {
        JsonNode first = api.optionsFor(null);
        JsonNode second = api.optionsFor(null);
        ApiResponse response = api.signIn(second.path("assertionId").asString(),
                key.authenticate(first.path("publicKey"), portal.origin(), true));
        assertSignInInvalid(response, "challenge_mismatch");
    }

    @Test
    void expiredMfaTokenRejected() {
        String mfaToken = portal.mfaToken(EMAIL);
        JsonNode options = api.optionsFor(mfaToken);
        portal.clock.advance(Duration.ofMinutes(4));
        JsonNode late = api.optionsFor(mfaToken);
        portal.clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        ApiResponse response = api.signIn(late.path("assertionId").asString(),
                key.authenticate(late.path("publicKey"), portal.origin(), false));

        assertEquals(401, response.status(), response.toString());
        assertEquals("mfa_token_invalid", response.errorCode());
        assertNotEquals(options.path("assertionId").asString(),
                late.path("assertionId").asString());
        ApiResponse expired = api.options("{\"mfaToken\":\"" + mfaToken + "\"}");
        assertEquals("mfa_token_invalid", expired.errorCode());
    }

    @Test
    void unknownMfaTokenRejected() {
        for (String body : new String[] {"{\"mfaToken\":\"unknown-token\"}",
            "{\"mfaToken\":\"not a token!\"}"}) {
            ApiResponse response = api.options(body);
            assertEquals(401, response.status(), response.toString());
            assertEquals("mfa_token_invalid", response.errorCode());
        }
    }

    @Test
    void accountWithoutPasskeyHasNoOptions() {
        portal.addUser(OTHER_EMAIL);
        portal.enrolTotp(portal.signInFull(OTHER_EMAIL));
        ApiResponse response = api.options("{\"mfaToken\":\"" + portal.mfaToken(OTHER_EMAIL)
                + "\"}");
        assertEquals(404, response.status(), response.toString());
        assertEquals("passkey_not_found", response.errorCode());
    }

    @Test
    void signCountRegressionFlagged() {
        key.signCount = 10;
        assertEquals(200, api.signInSecondStep(EMAIL, key).status());
        key.signCount = 5;

        ApiResponse regressed = api.signInSecondStep(EMAIL, key);

        assertEquals(200, regressed.status(), "accepted: " + regressed);
        String token = regressed.json().path("session").path("token").asString();
        assertTrue(api.list(token).get(0).path("signCountWarning").asBoolean());

        key.signCount = 20;
        assertEquals(200, api.signInSecondStep(EMAIL, key).status());
        assertTrue(api.list(token).get(0).path("signCountWarning").asBoolean(),
                "the warning stays once raised");
    }

    @Test
    void equalSignCountFlagged() {
        key.signCount = 7;
        key.counterStep = 0;
        assertEquals(200, api.signInSecondStep(EMAIL, key).status());
        ApiResponse repeated = api.signInSecondStep(EMAIL, key);
        assertEquals(200, repeated.status());
        String token = repeated.json().path("session").path("token").asString();
        assertTrue(api.list(token).get(0).path("signCountWarning").asBoolean());
    }

    @Test
    void zeroSignCountsAccepted() {
        key.signCount = 0;
        key.counterStep = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.signInSecondStep(EMAIL, key).status());
        }
        ApiResponse last = api.signInPasswordless(key);
        assertEquals(200, last.status(), last.toString());
        String token = last.json().path("session").path("token").asString();
        assertFalse(api.list(token).get(0).path("signCountWarning").asBoolean(true));
    }

    @Test
    void failedSignInsThrottledPerAddress() {
        SoftwareAuthenticator stranger = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        stranger.userHandle = new byte[32];
        for (int i = 0; i < 20; i++) {
            assertEquals(401, api.signInPasswordless(stranger).status());
        }

        ApiResponse options = api.options("{}");
        assertEquals(429, options.status(), options.toString());
        assertEquals("too_many_attempts", options.errorCode());
        ApiResponse password = portal.signIn(EMAIL, TestPortal.PASSWORD);
        assertEquals(429, password.status(), "passwords share the address limit");

        portal.clock.advance(Duration.ofMinutes(16));
        assertEquals(200, api.signInPasswordless(key).status());
    }

    /** Signs in with the registered key and returns the session token. */
    private String fullToken() {
        ApiResponse response = api.signInSecondStep(EMAIL, key);
        assertEquals(200, response.status(), response.toString());
        return response.json().path("session").path("token").asString();
    }

    /** Counts sign-in ceremonies in the running portal's database. */
    private long ceremonyCount() throws SQLException {
        String url = "jdbc:h2:file:" + portal.databasePath.toAbsolutePath().normalize();
        try (Connection connection = DriverManager.getConnection(url, "portal", "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT COUNT(*) FROM webauthn_ceremonies WHERE kind = 'assertion'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void assertSignInInvalid(ApiResponse response, String reason) {
        assertEquals(401, response.status(), response.toString());
        assertEquals("passkey_invalid", response.errorCode());
        assertEquals(reason, response.json().path("error").path("reason").asString(),
                response.body());
    }
}
