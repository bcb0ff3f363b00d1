package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies are JSON or absent. Anything else gets 415 before any check or change. */
class ContentTypeTest {
    private static final String EMAIL = "media.user@example.org";
    private static final byte[] SIGN_IN_BODY = ("{\"email\":\"" + EMAIL + "\",\"password\":\""
            + TestPortal.PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8);

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

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/jsonx",
        "application/json-patch+json",
        "application/x-json",
        "xapplication/json",
        "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16",
        "application/json; charset=",
        "application/json; charset",
        "application/json; foo=bar",
        "application/json; charset=utf-8; foo=bar",
        "application/json; charset=utf-8; charset=utf-8",
        "application/json;",
        "application/json, text/plain",
        "application/*",
        "*/*",
        "garbage",
        ";;;",
        ""
    })
    void signInRejectsContentType(String contentType) {
        ApiResponse response = portal.client().send("POST", "/api/v1/sign-in/password", null,
                Map.of("Content-Type", contentType), SIGN_IN_BODY);
        assertEquals(415, response.status(), response.toString());
        assertEquals("unsupported_media_type", response.errorCode());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "application/json",
        "APPLICATION/JSON",
        "Application/Json",
        "application/json;charset=utf-8",
        "application/json; charset=UTF-8",
        "application/json ; Charset=Utf-8",
        "application/json; CHARSET=\"utf-8\""
    })
    void signInAcceptsJsonContentType(String contentType) {
        ApiResponse response = portal.client().send("POST", "/api/v1/sign-in/password", null,
                Map.of("Content-Type", contentType), SIGN_IN_BODY);
        assertEquals(200, response.status(), response.toString());
        assertEquals("signed_in", response.json().path("result").asString());
    }

    @Test
    void repeatedContentTypeRejected() {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        portal.client().uri("/api/v1/sign-in/password"))
                .header("Content-Type", "application/json")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SIGN_IN_BODY));
        ApiResponse response = portal.client().send(request);
        assertEquals(415, response.status(), response.toString());
        assertEquals("unsupported_media_type", response.errorCode());
    }

    @Test
    void requiredBodyWithoutContentTypeRejected() {
        ApiResponse empty = portal.client().send("POST", "/api/v1/sign-in/password", null,
                Map.of(), null);
        assertEquals(415, empty.status(), empty.toString());
        assertEquals("unsupported_media_type", empty.errorCode());
    }

    @Test
    void textPlainSignInNotCounted() {
        for (int i = 0; i < 30; i++) {
            ApiResponse rejected = portal.client().send("POST", "/api/v1/sign-in/password",
                    null, Map.of("Content-Type", "text/plain"),
                    ("{\"email\":\"" + EMAIL + "\",\"password\":\"wrong " + i + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            assertEquals(415, rejected.status(), rejected.toString());
        }
        assertEquals(200, portal.signIn(EMAIL, TestPortal.PASSWORD).status(),
                "neither the account nor the address was throttled");
    }

    @Test
    void textPlainSignOutKeepsSession() {
        String token = portal.signInFull(EMAIL);
        ApiResponse signOut = portal.client().send("POST", "/api/v1/sign-out", token,
                Map.of("Content-Type", "text/plain"), "bye".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, signOut.status(), signOut.toString());
        assertEquals(200, portal.client().get("/api/v1/me", token).status(),
                "the session was not revoked");

        ApiResponse bodyWithoutType = portal.client().send("POST", "/api/v1/sign-out", token,
                Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, bodyWithoutType.status(), bodyWithoutType.toString());
        assertEquals(200, portal.client().get("/api/v1/me", token).status());

        ApiResponse noBody = portal.client().send("POST", "/api/v1/sign-out", token, Map.of(),
                null);
        assertEquals(204, noBody.status(), noBody.toString());
        assertEquals(401, portal.client().get("/api/v1/me", token).status());
    }

    @Test
    void optionalBodyAcceptsNoBodyWithoutContentType() {
        ApiResponse options = portal.client().send("POST", "/api/v1/sign-in/passkey/options",
                null, Map.of(), null);
        assertEquals(200, options.status(), options.toString());

        ApiResponse emptyJson = portal.client().send("POST", "/api/v1/sign-in/passkey/options",
                null, Map.of("Content-Type", "application/json"), new byte[0]);
        assertEquals(200, emptyJson.status(), emptyJson.toString());
    }

    @Test
    void optionalBodyRejectsTextPlainEvenWhenEmpty() {
        ApiResponse options = portal.client().send("POST", "/api/v1/sign-in/passkey/options",
                null, Map.of("Content-Type", "text/plain"), new byte[0]);
        assertEquals(415, options.status(), options.toString());
        assertEquals("unsupported_media_type", options.errorCode());

        String token = portal.signInFull(EMAIL);
        for (String path : new String[] {"/api/v1/mfa/totp/enrolments",
                "/api/v1/mfa/passkeys/registrations"}) {
            ApiResponse started = portal.client().send("POST", path, token,
                    Map.of("Content-Type", "text/plain"), new byte[0]);
            assertEquals(415, started.status(), path + ": " + started);
        }
        assertEquals("none", portal.client().get("/api/v1/me", token).json().path("totp")
                .path("state").asString());
    }

    @Test
    void deleteWithTextPlainBodyKeepsEnrolment() {
        String token = portal.signInFull(EMAIL);
        String enrolmentId = portal.startEnrolment(token).path("enrolmentId").asString();
        ApiResponse abandoned = portal.client().send("DELETE",
                "/api/v1/mfa/totp/enrolments/" + enrolmentId, token,
                Map.of("Content-Type", "text/plain"), "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, abandoned.status(), abandoned.toString());

        ApiResponse deleted = portal.client().delete("/api/v1/mfa/totp/enrolments/"
                + enrolmentId, token);
        assertEquals(204, deleted.status(), "the enrolment was still there: " + deleted);
    }

    @Test
    void mediaTypeCheckedBeforeSession() {
        ApiResponse response = portal.client().send("POST", "/api/v1/mfa/totp/remove", null,
                Map.of("Content-Type", "text/plain"), "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, response.status(), response.toString());
    }

    @Test
    void getIgnoresContentType() {
        ApiResponse health = portal.client().send("GET", "/api/v1/health", null,
                Map.of("Content-Type", "text/plain"), null);
        assertEquals(200, health.status(), health.toString());
    }

    @Test
    void unknownRouteStaysNotFound() {
        ApiResponse response = portal.client().send("POST", "/api/v1/nothing-here", null,
                Map.of("Content-Type", "text/plain"), "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(404, response.status(), response.toString());
    }
}
