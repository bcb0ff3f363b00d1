package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Invalid requests get a 4xx status with the JSON error shape, never a 5xx. */
class BadInputTest {
    private static final String EMAIL = "input.user@example.org";

    @TempDir
    static Path folder;

    private static TestPortal portal;
    private static String token;

    @BeforeAll
    static void start() {
        portal = new TestPortal(folder);
        portal.addUser(EMAIL);
        token = portal.signInFull(EMAIL);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        not json at all | not json | malformed_json |
        truncated object | {"email":"a@b.org", | malformed_json |
        array instead of object | ["a@b.org"] | malformed_json |
        duplicate key | {"email":"a@b.org","email":"c@d"} | malformed_json |
        trailing data | {"email":"a@b.org"} {} | malformed_json |
        empty body | '' | malformed_json |
        missing password | {"email":"a@b.org"} | missing_field | password
        missing email | {"password":"x"} | missing_field | email
        email is a number | {"email":5,"password":"x"} | invalid_field | email
        email is null | {"email":null,"password":"x"} | invalid_field | email
        email is empty | {"email":"","password":"x"} | invalid_field | email
        email without at sign | {"email":"abc","password":"x"} | invalid_field | email
        password is an object | {"email":"a@b.org","password":{}} | invalid_field | password
        password is empty | {"email":"a@b.org","password":""} | invalid_field | password
        """)
    void passwordSignInRejects(String name, String body, String code, String field) {
        ApiResponse response = portal.client().postJson("/api/v1/sign-in/password", body);
        assertError(response, 400, code);
        if (field != null) {
            assertEquals(field, response.json().path("error").path("field").asString());
        }
    }

    @Test
    void emailLongerThan254Rejected() {
        String email = "a".repeat(243) + "@example.org";
        assertEquals(255, email.length());
        ApiResponse response = portal.client().postJson("/api/v1/sign-in/password",
                "{\"email\":\"" + email + "\",\"password\":\"x\"}");
        assertError(response, 400, "invalid_field");
        assertEquals("email", response.json().path("error").path("field").asString());
    }

    @Test
    void passwordLongerThan1024Rejected() {
        ApiResponse response = portal.client().postJson("/api/v1/sign-in/password",
                "{\"email\":\"a@b.org\",\"password\":\"" + "p".repeat(1025) + "\"}");
        assertError(response, 400, "invalid_field");
        assertEquals("password", response.json().path("error").path("field").asString());
    }

    @ParameterizedTest(name = "code {0}")
    @CsvSource(delimiter = '|', textBlock = """
        five digits       | "12345"
        seven digits      | "1234567"
        letters           | "12a456"
        spaces            | "123 456"
        number not string | 123456
        null              | null
        """)
    void totpSignInRejectsInvalidCode(String name, String code) {
        ApiResponse response = portal.client().postJson("/api/v1/sign-in/totp",
                "{\"mfaToken\":\"" + "A".repeat(43) + "\",\"code\":" + code + "}");
        assertError(response, 400, "invalid_field");
        assertEquals("code", response.json().path("error").path("field").asString());
    }

    @Test
    void totpSignInRequiresMfaToken() {
        ApiResponse response = portal.client().postJson("/api/v1/sign-in/totp",
                "{\"code\":\"123456\"}");
        assertError(response, 400, "missing_field");
        assertEquals("mfaToken", response.json().path("error").path("field").asString());
    }

    @Test
    void bodyOver64KibRejected() {
        String padding = " ".repeat(64 * 1024);
        ApiResponse response = portal.client().postJson("/api/v1/sign-in/password",
                "{\"email\":\"a@b.org\",\"password\":\"x\"}" + padding);
        assertError(response, 413, "body_too_large");
    }

    @Test
    void chunkedBodyOver64KibRejected() {
        byte[] body = ("{\"email\":\"a@b.org\",\"password\":\"" + "x".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        portal.client().uri("/api/v1/sign-in/password"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body)));
        assertError(portal.client().send(request), 413, "body_too_large");
    }

    @Test
    void bodyOfExactly64KibAccepted() {
        String json = "{\"email\":\"a@b.org\",\"password\":\"x\"}";
        String padded = json + " ".repeat(64 * 1024 - json.length());
        ApiResponse response = portal.client().postJson("/api/v1/sign-in/password", padded);
        assertError(response, 401, "invalid_credentials");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        text/plain                            | text/plain
        form                                  | application/x-www-form-urlencoded
        latin-1 json                          | application/json; charset=ISO-8859-1
        """)
    void nonJsonContentTypeRejected(String name, String contentType) {
        ApiResponse response = portal.client().send("POST", "/api/v1/sign-in/password", null,
                Map.of("Content-Type", contentType),
                "{\"email\":\"a@b.org\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertError(response, 415, "unsupported_media_type");
    }

    @Test
    void missingContentTypeRejected() {
        ApiResponse response = portal.client().send("POST", "/api/v1/sign-in/password", null,
                Map.of(), "{\"email\":\"a@b.org\",\"password\":\"x\"}".getBytes(
                        StandardCharsets.UTF_8));
        assertError(response, 415, "unsupported_media_type");
    }

    @Test
    void jsonWithUtf8CharsetAccepted() {
        ApiResponse response = portal.client().send("POST", "/api/v1/sign-in/password", null,
                Map.of("Content-Type", "application/json; charset=\"UTF-8\""),
                "{\"email\":\"a@b.org\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertError(response, 401, "invalid_credentials");
    }

    @Test
    void invalidUtf8Rejected() {
        byte[] body = {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ApiResponse response = portal.client().send("POST", "/api/v1/sign-in/password", null,
                Map.of("Content-Type", "application/json"), body);
        assertError(response, 400, "malformed_json");
    }

    @Test
    void unknownRouteNotFound() {
        assertError(portal.client().get("/api/v1/nothing-here", null), 404, "not_found");
        assertError(portal.client().get("/", null), 404, "not_found");
        assertError(portal.client().postJson("/api/v2/sign-in/password", "{}"), 404,
                "not_found");
    }

    @Test
    void wrongMethodNotAllowed() {
        assertError(portal.client().get("/api/v1/sign-in/password", null), 405,
                "method_not_allowed");
        assertError(portal.client().delete("/api/v1/health", null), 405, "method_not_allowed");
        assertError(portal.client().postJson("/api/v1/me", "{}", token), 405,
                "method_not_allowed");
    }

    @Test
    void invalidPercentEncodingInPathIsJsonError() throws IOException {
        // java.net.URI refuses to build this path, so the request is written by hand.
        URI base = portal.client().uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/%zz HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertTrue(response.contains("application/json"), response);
            assertTrue(response.contains("{\"error\":{\"code\":\"bad_request\""), response);
        }
    }

    @Test
    void longUriIsJsonError() {
        for (String path : new String[] {"/api/v1/health", "/clinician"}) {
            ApiResponse response = portal.client().get(path + "?q=" + "a".repeat(9000), null);
            assertError(response, 414, "uri_too_long");
            assertEquals("close", response.headers().firstValue("Connection").orElse(null),
                    "the rejected request's connection is not reused");
        }
    }

    @Test
    void largeHeadersAreJsonError() {
        ApiResponse response = portal.client().send("GET", "/api/v1/health", null,
                Map.of("X-Padding", "a".repeat(9000)), null);
        assertError(response, 431, "headers_too_large");
    }

    @Test
    void confirmRejectsBadName() {
        ApiResponse longName = portal.client().postJson(
                "/api/v1/mfa/totp/enrolments/x/confirm",
                "{\"code\":\"123456\",\"name\":\"" + "n".repeat(65) + "\"}", token);
        assertError(longName, 400, "invalid_field");
        assertEquals("name", longName.json().path("error").path("field").asString());

        ApiResponse blankName = portal.client().postJson(
                "/api/v1/mfa/totp/enrolments/x/confirm",
                "{\"code\":\"123456\",\"name\":\"   \"}", token);
        assertError(blankName, 400, "invalid_field");

        for (String name : new String[] {"phone\\u202E", "\\u2066phone", "phone\\u200F",
                "phone\\uD800", "\\uDC00phone", "phone\\u0000", "phone\\u2028two"}) {
            ApiResponse invalid = portal.client().postJson(
                    "/api/v1/mfa/totp/enrolments/x/confirm",
                    "{\"code\":\"123456\",\"name\":\"" + name + "\"}", token);
            assertError(invalid, 400, "invalid_field");
            assertEquals("name", invalid.json().path("error").path("field").asString(), name);
        }
    }

    @Test
    void confirmRequiresCode() {
        ApiResponse response = portal.client().postJson(
                "/api/v1/mfa/totp/enrolments/x/confirm", "{}", token);
        assertError(response, 400, "missing_field");
        assertEquals("code", response.json().path("error").path("field").asString());
    }

    @Test
    void enrolmentStartRejectsNonObjectBody() {
        ApiResponse response = portal.client().postJson("/api/v1/mfa/totp/enrolments", "[1]",
                token);
        assertError(response, 400, "malformed_json");
    }

    @Test
    void sessionCheckedBeforeBody() {
        ApiResponse response = portal.client().postJson("/api/v1/mfa/totp/enrolments",
                "not json", null);
        assertError(response, 401, "session_invalid");
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.header("Content-Type").startsWith("application/json"),
                response.header("Content-Type"));
        JsonNode error = response.json().path("error");
        assertEquals(code, error.path("code").asString(), response.body());
        assertTrue(error.path("message").asString().endsWith("."), response.body());
    }
}
