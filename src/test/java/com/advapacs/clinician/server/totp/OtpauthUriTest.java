package com.advapacs.clinician.server.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtpauthUriTest {

    @Test
    void plainAccountMatchesKeyUriFormat() {
        String uri = OtpauthUri.totp("AdvaPACS", "jane@example.org", "JBSWY3DPEHPK3PXP",
                TotpParameters.PORTAL);
        assertEquals("otpauth://totp/AdvaPACS:jane%40example.org?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=AdvaPACS&algorithm=SHA1&digits=6&period=30", uri);
    }

    @Test
    void encodesSpacesColonsAndNonAscii() {
        String account = "Zoë Ünal:x y@example.org";
        String issuer = "Adva PACS: Tëst";
        String uri = OtpauthUri.totp(issuer, account, "JBSWY3DPEHPK3PXP",
                TotpParameters.PORTAL);

        assertFalse(uri.contains("+"), uri);
        assertFalse(uri.contains(" "), uri);
        assertTrue(uri.contains("Zo%C3%AB%20%C3%9Cnal%3Ax%20y%40example.org"), uri);

        String label = uri.substring("otpauth://totp/".length(), uri.indexOf('?'));
        String[] parts = label.split(":", -1);
        assertEquals(2, parts.length, "exactly one raw colon separates issuer and account");
        assertEquals(issuer, decode(parts[0]));
        assertEquals(account, decode(parts[1]));

        Map<String, String> query = query(uri);
        assertEquals(issuer, query.get("issuer"));
        assertEquals("JBSWY3DPEHPK3PXP", query.get("secret"));
        assertEquals("SHA1", query.get("algorithm"));
        assertEquals("6", query.get("digits"));
        assertEquals("30", query.get("period"));
    }

    @Test
    void javaNetUriDecodesTheSameLabel() {
        String account = "Zoë Ünal:x y@example.org";
        URI uri = URI.create(OtpauthUri.totp("AdvaPACS", account, "ABC", TotpParameters.PORTAL));
        assertEquals("otpauth", uri.getScheme());
        assertEquals("totp", uri.getHost());
        assertEquals("/AdvaPACS:" + account, uri.getPath());
    }

    @Test
    void encoderKeepsOnlyUnreservedCharacters() {
        assertEquals("AZaz09-._~", UriComponentEncoder.encode("AZaz09-._~"));
        assertEquals("%20%21%23%24%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D%25",
                UriComponentEncoder.encode(" !#$&'()*+,/:;=?@[]%"));
        assertEquals("%E2%82%AC%F0%9F%A9%BA", UriComponentEncoder.encode("€🩺"));
    }

    private static String decode(String component) {
        return URLDecoder.decode(component, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.substring(uri.indexOf('?') + 1).split("&")) {
            String[] nameValue = pair.split("=", 2);
            values.put(nameValue[0], decode(nameValue[1]));
        }
        return values;
    }
}
