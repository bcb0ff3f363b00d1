package com.advapacs.clinician.webauthn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.portal.PortalAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ClientDataTest {

    @Test
    void membersInSpecifiedOrder() {
        ClientData data = ClientData.of(ClientData.Type.CREATE, "dGVzdC1jaGFsbGVuZ2U",
                PortalAddress.parse("https://portal.example:8443"));

        assertEquals("{\"type\":\"webauthn.create\",\"challenge\":\"dGVzdC1jaGFsbGVuZ2U\","
                + "\"origin\":\"https://portal.example:8443\",\"crossOrigin\":false}",
                new String(data.json(), StandardCharsets.UTF_8));
    }

    @Test
    void defaultPortIsLeftOut() {
        assertEquals("https://portal.example",
                ClientData.origin(PortalAddress.parse("https://portal.example:443")));
        assertEquals("http://localhost:8080",
                ClientData.origin(PortalAddress.parse("http://localhost:8080")));
    }

    @Test
    void challengeIsEscapedNotAltered() {
        ClientData data = ClientData.of(ClientData.Type.GET, "a\"b",
                PortalAddress.parse("https://portal.example"));

        assertEquals("{\"type\":\"webauthn.get\",\"challenge\":\"a\\\"b\","
                + "\"origin\":\"https://portal.example\",\"crossOrigin\":false}",
                new String(data.json(), StandardCharsets.UTF_8));
    }

    @Test
    void hashIsSha256OfJson() throws Exception {
        ClientData data = ClientData.of(ClientData.Type.GET, "abc",
                PortalAddress.parse("https://portal.example"));

        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data.json()), data.hash());
    }
}
