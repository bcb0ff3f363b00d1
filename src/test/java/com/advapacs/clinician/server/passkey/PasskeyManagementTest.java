package com.advapacs.clinician.server.passkey;

import static com.advapacs.clinician.server.passkey.PasskeyRegistrationTest.YUBIKEY_5_NFC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.ApiResponse;
import com.advapacs.clinician.server.TestPortal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class PasskeyManagementTest {
    private static final String EMAIL = "manage.user@example.org";
    private static final String ORGANISATION = "St Test Hospital";
    private static final String PASSWORD_BODY = "{\"password\":\"" + TestPortal.PASSWORD + "\"}";
    private static final String CONFIRMED_PASSWORD_BODY = "{\"password\":\""
            + TestPortal.PASSWORD + "\",\"confirmLastMethod\":true}";

    @TempDir
    Path folder;

    private TestPortal portal;
    private PasskeyApi api;
    private String token;
    private SoftwareAuthenticator key;
    /** Passkey of the user made by {@link #policyUserWithPasskey()}. */
    private SoftwareAuthenticator lastRegistered;

    @BeforeEach
    void start() {
        portal = new TestPortal(folder);
        api = new PasskeyApi(portal);
        portal.addUser(EMAIL);
        token = portal.signInFull(EMAIL);
        key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        api.registered(token, key);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void renameTrimsName() {
        ApiResponse response = api.rename(token, key.credentialIdText(),
                "{\"name\":\"  Blue key on my desk  \"}");

        assertEquals(200, response.status(), response.toString());
        assertEquals("Blue key on my desk", response.json().path("name").asString());
        assertEquals("YubiKey 5 NFC", response.json().path("model").asString());
        assertEquals("Blue key on my desk", api.list(token).get(0).path("name").asString());
        assertEquals(200, api.rename(token, key.credentialIdText(),
                "{\"name\":\"" + "é".repeat(64) + "\"}").status(), "64 characters fit");
        ApiResponse emoji = api.rename(token, key.credentialIdText(),
                "{\"name\":\"Key \\uD83D\\uDD11\"}");
        assertEquals(200, emoji.status(), "a surrogate pair is one character: " + emoji);
        assertEquals("Key \uD83D\uDD11", emoji.json().path("name").asString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        missing name | {} | missing_field
        null name | {"name":null} | invalid_field
        blank name | {"name":"   "} | invalid_field
        number | {"name":5} | invalid_field
        control character | {"name":"key\\u0007"} | invalid_field
        right-to-left override | {"name":"key\\u202Eyek"} | invalid_field
        isolate | {"name":"key\\u2067yek"} | invalid_field
        left-to-right mark | {"name":"key\\u200E"} | invalid_field
        Arabic letter mark | {"name":"key\\u061C"} | invalid_field
        lone high surrogate | {"name":"key\\uD800"} | invalid_field
        lone low surrogate | {"name":"key\\uDC00 two"} | invalid_field
        65 characters | {"name":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} | invalid_field
        """)
    void renameRejectsInvalidName(String name, String body, String code) {
        ApiResponse response = api.rename(token, key.credentialIdText(), body);
        assertEquals(400, response.status(), response.toString());
        assertEquals(code, response.errorCode());
        assertEquals("name", response.json().path("error").path("field").asString());
        assertEquals("YubiKey 5 NFC", api.list(token).get(0).path("name").asString());
    }

    @Test
    void otherUsersPasskeyNotFound() {
        portal.addUser("other.user@example.org");
        String other = portal.signInFull("other.user@example.org");
        for (String id : new String[] {key.credentialIdText(), "not*base64", "AAAA"}) {
            ApiResponse rename = api.rename(other, id, "{\"name\":\"Mine\"}");
            assertEquals(404, rename.status(), rename.toString());
            assertEquals("passkey_not_found", rename.errorCode());
            ApiResponse remove = api.remove(other, id, CONFIRMED_PASSWORD_BODY);
            assertEquals(404, remove.status(), remove.toString());
            assertEquals("passkey_not_found", remove.errorCode());
        }
        assertEquals(1, api.list(token).size());
    }

    @Test
    void lastPasskeyNeedsConfirmation() {
        ApiResponse refused = api.remove(token, key.credentialIdText(), PASSWORD_BODY);
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("last_method_confirmation_required", refused.errorCode());
        assertEquals("This is your only second sign-in step. Confirm that you want to remove it.",
                refused.json().path("error").path("message").asString());
        assertEquals(1, api.list(token).size());

        ApiResponse removed = api.remove(token, key.credentialIdText(), CONFIRMED_PASSWORD_BODY);
        assertEquals(204, removed.status(), removed.toString());
        assertEquals(0, api.list(token).size());
        JsonNode me = portal.client().get("/api/v1/me", token).json();
        assertEquals("[]", me.path("methods").toString());
        assertEquals("signed_in", portal.signIn(EMAIL, TestPortal.PASSWORD).json()
                .path("result").asString());
    }

    @Test
    void removeOneOfTwoWithoutConfirmation() {
        SoftwareAuthenticator second = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        api.registered(token, second);

        ApiResponse response = api.remove(token, key.credentialIdText(), PASSWORD_BODY);

        assertEquals(204, response.status(), response.toString());
        JsonNode left = api.list(token);
        assertEquals(1, left.size());
        assertEquals(second.credentialIdText(), left.get(0).path("id").asString());
        ApiResponse again = api.remove(token, key.credentialIdText(), CONFIRMED_PASSWORD_BODY);
        assertEquals(404, again.status());
        assertEquals("passkey_not_found", again.errorCode());
    }

    @Test
    void removeWithTotpCode() {
        String secret = portal.enrolTotp(token);
        portal.nextStep();

        ApiResponse wrong = api.remove(token, key.credentialIdText(),
                "{\"code\":\"" + portal.wrongCode(secret) + "\"}");
        assertEquals(422, wrong.status(), wrong.toString());
        assertEquals("invalid_code", wrong.errorCode());
        assertEquals(1, api.list(token).size());

        ApiResponse removed = api.remove(token, key.credentialIdText(),
                "{\"code\":\"" + portal.codeAt(secret, Duration.ZERO) + "\"}");
        assertEquals(204, removed.status(), removed.toString());
        assertEquals(0, api.list(token).size());
        assertEquals("[\"totp\"]", portal.client().get("/api/v1/me", token).json()
                .path("methods").toString());
    }

    @Test
    void codeNeedsAuthenticatorApp() {
        ApiResponse response = api.remove(token, key.credentialIdText(),
                "{\"code\":\"123456\",\"confirmLastMethod\":true}");
        assertEquals(400, response.status(), response.toString());
        assertEquals("invalid_field", response.errorCode());
        assertEquals("code", response.json().path("error").path("field").asString());
        assertEquals(1, api.list(token).size());
    }

    @Test
    void wrongPasswordKeepsPasskey() {
        ApiResponse response = api.remove(token, key.credentialIdText(),
                "{\"password\":\"not the password\",\"confirmLastMethod\":true}");
        assertEquals(422, response.status(), response.toString());
        assertEquals("invalid_password", response.errorCode());
        assertEquals(1, api.list(token).size());
    }

    @Test
    void removalNeedsExactlyOneProof() {
        ApiResponse neither = api.remove(token, key.credentialIdText(),
                "{\"confirmLastMethod\":true}");
        assertEquals(400, neither.status());
        assertEquals("missing_field", neither.errorCode());
        ApiResponse both = api.remove(token, key.credentialIdText(),
                "{\"code\":\"123456\",\"password\":\"x\"}");
        assertEquals(400, both.status());
        assertEquals("invalid_field", both.errorCode());
    }

    @Test
    void policyForbidsRemovingLastMethod() {
        String policyToken = policyUserWithPasskey();
        SoftwareAuthenticator policyKey = lastRegistered;

        ApiResponse response = api.remove(policyToken, policyKey.credentialIdText(),
                CONFIRMED_PASSWORD_BODY);

        assertEquals(409, response.status(), response.toString());
        assertEquals("mfa_required_by_policy", response.errorCode());
        assertEquals(1, api.list(policyToken).size());
    }

    @Test
    void policyAllowsRemovingOneOfTwoMethods() {
        String policyToken = policyUserWithPasskey();
        portal.enrolTotp(policyToken);

        ApiResponse totp = portal.client().postJson("/api/v1/mfa/totp/remove", PASSWORD_BODY,
                policyToken);
        assertEquals(204, totp.status(), "a passkey is left: " + totp);

        ApiResponse last = api.remove(policyToken, lastRegistered.credentialIdText(),
                CONFIRMED_PASSWORD_BODY);
        assertEquals(409, last.status());
        assertEquals("mfa_required_by_policy", last.errorCode());
    }

    @Test
    void enrolmentScopeRegistersPasskey() {
        portal.admin().addUser("policy@example.org", "Dr Policy", ORGANISATION, false,
                TestPortal.PASSWORD);
        portal.admin().setOrganisationMfaRequired(ORGANISATION, true);
        String enrolment = portal.signIn("policy@example.org", TestPortal.PASSWORD).json()
                .path("session").path("token").asString();
        assertEquals(403, portal.client().get(PasskeyApi.PASSKEYS, enrolment).status(),
                "listing needs a full session");

        ApiResponse registered = api.register(enrolment,
                SoftwareAuthenticator.es256(YUBIKEY_5_NFC));

        assertEquals(201, registered.status(), registered.toString());
        String full = registered.json().path("session").path("token").asString();
        assertTrue(full.matches("[A-Za-z0-9_-]{43}"), registered.body());
        assertEquals(401, portal.client().get("/api/v1/me", enrolment).status(),
                "the enrolment session is revoked");
        JsonNode me = portal.client().get("/api/v1/me", full).json();
        assertEquals("full", me.path("sessionScope").asString());
        assertEquals("[\"passkey\"]", me.path("methods").toString());
        assertEquals(200, portal.client().get("/clinician", full).status());
        ApiResponse next = portal.signIn("policy@example.org", TestPortal.PASSWORD);
        assertEquals("mfa_required", next.json().path("result").asString());
        assertEquals("[\"passkey\"]", next.json().path("methods").toString());
    }

    /** Creates a user whose organisation requires MFA, with one passkey; returns a session. */
    private String policyUserWithPasskey() {
        portal.admin().addUser("policy@example.org", "Dr Policy", ORGANISATION, false,
                TestPortal.PASSWORD);
        portal.admin().setOrganisationMfaRequired(ORGANISATION, true);
        String enrolment = portal.signIn("policy@example.org", TestPortal.PASSWORD).json()
                .path("session").path("token").asString();
        lastRegistered = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        ApiResponse registered = api.register(enrolment, lastRegistered);
        assertEquals(201, registered.status(), registered.toString());
        return registered.json().path("session").path("token").asString();
    }
}
