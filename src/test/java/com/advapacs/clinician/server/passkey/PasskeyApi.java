package com.advapacs.clinician.server.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.server.ApiResponse;
import com.advapacs.clinician.server.TestPortal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Passkey calls against a {@link TestPortal}, as the desktop app makes them. */
final class PasskeyApi {
    static final String REGISTRATIONS = "/api/v1/mfa/passkeys/registrations";
    static final String PASSKEYS = "/api/v1/mfa/passkeys";
    static final String OPTIONS = "/api/v1/sign-in/passkey/options";
    static final String SIGN_IN = "/api/v1/sign-in/passkey";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestPortal portal;

    PasskeyApi(TestPortal portal) {
        this.portal = portal;
    }

    ApiResponse startRegistration(String token, String body) {
        return portal.client().postJson(REGISTRATIONS, body, token);
    }

    /** Starts a registration and returns its body: registrationId and publicKey. */
    JsonNode startRegistration(String token) {
        ApiResponse response = startRegistration(token, "{}");
        assertEquals(201, response.status(), response.toString());
        return response.json();
    }

    ApiResponse finish(String token, String registrationId, ObjectNode credential) {
        ObjectNode body = JSON.createObjectNode();
        body.set("credential", credential);
        return finish(token, registrationId, body.toString());
    }

    ApiResponse finish(String token, String registrationId, String body) {
        return portal.client().postJson(REGISTRATIONS + "/" + registrationId + "/finish", body,
                token);
    }

    /** Registers {@code key} for the session's user and returns the finish response. */
    ApiResponse register(String token, SoftwareAuthenticator key) {
        JsonNode started = startRegistration(token);
        return finish(token, started.path("registrationId").asString(),
                key.register(started.path("publicKey"), portal.origin()));
    }

    /** Registers {@code key} and returns the new passkey, failing the test otherwise. */
    JsonNode registered(String token, SoftwareAuthenticator key) {
        ApiResponse response = register(token, key);
        assertEquals(201, response.status(), response.toString());
        return response.json().path("passkey");
    }

    ApiResponse options(String body) {
        return portal.client().postJson(OPTIONS, body);
    }

    /** Requests sign-in options for {@code mfaToken}, or passwordless ones for null. */
    JsonNode optionsFor(String mfaToken) {
        ApiResponse response = options(mfaToken == null
                ? "{}" : "{\"mfaToken\":\"" + mfaToken + "\"}");
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    ApiResponse signIn(String assertionId, ObjectNode credential) {
        ObjectNode body = JSON.createObjectNode();
        body.put("assertionId", assertionId);
        body.set("credential", credential);
        return portal.client().postJson(SIGN_IN, body.toString());
    }

    /** Signs in with password, then with {@code key} as the second step. */
    ApiResponse signInSecondStep(String email, SoftwareAuthenticator key) {
        JsonNode options = optionsFor(portal.mfaToken(email));
        return signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), portal.origin(), false));
    }

    /** Signs in with {@code key} alone, as a discoverable credential. */
    ApiResponse signInPasswordless(SoftwareAuthenticator key) {
        JsonNode options = optionsFor(null);
        return signIn(options.path("assertionId").asString(),
                key.authenticate(options.path("publicKey"), portal.origin(), true));
    }

    /** Returns the user's passkeys from GET /api/v1/mfa/passkeys. */
    JsonNode list(String token) {
        ApiResponse response = portal.client().get(PASSKEYS, token);
        assertEquals(200, response.status(), response.toString());
        return response.json().path("passkeys");
    }

    ApiResponse rename(String token, String id, String body) {
        return portal.client().send("PATCH", PASSKEYS + "/" + id, token,
                Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    ApiResponse remove(String token, String id, String body) {
        return portal.client().postJson(PASSKEYS + "/" + id + "/remove", body, token);
    }
}
