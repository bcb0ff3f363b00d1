package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PasswordSignInTest {
    private static final String EMAIL = "jane.smith@example.org";

    @TempDir
    Path folder;

    private TestPortal portal;

    @BeforeEach
    void start() {
        portal = new TestPortal(folder);
        portal.addUser(EMAIL);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void correctPasswordReturnsFullSession() {
        ApiResponse response = portal.signIn(EMAIL, TestPortal.PASSWORD);

        assertEquals(200, response.status(), response.toString());
        JsonNode body = response.json();
        assertEquals("signed_in", body.path("result").asString());
        String token = body.path("session").path("token").asString();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        Instant expiresAt = Instant.parse(body.path("session").path("expiresAt").asString());
        assertEquals(TestPortal.START.plus(Duration.ofHours(12)).getEpochSecond(),
                expiresAt.getEpochSecond());
        assertEquals(EMAIL, body.path("user").path("email").asString());
        assertEquals("Dr Test User", body.path("user").path("displayName").asString());
        assertEquals("no-store", response.header("Cache-Control"));

        ApiResponse me = portal.client().get("/api/v1/me", token);
        assertEquals(200, me.status(), me.toString());
        assertEquals("full", me.json().path("sessionScope").asString());
    }

    @Test
    void emailMatchesIgnoringCase() {
        ApiResponse response = portal.signIn("Jane.Smith@EXAMPLE.org", TestPortal.PASSWORD);
        assertEquals(200, response.status(), response.toString());
        assertEquals(EMAIL, response.json().path("user").path("email").asString());
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        ApiResponse wrongPassword = portal.signIn(EMAIL, "not the password");
        ApiResponse unknownUser = portal.signIn("nobody@example.org", "not the password");

        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        assertEquals("invalid_credentials", wrongPassword.errorCode());
        assertEquals("Wrong email or password.",
                wrongPassword.json().path("error").path("message").asString());
        assertEquals(wrongPassword.body(), unknownUser.body());
    }

    @Test
    void accountThrottledAfterFiveFailures() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, portal.signIn(EMAIL, "wrong " + i).status());
        }
        ApiResponse throttled = portal.signIn(EMAIL, TestPortal.PASSWORD);

        assertEquals(429, throttled.status(), throttled.toString());
        assertEquals("too_many_attempts", throttled.errorCode());
        assertEquals(30, throttled.json().path("error").path("retryAfterSeconds").asInt());
        assertEquals("30", throttled.header("Retry-After"));

        portal.clock.advance(Duration.ofSeconds(31));
        assertEquals(401, portal.signIn(EMAIL, "wrong again").status());
        ApiResponse longer = portal.signIn(EMAIL, TestPortal.PASSWORD);
        assertEquals(429, longer.status(), longer.toString());
        assertEquals(60, longer.json().path("error").path("retryAfterSeconds").asInt());

        portal.clock.advance(Duration.ofSeconds(61));
        assertEquals(200, portal.signIn(EMAIL, TestPortal.PASSWORD).status());
        assertEquals(401, portal.signIn(EMAIL, "wrong after success").status(),
                "success clears the count");
    }

    @Test
    void failuresOlderThanWindowAreForgotten() {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, portal.signIn(EMAIL, "wrong " + i).status());
        }
        portal.clock.advance(Duration.ofMinutes(16));
        assertEquals(401, portal.signIn(EMAIL, "wrong later").status());
        assertEquals(200, portal.signIn(EMAIL, TestPortal.PASSWORD).status());
    }

    @Test
    void unknownEmailThrottledLikeAccount() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, portal.signIn("ghost@example.org", "wrong " + i).status());
        }
        ApiResponse throttled = portal.signIn("ghost@example.org", "wrong 5");
        assertEquals(429, throttled.status(), throttled.toString());
        assertEquals("too_many_attempts", throttled.errorCode());
    }

    @Test
    void addressThrottledAfterTwentyFailures() {
        for (int i = 0; i < 20; i++) {
            ApiResponse response = portal.signIn("user" + i + "@example.org", "wrong");
            assertEquals(401, response.status(), "attempt " + i + ": " + response);
        }
        ApiResponse throttled = portal.signIn(EMAIL, TestPortal.PASSWORD);

        assertEquals(429, throttled.status(), throttled.toString());
        assertEquals("too_many_attempts", throttled.errorCode());
        assertNotNull(throttled.header("Retry-After"));

        portal.clock.advance(Duration.ofSeconds(31));
        assertEquals(200, portal.signIn(EMAIL, TestPortal.PASSWORD).status());
    }

    @Test
    void mfaPolicyWithoutFactorGivesEnrolmentSession() {
        portal.admin().addUser("policy@example.org", "Dr Policy", "St Test Hospital", false,
                TestPortal.PASSWORD);
        portal.admin().setOrganisationMfaRequired("St Test Hospital", true);

        ApiResponse response = portal.signIn("policy@example.org", TestPortal.PASSWORD);

        assertEquals(200, response.status(), response.toString());
        assertEquals("enrolment_required", response.json().path("result").asString());
        assertTrue(response.json().path("session").path("token").isString());
        assertEquals("Dr Policy", response.json().path("user").path("displayName").asString());
    }

    @Test
    void userFlagAloneRequiresEnrolment() {
        portal.admin().addUser("flagged@example.org", "Dr Flag", null, true,
                TestPortal.PASSWORD);
        ApiResponse response = portal.signIn("flagged@example.org", TestPortal.PASSWORD);
        assertEquals("enrolment_required", response.json().path("result").asString());
    }

    @Test
    void healthReportsStatusAndVersion() {
        ApiResponse health = portal.client().get("/api/v1/health", null);
        assertEquals(200, health.status());
        assertEquals("ok", health.json().path("status").asString());
        assertTrue(health.json().path("version").isString());
    }
}
