package com.advapacs.clinician.webauthn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.portal.PortalAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CreationOptionsTest {

    private static final PortalAddress PORTAL = PortalAddress.parse("https://org.portal.example");
    private static final String USER_ID = Base64Url.encode("user-1".getBytes(StandardCharsets.UTF_8));

    @Test
    void fullOptionsAreRead() throws Exception {
        CreationOptions options = CreationOptions.parse(json("""
                {"rp":{"id":"portal.example","name":"AdvaPACS"},
                 "user":{"id":"%s","name":"zoe@portal.example","displayName":"Zoë Ünal"},
                 "challenge":"Y2hhbGxlbmdl","pubKeyCredParams":[{"type":"public-key","alg":-8},
                 {"type":"public-key","alg":-7}],"timeout":60000,
                 "excludeCredentials":[{"type":"public-key","id":"AQID","transports":["usb"]}],
                 "authenticatorSelection":{"residentKey":"preferred",
                 "userVerification":"required"},"attestation":"direct"}
                """.formatted(USER_ID)), PORTAL);

        assertEquals("portal.example", options.rpId());
        assertArrayEquals("user-1".getBytes(StandardCharsets.UTF_8), options.userId());
        assertEquals("Zoë Ünal", options.userDisplayName());
        assertEquals(List.of(-8, -7), options.algorithms());
        assertEquals(60000, options.timeoutMillis());
        assertArrayEquals(new byte[] {1, 2, 3}, options.excludeCredentials().get(0).id());
        assertEquals(List.of("usb"), options.excludeCredentials().get(0).transports());
        assertTrue(options.residentKeyPreferred());
        assertFalse(options.residentKeyRequired());
        assertTrue(options.userVerificationRequired());
        assertEquals("direct", options.attestation());
    }

    @Test
    void foreignRpIdIsRejectedBeforeAnythingElse() {
        WebAuthnException e = assertThrows(WebAuthnException.class, () -> CreationOptions.parse(
                json(minimal("other.example", "-7")), PORTAL));

        assertEquals(WebAuthnException.Reason.RP_ID_REJECTED, e.reason());
    }

    @Test
    void missingEs256IsRejected() {
        WebAuthnException e = assertThrows(WebAuthnException.class, () -> CreationOptions.parse(
                json(minimal("portal.example", "-257")), PORTAL));

        assertEquals(WebAuthnException.Reason.UNSUPPORTED_ALGORITHM, e.reason());
    }

    @Test
    void oversizedUserHandleIsRejected() {
        String longId = Base64Url.encode(new byte[65]);
        String text = minimal("portal.example", "-7").replace(USER_ID, longId);

        WebAuthnException e = assertThrows(WebAuthnException.class,
                () -> CreationOptions.parse(json(text), PORTAL));

        assertEquals(WebAuthnException.Reason.INVALID_OPTIONS, e.reason());
        assertTrue(e.getMessage().contains("65 bytes"), e.getMessage());
    }

    @Test
    void missingChallengeIsNamed() {
        String text = minimal("portal.example", "-7").replace("\"challenge\":\"Y2g\",", "");

        WebAuthnException e = assertThrows(WebAuthnException.class,
                () -> CreationOptions.parse(json(text), PORTAL));

        assertTrue(e.getMessage().contains("challenge"), e.getMessage());
    }

    private static String minimal(String rpId, String algorithm) {
        return ("{\"rp\":{\"id\":\"%s\",\"name\":\"AdvaPACS\"},\"user\":{\"id\":\"%s\","
                + "\"name\":\"a@b.example\",\"displayName\":\"A\"},\"challenge\":\"Y2g\","
                + "\"pubKeyCredParams\":[{\"type\":\"public-key\",\"alg\":%s}]}")
                .formatted(rpId, USER_ID, algorithm);
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}
