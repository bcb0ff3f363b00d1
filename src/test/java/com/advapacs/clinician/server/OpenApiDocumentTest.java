package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiDocumentTest {
    /** Source of truth; src/main/resources/server/openapi.yaml is the copy the server serves. */
    private static final Path DOCUMENT = Path.of("docs", "openapi.yaml");
    private static final Path SERVED_COPY =
            Path.of("src", "main", "resources", "server", "openapi.yaml");

    @TempDir
    Path folder;

    @Test
    void servedCopyMatchesDocs() throws IOException {
        assertEquals(Files.readString(DOCUMENT), Files.readString(SERVED_COPY),
                "copy docs/openapi.yaml to " + SERVED_COPY);
    }

    @Test
    void servedAtOpenApiYaml() throws IOException {
        try (TestPortal portal = new TestPortal(folder)) {
            ApiResponse response = portal.client().get("/openapi.yaml", null);
            assertEquals(200, response.status());
            assertEquals("application/yaml", response.header("Content-Type"));
            assertEquals(Files.readString(DOCUMENT, StandardCharsets.UTF_8), response.body());
        }
    }

    @Test
    void documentsEveryRouteAndErrorCode() throws IOException {
        String document = Files.readString(DOCUMENT);
        assertTrue(document.startsWith("openapi: 3.1.0\n"));
        for (String path : List.of("/api/v1/health", "/api/v1/sign-in/password",
                "/api/v1/sign-in/totp", "/api/v1/sign-out", "/api/v1/me",
                "/api/v1/mfa/totp/enrolments", "/api/v1/mfa/totp/enrolments/{enrolmentId}/confirm",
                "/api/v1/mfa/totp/enrolments/{enrolmentId}", "/api/v1/mfa/totp/remove",
                "/api/v1/sign-in/passkey/options", "/api/v1/sign-in/passkey",
                "/api/v1/mfa/passkeys/registrations",
                "/api/v1/mfa/passkeys/registrations/{registrationId}/finish",
                "/api/v1/mfa/passkeys", "/api/v1/mfa/passkeys/{id}",
                "/api/v1/mfa/passkeys/{id}/remove",
                "/clinician", "/assets/clinician.css", "/openapi.yaml")) {
            assertTrue(document.contains("\n  " + path + ":\n"), path);
        }
        for (String code : List.of("malformed_json", "missing_field", "invalid_field",
                "body_too_large", "unsupported_media_type", "not_found", "method_not_allowed",
                "session_invalid", "enrolment_required", "invalid_credentials",
                "too_many_attempts", "invalid_code", "code_reused", "factor_locked",
                "mfa_token_invalid", "enrolment_not_found", "invalid_password",
                "totp_not_enrolled", "mfa_required_by_policy", "server_error", "bad_request",
                "headers_too_large", "last_method_confirmation_required", "passkey_invalid",
                "passkey_already_registered", "registration_not_found", "passkey_not_found",
                "passkey_not_recognised", "assertion_not_found")) {
            assertTrue(document.contains("`" + code + "`"), code);
        }
    }
}
