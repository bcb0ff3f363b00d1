package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class TotpRemovalTest {
    private static final String EMAIL = "remove.user@example.org";
    private static final String PATH = "/api/v1/mfa/totp/remove";

    @TempDir
    Path folder;

    private TestPortal portal;
    private String token;
    private String secret;

    @BeforeEach
    void start() {
        portal = new TestPortal(folder);
        portal.addUser(EMAIL);
        token = portal.signInFull(EMAIL);
        secret = portal.enrolTotp(token);
        portal.nextStep();
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void removeWithCode() {
        ApiResponse response = removeWithCode(portal.codeAt(secret, Duration.ZERO));
        assertEquals(204, response.status(), response.toString());
        assertTotpState("none");
        assertEquals("signed_in", portal.signIn(EMAIL, TestPortal.PASSWORD).json()
                .path("result").asString());
    }

    @Test
    void removeWithPassword() {
        ApiResponse response = removeWithPassword(TestPortal.PASSWORD);
        assertEquals(204, response.status(), response.toString());
        assertTotpState("none");
    }

    @Test
    void wrongCodeKeepsFactor() {
        ApiResponse response = removeWithCode(portal.wrongCode(secret));
        assertEquals(422, response.status(), response.toString());
        assertEquals("invalid_code", response.errorCode());
        assertEquals(9, response.json().path("error").path("attemptsRemaining").asInt());
        assertTotpState("active");
    }

    @Test
    void reusedCodeRejected() {
        String code = portal.codeAt(secret, Duration.ZERO);
        assertEquals(200, portal.signInTotp(portal.mfaToken(EMAIL), code).status());
        ApiResponse response = removeWithCode(code);
        assertEquals(422, response.status());
        assertEquals("code_reused", response.errorCode());
    }

    @Test
    void wrongPasswordKeepsFactor() {
        ApiResponse response = removeWithPassword("not the password");
        assertEquals(422, response.status(), response.toString());
        assertEquals("invalid_password", response.errorCode());
        assertTotpState("active");
    }

    @Test
    void wrongPasswordsThrottled() {
        for (int i = 0; i < 5; i++) {
            assertEquals(422, removeWithPassword("wrong " + i).status());
        }
        ApiResponse throttled = removeWithPassword(TestPortal.PASSWORD);
        assertEquals(429, throttled.status(), throttled.toString());
        assertEquals("too_many_attempts", throttled.errorCode());
    }

    @Test
    void lockedFactorRejectsCode() {
        for (int i = 0; i < 10; i++) {
            portal.clock.advance(Duration.ofMinutes(10));
            removeWithCode(portal.wrongCode(secret));
        }
        ApiResponse locked = removeWithCode(portal.codeAt(secret, Duration.ZERO));
        assertEquals(423, locked.status(), locked.toString());
        assertEquals("factor_locked", locked.errorCode());
    }

    @Test
    void notEnrolledIsNotFound() {
        assertEquals(204, removeWithPassword(TestPortal.PASSWORD).status());
        ApiResponse again = removeWithPassword(TestPortal.PASSWORD);
        assertEquals(404, again.status());
        assertEquals("totp_not_enrolled", again.errorCode());
    }

    @Test
    void policyForbidsRemovingOnlyMethod() {
        portal.admin().addUser("policy@example.org", "Dr Policy", "St Test Hospital", false,
                TestPortal.PASSWORD);
        portal.admin().setOrganisationMfaRequired("St Test Hospital", true);
        String enrolment = portal.signIn("policy@example.org", TestPortal.PASSWORD).json()
                .path("session").path("token").asString();
        JsonNode started = portal.startEnrolment(enrolment);
        String full = portal.confirm(enrolment, started.path("enrolmentId").asString(),
                portal.codeAt(started.path("secret").asString(), Duration.ZERO)).json()
                .path("session").path("token").asString();

        ApiResponse response = portal.client().postJson(PATH, "{\"password\":\""
                + TestPortal.PASSWORD + "\",\"confirmLastMethod\":true}", full);

        assertEquals(409, response.status(), response.toString());
        assertEquals("mfa_required_by_policy", response.errorCode());
        assertEquals("A second sign-in step is required for your account, so you cannot"
                + " remove your only one. Add another one first.",
                response.json().path("error").path("message").asString());
    }

    @Test
    void lastMethodNeedsConfirmation() {
        for (String body : new String[] {
            "{\"password\":\"" + TestPortal.PASSWORD + "\"}",
            "{\"password\":\"" + TestPortal.PASSWORD + "\",\"confirmLastMethod\":false}",
            "{\"code\":\"" + portal.codeAt(secret, Duration.ZERO) + "\"}"}) {
            ApiResponse response = remove(body);
            assertEquals(409, response.status(), response.toString());
            assertEquals("last_method_confirmation_required", response.errorCode());
            assertEquals("This is your only second sign-in step. Confirm that you want to"
                    + " remove it.", response.json().path("error").path("message").asString());
        }
        assertTotpState("active");

        ApiResponse invalid = remove("{\"password\":\"x\",\"confirmLastMethod\":\"yes\"}");
        assertEquals(400, invalid.status(), invalid.toString());
        assertEquals("confirmLastMethod", invalid.json().path("error").path("field").asString());
    }

    @Test
    void requiresExactlyOneProof() {
        ApiResponse neither = remove("{}");
        assertEquals(400, neither.status());
        assertEquals("missing_field", neither.errorCode());
        assertEquals("code", neither.json().path("error").path("field").asString());

        ApiResponse both = remove("{\"code\":\"123456\",\"password\":\"x\"}");
        assertEquals(400, both.status());
        assertEquals("invalid_field", both.errorCode());
        assertTotpState("active");
    }

    private ApiResponse remove(String body) {
        return portal.client().postJson(PATH, body, token);
    }

    /** Removes with a code, confirming that the factor may be the last MFA method. */
    private ApiResponse removeWithCode(String code) {
        return remove("{\"code\":\"" + code + "\",\"confirmLastMethod\":true}");
    }

    private ApiResponse removeWithPassword(String password) {
        return remove("{\"password\":\"" + password + "\",\"confirmLastMethod\":true}");
    }

    private void assertTotpState(String expected) {
        assertEquals(expected, portal.client().get("/api/v1/me", token).json().path("totp")
                .path("state").asString());
    }
}
