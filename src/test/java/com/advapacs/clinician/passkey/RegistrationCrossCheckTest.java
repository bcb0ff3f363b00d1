package com.advapacs.clinician.passkey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import com.advapacs.clinician.fido.virtual.VirtualDeviceSource;
import com.advapacs.clinician.portal.PortalAddress;
import com.advapacs.clinician.webauthn.Base64Url;
import com.advapacs.clinician.webauthn.ClientData;
import com.advapacs.clinician.webauthn.CreationOptions;
import com.advapacs.clinician.webauthn.RequestOptions;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the app sends after a ceremony on a virtual key through the real libfido2 is
 * verified here with webauthn4j directly, apart from the portal's own code path.
 */
class RegistrationCrossCheckTest {

    private static final PortalAddress PORTAL = PortalAddress.parse("https://org.portal.example");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private VirtualAuthenticator virtualKey;
    private SecurityKeys.Key key;

    @BeforeEach
    void plugInKey() throws Exception {
        virtualKey = new VirtualAuthenticator(new AuthenticatorConfig().pin("2468"));
        LibFido2SecurityKeys keys = new LibFido2SecurityKeys(
                List.of(new VirtualDeviceSource().add(virtualKey)));
        key = keys.select(keys.present(), Duration.ofSeconds(10));
    }

    @AfterEach
    void unplugKey() {
        key.close();
        virtualKey.close();
    }

    @Test
    void registrationAndAssertionVerifyWithWebAuthn4j() throws Exception {
        byte[] challenge = random(32);
        CreationOptions options = CreationOptions.parse(JSON.readTree("""
                {"rp":{"id":"portal.example","name":"AdvaPACS"},
                 "user":{"id":"%s","name":"zoe@portal.example","displayName":"Zoë Ünal"},
                 "challenge":"%s","pubKeyCredParams":[{"type":"public-key","alg":-7}],
                 "authenticatorSelection":{"residentKey":"required",
                 "userVerification":"required"}}
                """.formatted(Base64Url.encode(random(16)), Base64Url.encode(challenge))),
                PORTAL);
        ClientData clientData = ClientData.of(ClientData.Type.CREATE, options.challenge(),
                PORTAL);

        ObjectNode registration = key.makeCredential(options, clientData, "2468".toCharArray());

        RegistrationData registered = webAuthn.verify(
                webAuthn.parseRegistrationResponseJSON(registration.toString()),
                new RegistrationParameters(server(challenge), null, true, true));
        assertNotNull(registered.getAttestationObject());
        assertEquals("none", registered.getAttestationObject().getFormat());
        assertEquals(registration.get("id").asString(), Base64Url.encode(registered
                .getAttestationObject().getAuthenticatorData().getAttestedCredentialData()
                .getCredentialId()));

        byte[] signInChallenge = random(32);
        RequestOptions request = RequestOptions.parse(JSON.readTree("""
                {"rpId":"portal.example","challenge":"%s","userVerification":"required"}
                """.formatted(Base64Url.encode(signInChallenge))), PORTAL);
        ClientData signInData = ClientData.of(ClientData.Type.GET, request.challenge(), PORTAL);
        List<SecurityKeys.Assertion> assertions = key.getAssertion(request, signInData,
                "2468".toCharArray());

        assertEquals(1, assertions.size());
        String response = assertions.get(0).response().toString();
        AuthenticationData authenticated = webAuthn.parseAuthenticationResponseJSON(response);
        CredentialRecordImpl record = new CredentialRecordImpl(
                registered.getAttestationObject(), registered.getCollectedClientData(),
                registered.getClientExtensions(), registered.getTransports());
        webAuthn.verify(authenticated, new AuthenticationParameters(server(signInChallenge),
                record, null, true, true));
        assertArrayEquals(options.userId(), authenticated.getUserHandle());

        AuthenticationData replayed = webAuthn.parseAuthenticationResponseJSON(response);
        assertThrows(VerificationException.class, () -> webAuthn.verify(replayed,
                new AuthenticationParameters(server(random(32)), record, null, true, true)));
    }

    private static ServerProperty server(byte[] challenge) {
        return ServerProperty.builder().origin(new Origin(ClientData.origin(PORTAL)))
                .rpId("portal.example").challenge(new DefaultChallenge(challenge)).build();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
