package com.advapacs.clinician.server.passkey;

import static com.advapacs.clinician.server.passkey.PasskeyRegistrationTest.YUBIKEY_5_NFC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.server.ApiResponse;
import com.advapacs.clinician.server.TestPortal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Invalid passkey requests get a 4xx status with the JSON error shape, never a 5xx. */
class PasskeyBadInputTest {
    private static final String EMAIL = "passkey.input@example.org";
    private static final String ID = "AAAA";
    // Placeholders that keep the rows of the tables below short.
    private static final String ID_FIELDS = "\"id\":\"AAAA\",\"rawId\":\"AAAA\","
            + "\"type\":\"public-key\"";
    private static final String RESPONSE = "\"response\":{\"clientDataJSON\":\"AAAA\","
            + "\"attestationObject\":\"AAAA\"}";

    @TempDir
    static Path folder;

    private static TestPortal portal;
    private static PasskeyApi api;
    private static String token;
    private static SoftwareAuthenticator key;

    @BeforeAll
    static void start() {
        portal = new TestPortal(folder);
        api = new PasskeyApi(portal);
        portal.addUser(EMAIL);
        token = portal.signInFull(EMAIL);
        key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
        api.registered(token, key);
        token = api.signInSecondStep(EMAIL, key).json().path("session").path("token").asString();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        not json | not json | malformed_json |
        array | [] | malformed_json |
        missing credential | {} | missing_field | credential
        credential is a number | {"credential":5} | invalid_field | credential
        missing id | {"credential":{"rawId":"AAAA"}} | missing_field | credential.id
        id not base64url | {"credential":{"id":"a+b/","rawId":"AAAA"}} | invalid_field | credential.id
        id empty | {"credential":{"id":"","rawId":"AAAA"}} | invalid_field | credential.id
        rawId differs | {"credential":{"id":"AAAA","rawId":"AAAB","type":"public-key"}} | invalid_field | credential.rawId
        wrong type | {"credential":{"id":"AAAA","rawId":"AAAA","type":"password"}} | invalid_field | credential.type
        missing response | {"credential":{ID_FIELDS}} | missing_field | credential.response
        client data is a number | {"credential":{ID_FIELDS,"response":{"clientDataJSON":5}}} | invalid_field | credential.response.clientDataJSON
        missing attestation | {"credential":{ID_FIELDS,"response":{"clientDataJSON":"AAAA"}}} | missing_field | credential.response.attestationObject
        transports not an array | {"credential":{ID_FIELDS,"response":{"clientDataJSON":"AAAA","attestationObject":"AAAA","transports":"usb"}}} | invalid_field | credential.response.transports
        transport with comma | {"credential":{ID_FIELDS,"response":{"clientDataJSON":"AAAA","attestationObject":"AAAA","transports":["usb,nfc"]}}} | invalid_field | credential.response.transports
        unknown attachment | {"credential":{ID_FIELDS,"authenticatorAttachment":"usb",RESPONSE}} | invalid_field | credential.authenticatorAttachment
        name too long | {"credential":{ID_FIELDS,RESPONSE},"name":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} | invalid_field | name
        name with bidi override | {"credential":{ID_FIELDS,RESPONSE},"name":"key\\u202Eyek"} | invalid_field | name
        name with lone surrogate | {"credential":{ID_FIELDS,RESPONSE},"name":"key\\uDFFF"} | invalid_field | name
        """)
    void finishRejectsShape(String name, String body, String code, String field) {
        ApiResponse response = api.finish(token, ID, expand(body));
        assertError(response, 400, code);
        if (field != null) {
            assertEquals(field, response.json().path("error").path("field").asString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        missing assertion id | {} | missing_field | assertionId
        assertion id too long | {"assertionId":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} | invalid_field | assertionId
        missing credential | {"assertionId":"x"} | missing_field | credential
        missing signature | {"assertionId":"x","credential":{ID_FIELDS,"response":{"clientDataJSON":"AAAA","authenticatorData":"AAAA"}}} | missing_field | credential.response.signature
        user handle not base64url | {"assertionId":"x","credential":{ID_FIELDS,"response":{"clientDataJSON":"AAAA","authenticatorData":"AAAA","signature":"AAAA","userHandle":"***"}}} | invalid_field | credential.response.userHandle
        """)
    void signInRejectsShape(String name, String body, String code, String field) {
        ApiResponse response = portal.client().postJson(PasskeyApi.SIGN_IN, expand(body));
        assertError(response, 400, code);
        assertEquals(field, response.json().path("error").path("field").asString());
    }

    @Test
    void userHandleLongerThan64BytesRejected() {
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[65]);
        ApiResponse response = portal.client().postJson(PasskeyApi.SIGN_IN,
                "{\"assertionId\":\"x\",\"credential\":{" + ID_FIELDS + ",\"response\":{"
                        + "\"clientDataJSON\":\"AAAA\",\"authenticatorData\":\"AAAA\","
                        + "\"signature\":\"AAAA\",\"userHandle\":\"" + handle + "\"}}}");
        assertError(response, 400, "invalid_field");
    }

    @Test
    void optionsRejectShape() {
        ApiResponse number = api.options("{\"mfaToken\":5}");
        assertError(number, 400, "invalid_field");
        assertEquals("mfaToken", number.json().path("error").path("field").asString());
        assertError(api.options("[]"), 400, "malformed_json");

        ApiResponse empty = portal.client().send("POST", PasskeyApi.OPTIONS, null, Map.of(),
                null);
        assertEquals(200, empty.status(), "an empty body asks for passwordless options");
        ApiResponse text = portal.client().send("POST", PasskeyApi.OPTIONS, null,
                Map.of("Content-Type", "text/plain"), "{}".getBytes(StandardCharsets.UTF_8));
        assertError(text, 415, "unsupported_media_type");
    }

    @Test
    void registrationNeedsSession() {
        assertError(portal.client().postJson(PasskeyApi.REGISTRATIONS, "{}"), 401,
                "session_invalid");
        assertError(portal.client().get(PasskeyApi.PASSKEYS, "not-a-session"), 401,
                "session_invalid");
        assertError(portal.client().send("PUT", PasskeyApi.PASSKEYS, token, Map.of(), null),
                405, "method_not_allowed");
    }

    @Test
    void unreadableRegistrationRejected() {
        String[][] cases = {
            {"AAAA", "AAAA"},
            {encode("not json"), "AAAA"},
            {encode("{\"type\":\"webauthn.create\"}"), encode("not cbor")},
        };
        for (String[] parts : cases) {
            JsonNode started = api.startRegistration(token);
            ApiResponse response = api.finish(token, started.path("registrationId").asString(),
                    "{\"credential\":{" + ID_FIELDS + ","
                            + "\"response\":{\"clientDataJSON\":\"" + parts[0]
                            + "\",\"attestationObject\":\"" + parts[1] + "\"}}}");
            assertError(response, 422, "passkey_invalid");
            assertEquals("unreadable", response.json().path("error").path("reason").asString());
        }
    }

    @Test
    void unreadableAssertionRejected() {
        JsonNode options = api.optionsFor(null);
        ObjectNode credential = key.authenticate(options.path("publicKey"), portal.origin(),
                true);
        ((ObjectNode) credential.path("response")).put("authenticatorData", "AAAA");
        ApiResponse response = api.signIn(options.path("assertionId").asString(), credential);
        assertError(response, 401, "passkey_invalid");
        assertEquals("unreadable", response.json().path("error").path("reason").asString());
    }

    private static String expand(String body) {
        return body.replace("ID_FIELDS", ID_FIELDS).replace("RESPONSE", RESPONSE);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertEquals(status, response.status(), response.toString());
        assertEquals(code, response.errorCode(), response.body());
        assertEquals(false, response.json().path("error").path("message").asString().isEmpty());
    }
}
