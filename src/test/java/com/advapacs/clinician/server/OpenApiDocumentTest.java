package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void everyOperationListsTransportErrors() throws IOException {
        Map<String, Set<String>> operations = operations(Files.readString(DOCUMENT));
        assertEquals(Set.of("GET /api/v1/health", "POST /api/v1/sign-in/password",
                "POST /api/v1/sign-in/totp", "POST /api/v1/sign-in/passkey/options",
                "POST /api/v1/sign-in/passkey", "POST /api/v1/sign-out", "GET /api/v1/me",
                "POST /api/v1/mfa/totp/enrolments",
                "POST /api/v1/mfa/totp/enrolments/{enrolmentId}/confirm",
                "DELETE /api/v1/mfa/totp/enrolments/{enrolmentId}",
                "POST /api/v1/mfa/totp/remove", "POST /api/v1/mfa/passkeys/registrations",
                "POST /api/v1/mfa/passkeys/registrations/{registrationId}/finish",
                "GET /api/v1/mfa/passkeys", "PATCH /api/v1/mfa/passkeys/{id}",
                "POST /api/v1/mfa/passkeys/{id}/remove", "GET /clinician",
                "GET /assets/clinician.css", "GET /openapi.yaml"), operations.keySet());
        for (Map.Entry<String, Set<String>> operation : operations.entrySet()) {
            Set<String> statuses = operation.getValue();
            for (String status : List.of("400", "414", "431")) {
                assertTrue(statuses.contains(status), operation.getKey() + " lacks " + status);
            }
            if (!operation.getKey().startsWith("GET ")) {
                assertTrue(statuses.contains("415"), operation.getKey() + " lacks 415");
            }
        }
    }

    @Test
    void removalsDocumentConfirmLastMethod() throws IOException {
        String document = Files.readString(DOCUMENT);
        for (String path : List.of("/api/v1/mfa/totp/remove",
                "/api/v1/mfa/passkeys/{id}/remove")) {
            String operation = section(document, "  ", path);
            assertTrue(operation.contains("$ref: '#/components/schemas/RemovalProof'"), path);
            assertTrue(operation.contains("`\"confirmLastMethod\": true`"), path);
            assertTrue(operation.contains("$ref: '#/components/responses/LastMethod'"), path);
        }
        String proof = section(document, "    ", "RemovalProof");
        assertEquals(2, proof.split("\\$ref: '#/components/schemas/ConfirmLastMethod'", -1)
                .length - 1, proof);
        assertTrue(document.contains("\n    ConfirmLastMethod:\n"));
    }

    @Test
    void referencedResponsesExist() throws IOException {
        String document = Files.readString(DOCUMENT);
        Matcher reference = Pattern.compile("\\$ref: '#/components/responses/(\\w+)'")
                .matcher(document);
        int count = 0;
        while (reference.find()) {
            String component = "\n    " + reference.group(1) + ":\n";
            assertTrue(document.contains(component), reference.group(1));
            count++;
        }
        assertTrue(count > 50, "found " + count + " references");
    }

    /**
     * Returns each operation as "METHOD /path" with the statuses it lists, read from the
     * document's fixed indentation: paths at 2 spaces, methods at 4, statuses at 8.
     */
    private static Map<String, Set<String>> operations(String document) {
        Map<String, Set<String>> operations = new TreeMap<>();
        String path = null;
        String operation = null;
        boolean inPaths = false;
        boolean inResponses = false;
        for (String line : document.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                inPaths = line.equals("paths:");
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher pathLine = Pattern.compile("^  (/\\S*):$").matcher(line);
            Matcher methodLine = Pattern.compile("^    (get|post|patch|put|delete):$")
                    .matcher(line);
            Matcher statusLine = Pattern.compile("^        '(\\d{3})':$").matcher(line);
            if (pathLine.matches()) {
                path = pathLine.group(1);
            } else if (methodLine.matches()) {
                operation = methodLine.group(1).toUpperCase(Locale.ROOT) + " " + path;
                operations.put(operation, new TreeSet<>());
                inResponses = false;
            } else if (line.startsWith("      ") && !line.startsWith("       ")) {
                inResponses = line.equals("      responses:");
            } else if (inResponses && statusLine.matches()) {
                operations.get(operation).add(statusLine.group(1));
            }
        }
        return operations;
    }

    /** Returns the block of {@code key} up to the next key with the same indentation. */
    private static String section(String document, String indent, String key) {
        String heading = "\n" + indent + key + ":\n";
        int start = document.indexOf(heading);
        assertTrue(start >= 0, key);
        Matcher next = Pattern.compile("\n" + indent + "\\S").matcher(document);
        int end = next.find(start + heading.length()) ? next.start() : document.length();
        return document.substring(start, end);
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
                "passkey_not_recognised", "assertion_not_found", "uri_too_long")) {
            assertTrue(document.contains("`" + code + "`"), code);
        }
    }
}
