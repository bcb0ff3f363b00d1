package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class EnrolmentRequiredTest {
    private static final String EMAIL = "policy.user@example.org";
    private static final String ORGANISATION = "St Test Hospital";

    @TempDir
    Path folder;

    private TestPortal portal;
    private String enrolmentToken;

    @BeforeEach
    void start() {
        portal = new TestPortal(folder);
        portal.admin().addUser(EMAIL, "Dr Policy", ORGANISATION, false, TestPortal.PASSWORD);
        portal.admin().setOrganisationMfaRequired(ORGANISATION, true);
        ApiResponse response = portal.signIn(EMAIL, TestPortal.PASSWORD);
        assertEquals("enrolment_required", response.json().path("result").asString());
        enrolmentToken = response.json().path("session").path("token").asString();
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void meShowsEnrolmentScope() {
        ApiResponse me = portal.client().get("/api/v1/me", enrolmentToken);
        assertEquals(200, me.status(), me.toString());
        JsonNode body = me.json();
        assertEquals(EMAIL, body.path("email").asString());
        assertEquals("Dr Policy", body.path("displayName").asString());
        assertEquals(ORGANISATION, body.path("organisation").asString());
        assertTrue(body.path("mfaRequired").asBoolean());
        assertEquals("enrolment", body.path("sessionScope").asString());
        assertEquals("none", body.path("totp").path("state").asString());
        assertEquals("[]", body.path("passkeys").toString());
        assertEquals("[]", body.path("methods").toString());
    }

    @Test
    void otherEndpointsRejectEnrolmentScope() {
        ApiResponse remove = portal.client().postJson("/api/v1/mfa/totp/remove",
                "{\"password\":\"x\"}", enrolmentToken);
        assertEquals(403, remove.status(), remove.toString());
        assertEquals("enrolment_required", remove.errorCode());
        assertEquals("Set up a second sign-in step with an authenticator app or a security key"
                + " before continuing.", remove.json().path("error").path("message").asString());

        ApiResponse page = portal.client().get("/clinician", enrolmentToken);
        assertEquals(403, page.status());
        String contentType = page.header("Content-Type");
        assertTrue(contentType.startsWith("text/html"), contentType);
        assertTrue(page.body().contains("<h1>Second sign-in step needed</h1>"), page.body());
        assertTrue(page.body().contains("A second sign-in step is required for your account."),
                page.body());
    }

    @Test
    void perUserRequirementNamesNoOrganisation() {
        portal.admin().addUser("own.flag@example.org", "Dr Own Flag", null, true,
                TestPortal.PASSWORD);
        ApiResponse signIn = portal.signIn("own.flag@example.org", TestPortal.PASSWORD);
        assertEquals("enrolment_required", signIn.json().path("result").asString());
        String token = signIn.json().path("session").path("token").asString();

        ApiResponse page = portal.client().get("/clinician", token);
        assertEquals(403, page.status());
        assertTrue(page.body().contains("A second sign-in step is required for your account."),
                page.body());
        assertFalse(page.body().contains("organisation"), page.body());

        ApiResponse remove = portal.client().postJson("/api/v1/mfa/totp/remove",
                "{\"password\":\"x\"}", token);
        assertEquals("enrolment_required", remove.errorCode());
        assertFalse(remove.body().contains("organisation"), remove.body());
    }

    @Test
    void confirmReplacesEnrolmentSessionWithFullSession() {
        JsonNode enrolment = portal.startEnrolment(enrolmentToken);
        ApiResponse confirmed = portal.confirm(enrolmentToken,
                enrolment.path("enrolmentId").asString(),
                portal.codeAt(enrolment.path("secret").asString(), Duration.ZERO));

        assertEquals(200, confirmed.status(), confirmed.toString());
        String fullToken = confirmed.json().path("session").path("token").asString();
        assertTrue(fullToken.matches("[A-Za-z0-9_-]{43}"), confirmed.body());
        assertNotEquals(enrolmentToken, fullToken);
        assertTrue(confirmed.json().path("session").path("expiresAt").isString());

        ApiResponse old = portal.client().get("/api/v1/me", enrolmentToken);
        assertEquals(401, old.status(), "the enrolment session is revoked");
        assertEquals("session_invalid", old.errorCode());

        ApiResponse me = portal.client().get("/api/v1/me", fullToken);
        assertEquals("full", me.json().path("sessionScope").asString());
        assertEquals("active", me.json().path("totp").path("state").asString());
        assertEquals(200, portal.client().get("/clinician", fullToken).status());

        ApiResponse next = portal.signIn(EMAIL, TestPortal.PASSWORD);
        assertEquals("mfa_required", next.json().path("result").asString());
    }

    @Test
    void signOutAllowedForEnrolmentScope() {
        ApiResponse response = portal.client().postJson("/api/v1/sign-out", "", enrolmentToken);
        assertEquals(204, response.status(), response.toString());
        assertEquals(401, portal.client().get("/api/v1/me", enrolmentToken).status());
    }

    @Test
    void abandonAllowedForEnrolmentScope() {
        JsonNode enrolment = portal.startEnrolment(enrolmentToken);
        ApiResponse response = portal.client().delete("/api/v1/mfa/totp/enrolments/"
                + enrolment.path("enrolmentId").asString(), enrolmentToken);
        assertEquals(204, response.status());
    }
}
