package com.advapacs.clinician.server.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.ApiResponse;
import com.advapacs.clinician.server.MutableClock;
import com.advapacs.clinician.server.TestPortal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PasskeyRegistrationTest {
    static final UUID YUBIKEY_5_NFC = UUID.fromString("2fc0579f-8113-47ea-b116-bb5a8db9202a");
    private static final String EMAIL = "passkey.user@example.org";
    private static final String DISPLAY_NAME = "Dr Zoë Müller";

    @TempDir
    Path folder;

    private TestPortal portal;
    private PasskeyApi api;
    private String token;

    @BeforeEach
    void start() {
        portal = new TestPortal(folder);
        portal.admin().addUser(EMAIL, DISPLAY_NAME, null, false, TestPortal.PASSWORD);
        token = portal.signInFull(EMAIL);
        api = new PasskeyApi(portal);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void creationOptionsFollowContract() {
        JsonNode started = api.startRegistration(token);
        assertTrue(started.path("registrationId").asString().length() > 0, started.toString());
        JsonNode options = started.path("publicKey");

        assertEquals("localhost", options.path("rp").path("id").asString());
        assertEquals("AdvaPACS", options.path("rp").path("name").asString());
        byte[] userHandle = base64Url(options.path("user").path("id").asString());
        assertEquals(32, userHandle.length);
        assertEquals(EMAIL, options.path("user").path("name").asString());
        assertEquals(DISPLAY_NAME, options.path("user").path("displayName").asString());
        assertEquals(32, base64Url(options.path("challenge").asString()).length);
        assertFalse(options.path("challenge").asString().contains("="), "no padding");
        List<Integer> algorithms = new ArrayList<>();
        for (JsonNode parameter : options.path("pubKeyCredParams")) {
            assertEquals("public-key", parameter.path("type").asString());
            algorithms.add(parameter.path("alg").asInt());
        }
        assertEquals(List.of(-7, -8, -257), algorithms);
        assertEquals(120_000, options.path("timeout").asLong());
        assertTrue(options.path("excludeCredentials").isArray());
        assertEquals(0, options.path("excludeCredentials").size());
        JsonNode selection = options.path("authenticatorSelection");
        assertEquals("preferred", selection.path("residentKey").asString());
        assertFalse(selection.path("requireResidentKey").asBoolean(true));
        assertEquals("preferred", selection.path("userVerification").asString());
        assertFalse(selection.has("authenticatorAttachment"), selection.toString());
        assertEquals("none", options.path("attestation").asString());
        assertTrue(options.path("extensions").path("credProps").asBoolean());
    }

    @Test
    void userHandleStablePerUser() {
        JsonNode first = api.startRegistration(token).path("publicKey");
        JsonNode second = api.startRegistration(token).path("publicKey");
        assertEquals(first.path("user").path("id").asString(),
                second.path("user").path("id").asString());
        assertNotEquals(first.path("challenge").asString(), second.path("challenge").asString());

        portal.addUser("other.user@example.org");
        String other = portal.signInFull("other.user@example.org");
        assertNotEquals(first.path("user").path("id").asString(), api.startRegistration(other)
                .path("publicKey").path("user").path("id").asString());
    }

    @Test
    void requestedAttachmentInOptions() {
        ApiResponse response = api.startRegistration(token,
                "{\"authenticatorAttachment\":\"platform\"}");
        assertEquals(201, response.status(), response.toString());
        assertEquals("platform", response.json().path("publicKey")
                .path("authenticatorSelection").path("authenticatorAttachment").asString());

        ApiResponse invalid = api.startRegistration(token,
                "{\"authenticatorAttachment\":\"usb\"}");
        assertEquals(400, invalid.status(), invalid.toString());
        assertEquals("invalid_field", invalid.errorCode());
        assertEquals("authenticatorAttachment",
                invalid.json().path("error").path("field").asString());
    }

    @Test
    void registersNoneAttestation() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        ApiResponse response = api.register(token, key);

        assertEquals(201, response.status(), response.toString());
        assertTrue(response.json().path("session").isNull(), "a full session stays");
        JsonNode passkey = response.json().path("passkey");
        assertEquals(key.credentialIdText(), passkey.path("id").asString());
        assertEquals("YubiKey 5 NFC", passkey.path("name").asString());
        assertEquals("YubiKey 5 NFC", passkey.path("model").asString());
        assertEquals(YUBIKEY_5_NFC.toString(), passkey.path("aaguid").asString());
        assertEquals("cross-platform", passkey.path("attachment").asString());
        assertEquals("[\"usb\",\"nfc\"]", passkey.path("transports").toString());
        assertFalse(passkey.path("backupEligible").asBoolean(true));
        assertFalse(passkey.path("backedUp").asBoolean(true));
        assertEquals("2026-03-02T09:00:10Z", passkey.path("createdAt").asString());
        assertTrue(passkey.path("lastUsedAt").isNull());
        assertFalse(passkey.path("signCountWarning").asBoolean(true));

        JsonNode listed = api.list(token);
        assertEquals(1, listed.size());
        assertEquals(passkey, listed.get(0));
        JsonNode me = portal.client().get("/api/v1/me", token).json();
        assertEquals("[\"passkey\"]", me.path("methods").toString());
        assertEquals(passkey, me.path("passkeys").get(0));
    }

    @Test
    void registersPackedSelfAttestationWithName() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        key.attestationFormat = "packed";
        JsonNode started = api.startRegistration(token);
        ObjectNode body = JsonMapper.builder().build().createObjectNode();
        body.set("credential", key.register(started.path("publicKey"), portal.origin()));
        body.put("name", "  Desk key  ");

        ApiResponse response = api.finish(token, started.path("registrationId").asString(),
                body.toString());

        assertEquals(201, response.status(), response.toString());
        assertEquals("Desk key", response.json().path("passkey").path("name").asString());
        assertEquals("YubiKey 5 NFC", response.json().path("passkey").path("model").asString());
    }

    @Test
    void registersEd25519Key() {
        SoftwareAuthenticator key = SoftwareAuthenticator.ed25519(new UUID(0, 0));
        key.attestationFormat = "packed";
        JsonNode passkey = api.registered(token, key);
        assertEquals(key.credentialIdText(), passkey.path("id").asString());
    }

    @Test
    void unknownAaguidNamedSecurityKey() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(new UUID(0, 0));
        JsonNode passkey = api.registered(token, key);
        assertEquals("Security key", passkey.path("name").asString());
        assertTrue(passkey.path("model").isNull());
        assertTrue(passkey.path("aaguid").isNull());

        SoftwareAuthenticator unlisted = SoftwareAuthenticator.es256(UUID.randomUUID());
        JsonNode other = api.registered(token, unlisted);
        assertEquals("Security key", other.path("name").asString());
        assertTrue(other.path("model").isNull());
        assertEquals(unlisted.aaguid.toString(), other.path("aaguid").asString());
    }

    @Test
    void attachmentFromResponseOrRequest() {
        SoftwareAuthenticator platform = SoftwareAuthenticator.es256(new UUID(0, 0));
        platform.attachment = null;
        platform.transports = List.of("internal");
        JsonNode started = api.startRegistration(token,
                "{\"authenticatorAttachment\":\"platform\"}").json();
        ApiResponse response = api.finish(token, started.path("registrationId").asString(),
                platform.register(started.path("publicKey"), portal.origin()));
        assertEquals(201, response.status(), response.toString());
        assertEquals("platform", response.json().path("passkey").path("attachment").asString());

        SoftwareAuthenticator key = SoftwareAuthenticator.es256(new UUID(0, 0));
        key.attachment = "cross-platform";
        started = api.startRegistration(token, "{\"authenticatorAttachment\":\"platform\"}")
                .json();
        response = api.finish(token, started.path("registrationId").asString(),
                key.register(started.path("publicKey"), portal.origin()));
        assertEquals("cross-platform",
                response.json().path("passkey").path("attachment").asString(),
                "the response's attachment wins over the request's");
    }

    @Test
    void excludeCredentialsListsRegisteredIds() {
        SoftwareAuthenticator first = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        SoftwareAuthenticator second = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        second.transports = List.of("usb");
        api.registered(token, first);
        portal.clock.advance(Duration.ofSeconds(1));
        api.registered(token, second);

        JsonNode excluded = api.startRegistration(token).path("publicKey")
                .path("excludeCredentials");

        assertEquals(2, excluded.size(), excluded.toString());
        assertEquals("public-key", excluded.get(0).path("type").asString());
        assertEquals(first.credentialIdText(), excluded.get(0).path("id").asString());
        assertEquals("[\"usb\",\"nfc\"]", excluded.get(0).path("transports").toString());
        assertEquals(second.credentialIdText(), excluded.get(1).path("id").asString());
        assertEquals("[\"usb\"]", excluded.get(1).path("transports").toString());
    }

    @Test
    void sameCredentialTwiceRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        api.registered(token, key);

        ApiResponse again = api.register(token, key);

        assertEquals(409, again.status(), again.toString());
        assertEquals("passkey_already_registered", again.errorCode());
        assertEquals("This security key is already registered to your account.",
                again.json().path("error").path("message").asString());
        assertEquals(1, api.list(token).size());
    }

    @Test
    void otherUsersCredentialRejectedNeutrally() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        api.registered(token, key);
        String otherEmail = "other.user@example.org";
        portal.addUser(otherEmail);
        String otherToken = portal.signInFull(otherEmail);

        ApiResponse response = api.register(otherToken, key);

        assertPasskeyInvalid(response, "verification_failed");
        String message = response.json().path("error").path("message").asString();
        assertFalse(message.contains("already"), message);
        assertFalse(message.contains("registered"), message);
        assertEquals(0, api.list(otherToken).size());
        assertEquals(1, api.list(token).size());
    }

    @Test
    void wrongOriginRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        JsonNode started = api.startRegistration(token);
        String port = portal.origin().substring(portal.origin().lastIndexOf(':') + 1);
        for (String origin : List.of("http://localhost:1", "https://localhost:" + port,
                "http://evil.example:" + port)) {
            JsonNode fresh = api.startRegistration(token);
            ApiResponse response = api.finish(token, fresh.path("registrationId").asString(),
                    key.register(fresh.path("publicKey"), origin));
            assertPasskeyInvalid(response, "origin_mismatch");
            assertEquals("The security key's response was for a different website.",
                    response.json().path("error").path("message").asString());
        }
        assertEquals(0, api.list(token).size());
        assertEquals(201, api.finish(token, started.path("registrationId").asString(),
                key.register(started.path("publicKey"), portal.origin())).status());
    }

    @Test
    void wrongRpIdHashRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        JsonNode started = api.startRegistration(token);
        SoftwareAuthenticator.ClientData clientData = new SoftwareAuthenticator.ClientData(
                "webauthn.create", started.path("publicKey").path("challenge").asString(),
                portal.origin());
        ApiResponse response = api.finish(token, started.path("registrationId").asString(),
                key.register("example.org", clientData, new byte[32]));
        assertPasskeyInvalid(response, "rp_id_mismatch");
    }

    @Test
    void wrongClientDataTypeRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        JsonNode started = api.startRegistration(token);
        SoftwareAuthenticator.ClientData clientData = new SoftwareAuthenticator.ClientData(
                "webauthn.get", started.path("publicKey").path("challenge").asString(),
                portal.origin());
        ApiResponse response = api.finish(token, started.path("registrationId").asString(),
                key.register("localhost", clientData, new byte[32]));
        assertPasskeyInvalid(response, "wrong_ceremony");
    }

    @Test
    void challengeOfAnotherRegistrationRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        JsonNode first = api.startRegistration(token);
        JsonNode second = api.startRegistration(token);
        ApiResponse response = api.finish(token, second.path("registrationId").asString(),
                key.register(first.path("publicKey"), portal.origin()));
        assertPasskeyInvalid(response, "challenge_mismatch");
    }

    @Test
    void registrationUsableOnce() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        JsonNode started = api.startRegistration(token);
        String id = started.path("registrationId").asString();
        ObjectNode credential = key.register(started.path("publicKey"), portal.origin());
        assertEquals(201, api.finish(token, id, credential).status());

        ApiResponse reused = api.finish(token, id, credential);
        assertEquals(404, reused.status(), reused.toString());
        assertEquals("registration_not_found", reused.errorCode());

        JsonNode failed = api.startRegistration(token);
        SoftwareAuthenticator other = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        other.userPresent = false;
        String failedId = failed.path("registrationId").asString();
        assertPasskeyInvalid(api.finish(token, failedId,
                other.register(failed.path("publicKey"), portal.origin())), "user_not_present");
        other.userPresent = true;
        ApiResponse retried = api.finish(token, failedId,
                other.register(failed.path("publicKey"), portal.origin()));
        assertEquals("registration_not_found", retried.errorCode(),
                "a failed response spends the challenge too");
    }

    @Test
    void expiredRegistrationNotFound() {
        JsonNode started = api.startRegistration(token);
        portal.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        ApiResponse response = api.finish(token, started.path("registrationId").asString(),
                SoftwareAuthenticator.es256(YUBIKEY_5_NFC)
                        .register(started.path("publicKey"), portal.origin()));
        assertEquals(404, response.status(), response.toString());
        assertEquals("registration_not_found", response.errorCode());
    }

    @Test
    void registrationOfAnotherUserNotFound() {
        JsonNode started = api.startRegistration(token);
        portal.addUser("other.user@example.org");
        String other = portal.signInFull("other.user@example.org");
        ApiResponse response = api.finish(other, started.path("registrationId").asString(),
                SoftwareAuthenticator.es256(YUBIKEY_5_NFC)
                        .register(started.path("publicKey"), portal.origin()));
        assertEquals(404, response.status(), response.toString());
        assertEquals("registration_not_found", response.errorCode());
    }

    @Test
    void missingUserPresenceRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        key.userPresent = false;
        assertPasskeyInvalid(api.register(token, key), "user_not_present");
    }

    @Test
    void missingUserVerificationAcceptedWhenPreferred() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        key.userVerified = false;
        assertEquals(201, api.register(token, key).status());
    }

    @Test
    void missingUserVerificationRejectedWhenRequired() {
        portal.close();
        MutableClock clock = new MutableClock(TestPortal.START);
        portal = new TestPortal(folder.resolve("required"), clock, config -> config.withPasskeys(
                config.passkeys().withUserVerification(UserVerification.REQUIRED)));
        api = new PasskeyApi(portal);
        portal.addUser(EMAIL);
        token = portal.signInFull(EMAIL);
        JsonNode started = api.startRegistration(token);
        assertEquals("required", started.path("publicKey").path("authenticatorSelection")
                .path("userVerification").asString());

        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        key.userVerified = false;
        ApiResponse response = api.finish(token, started.path("registrationId").asString(),
                key.register(started.path("publicKey"), portal.origin()));

        assertPasskeyInvalid(response, "user_not_verified");
        key.userVerified = true;
        assertEquals(201, api.register(token, key).status());
    }

    @Test
    void badAttestationSignatureRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        key.attestationFormat = "packed";
        JsonNode started = api.startRegistration(token);
        SoftwareAuthenticator.ClientData signed = new SoftwareAuthenticator.ClientData(
                "webauthn.create", started.path("publicKey").path("challenge").asString(),
                portal.origin());
        ObjectNode credential = key.register("localhost", signed, new byte[32]);
        // Client data for the same challenge, but not the bytes the signature covers.
        String other = "{\"type\":\"webauthn.create\",\"challenge\":\""
                + started.path("publicKey").path("challenge").asString() + "\",\"origin\":\""
                + portal.origin() + "\"}";
        ((ObjectNode) credential.path("response")).put("clientDataJSON",
                Base64.getUrlEncoder().withoutPadding().encodeToString(other.getBytes()));

        ApiResponse response = api.finish(token, started.path("registrationId").asString(),
                credential);

        assertPasskeyInvalid(response, "bad_signature");
    }

    @Test
    void unsupportedAttestationFormatRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        key.attestationFormat = "fido-u2f";
        key.certificateChain = true;
        assertPasskeyInvalid(api.register(token, key), "attestation_invalid");

        key.attestationFormat = "x-unknown";
        assertPasskeyInvalid(api.register(token, key), "unreadable");
    }

    @Test
    void certificateChainRejectedUnlessDirect() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        key.attestationFormat = "packed";
        key.certificateChain = true;
        assertPasskeyInvalid(api.register(token, key), "attestation_not_requested");
    }

    @Test
    void certificateChainAcceptedWhenDirect() {
        portal.close();
        portal = new TestPortal(folder.resolve("direct"), new MutableClock(TestPortal.START),
                config -> config.withPasskeys(
                        config.passkeys().withAttestation(AttestationPreference.DIRECT)));
        api = new PasskeyApi(portal);
        portal.addUser(EMAIL);
        token = portal.signInFull(EMAIL);
        assertEquals("direct",
                api.startRegistration(token).path("publicKey").path("attestation").asString());

        SoftwareAuthenticator chained = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        chained.attestationFormat = "packed";
        chained.certificateChain = true;
        assertEquals("YubiKey 5 NFC", api.registered(token, chained).path("model").asString());

        SoftwareAuthenticator self = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        self.attestationFormat = "packed";
        assertEquals(201, api.register(token, self).status(), "self attestation still works");
        assertEquals(201, api.register(token, SoftwareAuthenticator.es256(YUBIKEY_5_NFC))
                .status(), "and so does none");
    }

    @Test
    void incompleteAttestationStatementRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        key.attestationFormat = "fido-u2f";
        assertPasskeyInvalid(api.register(token, key), "unreadable");
    }

    @Test
    void differentCredentialIdRejected() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        JsonNode started = api.startRegistration(token);
        ObjectNode credential = key.register(started.path("publicKey"), portal.origin());
        String otherId = SoftwareAuthenticator.es256(YUBIKEY_5_NFC).credentialIdText();
        credential.put("id", otherId);
        credential.put("rawId", otherId);

        ApiResponse response = api.finish(token, started.path("registrationId").asString(),
                credential);

        assertPasskeyInvalid(response, "credential_id_mismatch");
    }

    static void assertPasskeyInvalid(ApiResponse response, String reason) {
        assertEquals(422, response.status(), response.toString());
        assertEquals("passkey_invalid", response.errorCode());
        assertEquals(reason, response.json().path("error").path("reason").asString(),
                response.body());
        assertFalse(response.json().path("error").path("message").asString().isEmpty());
    }

    static byte[] base64Url(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
