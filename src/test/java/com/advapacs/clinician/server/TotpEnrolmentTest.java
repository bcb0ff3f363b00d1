package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class TotpEnrolmentTest {
    private static final String EMAIL = "enrol.user@example.org";

    @TempDir
    Path folder;

    private TestPortal portal;
    private String token;

    @BeforeEach
    void start() {
        portal = new TestPortal(folder);
        portal.addUser(EMAIL);
        token = portal.signInFull(EMAIL);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void startReturnsSecretAndUri() {
        ApiResponse response = portal.client().send("POST", "/api/v1/mfa/totp/enrolments",
                token, Map.of(), null);
        assertEquals(201, response.status(), response.toString());
        JsonNode body = response.json();
        String secret = body.path("secret").asString();

        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertEquals("otpauth://totp/AdvaPACS:enrol.user%40example.org?secret=" + secret
                + "&issuer=AdvaPACS&algorithm=SHA1&digits=6&period=30",
                body.path("otpauthUri").asString());
        assertEquals("SHA1", body.path("algorithm").asString());
        assertEquals(6, body.path("digits").asInt());
        assertEquals(30, body.path("periodSeconds").asInt());
        assertEquals(TestPortal.START.plus(Duration.ofMinutes(15)),
                Instant.parse(body.path("expiresAt").asString()));
        assertTrue(body.path("enrolmentId").asString().length() > 0);
    }

    @Test
    void confirmActivatesFactor() {
        JsonNode enrolment = portal.startEnrolment(token);
        String secret = enrolment.path("secret").asString();
        ApiResponse confirmed = portal.client().postJson("/api/v1/mfa/totp/enrolments/"
                + enrolment.path("enrolmentId").asString() + "/confirm",
                "{\"code\":\"" + portal.codeAt(secret, Duration.ZERO)
                        + "\",\"name\":\"  Work phone  \"}", token);

        assertEquals(200, confirmed.status(), confirmed.toString());
        JsonNode totp = confirmed.json().path("totp");
        assertEquals("active", totp.path("state").asString());
        assertEquals("Work phone", totp.path("name").asString());
        assertEquals(TestPortal.START, Instant.parse(totp.path("createdAt").asString()));
        assertEquals(TestPortal.START, Instant.parse(totp.path("lastUsedAt").asString()));
        assertTrue(confirmed.json().has("session"));
        assertTrue(confirmed.json().path("session").isNull(), "full sessions are kept");

        JsonNode me = portal.client().get("/api/v1/me", token).json();
        assertEquals("active", me.path("totp").path("state").asString());
        assertEquals("Work phone", me.path("totp").path("name").asString());
    }

    @Test
    void meShowsNoFactorBeforeConfirmation() {
        portal.startEnrolment(token);
        JsonNode totp = portal.client().get("/api/v1/me", token).json().path("totp");
        assertEquals("none", totp.path("state").asString());
        assertTrue(totp.path("name").isNull());
        assertTrue(totp.path("createdAt").isNull());
        assertTrue(totp.path("lastUsedAt").isNull());
    }

    @Test
    void confirmWithWrongCodeFails() {
        JsonNode enrolment = portal.startEnrolment(token);
        ApiResponse response = portal.confirm(token, enrolment.path("enrolmentId").asString(),
                portal.wrongCode(enrolment.path("secret").asString()));
        assertEquals(422, response.status(), response.toString());
        assertEquals("invalid_code", response.errorCode());
        assertEquals(9, response.json().path("error").path("attemptsRemaining").asInt());
    }

    @Test
    void confirmThrottledAfterRepeatedFailures() {
        JsonNode enrolment = portal.startEnrolment(token);
        String id = enrolment.path("enrolmentId").asString();
        String wrong = portal.wrongCode(enrolment.path("secret").asString());
        for (int i = 0; i < 5; i++) {
            assertEquals(422, portal.confirm(token, id, wrong).status());
        }
        ApiResponse throttled = portal.confirm(token, id,
                portal.codeAt(enrolment.path("secret").asString(), Duration.ZERO));
        assertEquals(429, throttled.status(), throttled.toString());
        assertEquals("too_many_attempts", throttled.errorCode());
    }

    @Test
    void pendingSecretNotAcceptedAtSignIn() {
        String active = portal.enrolTotp(token);
        JsonNode pending = portal.startEnrolment(token);
        String pendingSecret = pending.path("secret").asString();
        portal.nextStep();

        String pendingCode = portal.codeAt(pendingSecret, Duration.ZERO);
        if (!pendingCode.equals(portal.codeAt(active, Duration.ZERO))) {
            ApiResponse rejected = portal.signInTotp(portal.mfaToken(EMAIL), pendingCode);
            assertEquals(401, rejected.status(), rejected.toString());
            assertEquals("invalid_code", rejected.errorCode());
        }
        ApiResponse accepted = portal.signInTotp(portal.mfaToken(EMAIL),
                portal.codeAt(active, Duration.ZERO));
        assertEquals(200, accepted.status(), "the active factor keeps working: " + accepted);
    }

    @Test
    void pendingSecretNotAcceptedWithoutActiveFactor() {
        portal.startEnrolment(token);
        ApiResponse response = portal.signIn(EMAIL, TestPortal.PASSWORD);
        assertEquals("signed_in", response.json().path("result").asString(),
                "a pending enrolment does not turn on MFA");
    }

    @Test
    void abandonKeepsActiveFactor() {
        String active = portal.enrolTotp(token);
        JsonNode pending = portal.startEnrolment(token);
        ApiResponse abandoned = portal.client().delete("/api/v1/mfa/totp/enrolments/"
                + pending.path("enrolmentId").asString(), token);
        assertEquals(204, abandoned.status(), abandoned.toString());
        assertEquals("", abandoned.body());

        ApiResponse confirmAbandoned = portal.confirm(token,
                pending.path("enrolmentId").asString(),
                portal.codeAt(pending.path("secret").asString(), Duration.ZERO));
        assertEquals(404, confirmAbandoned.status());
        assertEquals("enrolment_not_found", confirmAbandoned.errorCode());

        portal.nextStep();
        assertEquals(200, portal.signInTotp(portal.mfaToken(EMAIL),
                portal.codeAt(active, Duration.ZERO)).status());
    }

    @Test
    void abandonUnknownEnrolmentIsNotFound() {
        ApiResponse response = portal.client().delete(
                "/api/v1/mfa/totp/enrolments/00000000-0000-0000-0000-000000000000", token);
        assertEquals(404, response.status());
        assertEquals("enrolment_not_found", response.errorCode());
    }

    @Test
    void newEnrolmentSupersedesPendingOne() {
        JsonNode first = portal.startEnrolment(token);
        JsonNode second = portal.startEnrolment(token);
        assertNotEquals(first.path("secret").asString(), second.path("secret").asString());

        ApiResponse old = portal.confirm(token, first.path("enrolmentId").asString(),
                portal.codeAt(first.path("secret").asString(), Duration.ZERO));
        assertEquals(404, old.status());
        assertEquals("enrolment_not_found", old.errorCode());

        ApiResponse current = portal.confirm(token, second.path("enrolmentId").asString(),
                portal.codeAt(second.path("secret").asString(), Duration.ZERO));
        assertEquals(200, current.status(), current.toString());
    }

    @Test
    void confirmedEnrolmentReplacesActiveFactor() {
        String oldSecret = portal.enrolTotp(token);
        portal.nextStep();
        String newSecret = portal.enrolTotp(token);
        portal.nextStep();

        String oldCode = portal.codeAt(oldSecret, Duration.ZERO);
        if (!oldCode.equals(portal.codeAt(newSecret, Duration.ZERO))) {
            assertEquals("invalid_code",
                    portal.signInTotp(portal.mfaToken(EMAIL), oldCode).errorCode());
        }
        assertEquals(200, portal.signInTotp(portal.mfaToken(EMAIL),
                portal.codeAt(newSecret, Duration.ZERO)).status());
    }

    @Test
    void enrolmentExpiresAfterFifteenMinutes() {
        JsonNode enrolment = portal.startEnrolment(token);
        portal.clock.advance(Duration.ofMinutes(15));
        ApiResponse response = portal.confirm(token, enrolment.path("enrolmentId").asString(),
                portal.codeAt(enrolment.path("secret").asString(), Duration.ZERO));
        assertEquals(404, response.status());
        assertEquals("enrolment_not_found", response.errorCode());
    }

    @Test
    void confirmCodeCannotSignInAgain() {
        JsonNode enrolment = portal.startEnrolment(token);
        String code = portal.codeAt(enrolment.path("secret").asString(), Duration.ZERO);
        assertEquals(200, portal.confirm(token, enrolment.path("enrolmentId").asString(), code)
                .status());

        ApiResponse replay = portal.signInTotp(portal.mfaToken(EMAIL), code);
        assertEquals(401, replay.status());
        assertEquals("code_reused", replay.errorCode());
    }

    @Test
    void enrolmentOfAnotherUserIsNotFound() {
        JsonNode enrolment = portal.startEnrolment(token);
        portal.addUser("other@example.org");
        String otherToken = portal.signInFull("other@example.org");

        ApiResponse response = portal.confirm(otherToken,
                enrolment.path("enrolmentId").asString(),
                portal.codeAt(enrolment.path("secret").asString(), Duration.ZERO));
        assertEquals(404, response.status());
        assertEquals("enrolment_not_found", response.errorCode());
    }
}
