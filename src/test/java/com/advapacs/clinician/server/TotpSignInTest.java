package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class TotpSignInTest {
    private static final String EMAIL = "totp.user@example.org";

    @TempDir
    Path folder;

    private TestPortal portal;
    private String secret;

    @BeforeEach
    void start() {
        portal = new TestPortal(folder);
        portal.addUser(EMAIL);
        secret = portal.enrolTotp(portal.signInFull(EMAIL));
        portal.nextStep();
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void passwordThenCodeSignsIn() {
        ApiResponse password = portal.signIn(EMAIL, TestPortal.PASSWORD);
        JsonNode body = password.json();
        assertEquals("mfa_required", body.path("result").asString());
        assertEquals("totp", body.path("methods").path(0).asString());
        assertEquals(1, body.path("methods").size());
        assertEquals(TestPortal.START.getEpochSecond() / 30 * 30 + 30 + 1 + 300,
                Instant.parse(body.path("expiresAt").asString()).getEpochSecond());

        ApiResponse signedIn = portal.signInTotp(body.path("mfaToken").asString(),
                portal.codeAt(secret, Duration.ZERO));

        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals("signed_in", signedIn.json().path("result").asString());
        String token = signedIn.json().path("session").path("token").asString();
        assertEquals(200, portal.client().get("/api/v1/me", token).status());
    }

    @Test
    void acceptsOneStepEitherSideRejectsTwo() {
        for (int offset : new int[] {-30, 30}) {
            portal.nextStep();
            portal.nextStep();
            ApiResponse response = portal.signInTotp(portal.mfaToken(EMAIL),
                    portal.codeAt(secret, Duration.ofSeconds(offset)));
            assertEquals(200, response.status(), "offset " + offset + ": " + response);
        }
        portal.nextStep();
        portal.nextStep();
        for (int offset : new int[] {-60, 60}) {
            String code = portal.codeAt(secret, Duration.ofSeconds(offset));
            if (code.equals(portal.codeAt(secret, Duration.ZERO))) {
                continue;
            }
            ApiResponse response = portal.signInTotp(portal.mfaToken(EMAIL), code);
            assertEquals(401, response.status(), "offset " + offset + ": " + response);
            assertEquals("invalid_code", response.errorCode());
        }
    }

    @Test
    void replayedCodeRejected() {
        String code = portal.codeAt(secret, Duration.ZERO);
        assertEquals(200, portal.signInTotp(portal.mfaToken(EMAIL), code).status());

        ApiResponse replay = portal.signInTotp(portal.mfaToken(EMAIL), code);

        assertEquals(401, replay.status(), replay.toString());
        assertEquals("code_reused", replay.errorCode());
        assertTrue(replay.json().path("error").path("message").asString().contains("next code"));

        ApiResponse earlier = portal.signInTotp(portal.mfaToken(EMAIL),
                portal.codeAt(secret, Duration.ofSeconds(-30)));
        assertEquals("code_reused", earlier.errorCode(), "earlier steps count as replays");
    }

    @Test
    void mfaTokenIsSingleUse() {
        String mfaToken = portal.mfaToken(EMAIL);
        assertEquals(200, portal.signInTotp(mfaToken, portal.codeAt(secret, Duration.ZERO))
                .status());
        portal.nextStep();

        ApiResponse again = portal.signInTotp(mfaToken, portal.codeAt(secret, Duration.ZERO));
        assertEquals(401, again.status());
        assertEquals("mfa_token_invalid", again.errorCode());
        assertEquals("Your sign-in has expired. Enter your password again.",
                again.json().path("error").path("message").asString());
    }

    @Test
    void mfaTokenExpiresAfterFiveMinutes() {
        String mfaToken = portal.mfaToken(EMAIL);
        portal.clock.advance(Duration.ofMinutes(5));
        ApiResponse expired = portal.signInTotp(mfaToken, portal.codeAt(secret, Duration.ZERO));
        assertEquals(401, expired.status());
        assertEquals("mfa_token_invalid", expired.errorCode());
    }

    @Test
    void unknownMfaTokenRejected() {
        ApiResponse response = portal.signInTotp("A".repeat(43), "123456");
        assertEquals(401, response.status());
        assertEquals("mfa_token_invalid", response.errorCode());
    }

    @Test
    void wrongCodeKeepsTokenAndReportsAttempts() {
        String mfaToken = portal.mfaToken(EMAIL);
        ApiResponse wrong = portal.signInTotp(mfaToken, portal.wrongCode(secret));
        assertEquals(401, wrong.status());
        assertEquals("invalid_code", wrong.errorCode());
        assertEquals(9, wrong.json().path("error").path("attemptsRemaining").asInt());

        ApiResponse right = portal.signInTotp(mfaToken, portal.codeAt(secret, Duration.ZERO));
        assertEquals(200, right.status(), right.toString());
    }

    @Test
    void throttlesAfterFiveFailuresThenLocks() {
        String mfaToken = portal.mfaToken(EMAIL);
        String wrong = portal.wrongCode(secret);
        for (int i = 1; i <= 5; i++) {
            ApiResponse response = portal.signInTotp(mfaToken, wrong);
            assertEquals(401, response.status(), "failure " + i + ": " + response);
            assertEquals(10 - i, response.json().path("error").path("attemptsRemaining").asInt());
        }
        ApiResponse throttled = portal.signInTotp(mfaToken, portal.codeAt(secret, Duration.ZERO));
        assertEquals(429, throttled.status(), throttled.toString());
        assertEquals("too_many_attempts", throttled.errorCode());
        assertEquals(30, throttled.json().path("error").path("retryAfterSeconds").asInt());
        assertEquals("30", throttled.header("Retry-After"));

        int[] delays = {30, 60, 120, 240};
        for (int i = 0; i < delays.length; i++) {
            portal.clock.advance(Duration.ofSeconds(delays[i]));
            mfaToken = portal.mfaToken(EMAIL);
            ApiResponse response = portal.signInTotp(mfaToken, portal.wrongCode(secret));
            assertEquals(401, response.status(), "failure " + (6 + i) + ": " + response);
            ApiResponse tooSoon = portal.signInTotp(mfaToken, portal.wrongCode(secret));
            assertEquals(429, tooSoon.status(), "after failure " + (6 + i));
        }
        portal.clock.advance(Duration.ofSeconds(480));
        mfaToken = portal.mfaToken(EMAIL);
        ApiResponse locking = portal.signInTotp(mfaToken, portal.wrongCode(secret));
        assertEquals(423, locking.status(), locking.toString());
        assertEquals("factor_locked", locking.errorCode());
        assertEquals(900, locking.json().path("error").path("retryAfterSeconds").asInt());
        assertEquals("Too many wrong codes, so codes from your authenticator app are not"
                + " accepted for 15 minutes. Try again then.",
                locking.json().path("error").path("message").asString());

        portal.clock.advance(Duration.ofMinutes(14));
        ApiResponse stillLocked = portal.signInTotp(mfaToken = portal.mfaToken(EMAIL),
                portal.codeAt(secret, Duration.ZERO));
        assertEquals(423, stillLocked.status(), "a correct code does not open a lock");
        assertEquals(60, stillLocked.json().path("error").path("retryAfterSeconds").asInt());

        portal.clock.advance(Duration.ofMinutes(1));
        ApiResponse unlocked = portal.signInTotp(portal.mfaToken(EMAIL),
                portal.codeAt(secret, Duration.ZERO));
        assertEquals(200, unlocked.status(), unlocked.toString());
    }

    @Test
    void successResetsFailureCount() {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, portal.signInTotp(portal.mfaToken(EMAIL),
                    portal.wrongCode(secret)).status());
        }
        assertEquals(200, portal.signInTotp(portal.mfaToken(EMAIL),
                portal.codeAt(secret, Duration.ZERO)).status());
        portal.nextStep();
        ApiResponse wrong = portal.signInTotp(portal.mfaToken(EMAIL), portal.wrongCode(secret));
        assertEquals(9, wrong.json().path("error").path("attemptsRemaining").asInt());
    }
}
