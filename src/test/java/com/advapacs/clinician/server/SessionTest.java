package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
    private static final String EMAIL = "session.user@example.org";

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
    void signOutRevokesSession() {
        String token = portal.signInFull(EMAIL);
        String other = portal.signInFull(EMAIL);

        ApiResponse signOut = portal.client().send("POST", "/api/v1/sign-out", token, Map.of(),
                null);
        assertEquals(204, signOut.status(), signOut.toString());

        ApiResponse me = portal.client().get("/api/v1/me", token);
        assertEquals(401, me.status());
        assertEquals("session_invalid", me.errorCode());
        assertEquals("Bearer realm=\"AdvaPACS\"", me.header("WWW-Authenticate"));
        assertEquals(401, portal.client().postJson("/api/v1/sign-out", "{}", token).status());
        assertEquals(200, portal.client().get("/api/v1/me", other).status(),
                "other sessions stay valid");
    }

    @Test
    void sessionExpiresAfterTwelveHours() {
        String token = portal.signInFull(EMAIL);
        portal.clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertEquals(200, portal.client().get("/api/v1/me", token).status());
        portal.clock.advance(Duration.ofSeconds(1));
        ApiResponse expired = portal.client().get("/api/v1/me", token);
        assertEquals(401, expired.status());
        assertEquals("session_invalid", expired.errorCode());
    }

    @Test
    void missingOrMalformedAuthorizationRejected() {
        String token = portal.signInFull(EMAIL);
        Map<String, String> cases = Map.of(
                "Basic " + token, "wrong scheme",
                "Bearer", "no token",
                "Bearer not/a+token", "invalid characters",
                "Bearer " + "A".repeat(43), "unknown token");
        cases.forEach((header, why) -> {
            ApiResponse response = portal.client().send("GET", "/api/v1/me", null,
                    Map.of("Authorization", header), null);
            assertEquals(401, response.status(), why);
            assertEquals("session_invalid", response.errorCode(), why);
        });
        assertEquals(401, portal.client().get("/api/v1/me", null).status());
        ApiResponse lowerCase = portal.client().send("GET", "/api/v1/me", null,
                Map.of("Authorization", "bearer " + token), null);
        assertEquals(200, lowerCase.status(), "the scheme name ignores case (RFC 9110)");
    }

    @Test
    void apiIgnoresSessionCookie() {
        String token = portal.signInFull(EMAIL);
        ApiResponse response = portal.client().send("GET", "/api/v1/me", null,
                Map.of("Cookie", "advapacs_session=" + token), null);
        assertEquals(401, response.status());
    }
}
