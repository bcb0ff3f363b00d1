package com.advapacs.clinician.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.fido.Transport;
import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.FidoDevice;
import com.advapacs.clinician.fido.RegistrationCeremony;
import com.advapacs.clinician.fido.RegistrationRequest;
import com.advapacs.clinician.fido.RegistrationResult;
import com.advapacs.clinician.fido.UserVerificationRequirement;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import com.advapacs.clinician.fido.virtual.VirtualDeviceSource;
import com.advapacs.clinician.portal.PortalAddress;
import com.advapacs.clinician.webauthn.Base64Url;
import com.advapacs.clinician.webauthn.ClientData;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attachment and transports in the {@code RegistrationResponseJSON} for credentials
 * made through Windows Hello and for USB keys. A virtual key with a Windows Hello AAGUID
 * creates the credential through the real libfido2, because Windows Hello itself is
 * reachable only on Windows. The JSON is then verified with webauthn4j.
 */
class RegistrationResponseTest {

    private static final PortalAddress PORTAL = PortalAddress.parse("https://org.portal.example");
    private static final String WINDOWS_HELLO_AAGUID = "08987058cadc4b81b6e130de50dcbe96";
    private static final String YUBIKEY_AAGUID = "2fc0579f811347eab116bb5a8db9202a";

    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final byte[] challenge = random(32);
    private final ClientData clientData = ClientData.of(ClientData.Type.CREATE,
            Base64Url.encode(challenge), PORTAL);
    private VirtualAuthenticator virtualKey;

    @AfterEach
    void closeKey() {
        if (virtualKey != null) {
            virtualKey.close();
        }
    }

    @Test
    void windowsHelloCredentialIsPlatform() throws Exception {
        RegistrationResult result = makeCredential(WINDOWS_HELLO_AAGUID);

        ObjectNode json = LibFido2SecurityKeys.registrationResponse(result, clientData, "none",
                Transport.WINDOWS_HELLO, true);

        assertEquals("platform", json.path("authenticatorAttachment").asString());
        assertEquals(List.of("internal"), transports(json));
        assertEquals(Set.of("internal"), verifiedTransports(json));
    }

    @Test
    void keyChosenInWindowsDialogIsCrossPlatform() throws Exception {
        RegistrationResult result = makeCredential(YUBIKEY_AAGUID);

        ObjectNode json = LibFido2SecurityKeys.registrationResponse(result, clientData, "none",
                Transport.WINDOWS_HELLO, true);

        assertEquals("cross-platform", json.path("authenticatorAttachment").asString());
        assertEquals(List.of(), transports(json));
        assertEquals(Set.of(), verifiedTransports(json));
    }

    @Test
    void usbKeyIsCrossPlatformOverUsb() throws Exception {
        RegistrationResult result = makeCredential(WINDOWS_HELLO_AAGUID);

        ObjectNode json = LibFido2SecurityKeys.registrationResponse(result, clientData, "none",
                Transport.USB, true);

        assertEquals("cross-platform", json.path("authenticatorAttachment").asString());
        assertEquals(List.of("usb"), transports(json));
        assertEquals(Set.of("usb"), verifiedTransports(json));
    }

    private RegistrationResult makeCredential(String aaguid) throws Exception {
        virtualKey = new VirtualAuthenticator(new AuthenticatorConfig()
                .aaguid(HexFormat.of().parseHex(aaguid)));
        DeviceEntry entry = new VirtualDeviceSource().add(virtualKey).devices().get(0);
        RegistrationRequest request = RegistrationRequest.builder("portal.example",
                com.advapacs.clinician.fido.ClientData.ofJson(clientData.json()), random(16),
                "zoe@portal.example")
                .rpName("AdvaPACS")
                .residentKey(true)
                .userVerification(UserVerificationRequirement.DISCOURAGED)
                .build();
        try (FidoDevice device = FidoDevice.open(entry, Duration.ofSeconds(10))) {
            return RegistrationCeremony.makeCredential(device, request, null);
        }
    }

    private static List<String> transports(JsonNode json) {
        return json.path("response").path("transports").valueStream()
                .map(JsonNode::asString).toList();
    }

    /** Returns the transports webauthn4j reads from the JSON once it has verified it. */
    private Set<String> verifiedTransports(ObjectNode json) {
        RegistrationData registered = webAuthn.verify(
                webAuthn.parseRegistrationResponseJSON(json.toString()),
                new RegistrationParameters(ServerProperty.builder()
                        .origin(new Origin(ClientData.origin(PORTAL)))
                        .rpId("portal.example").challenge(new DefaultChallenge(challenge))
                        .build(), null, false, true));
        return registered.getTransports().stream().map(transport -> transport.getValue())
                .collect(Collectors.toSet());
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
