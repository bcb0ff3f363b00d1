package com.advapacs.clinician.e2e;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * What a phone authenticator app does with a scanned {@code otpauth://totp/} URI: read the
 * parameters of the Key Uri Format and compute RFC 6238 codes. Written apart from the
 * portal's own implementation so that the two check each other.
 */
final class AuthenticatorApp {

    final String label;
    final Map<String, String> parameters;
    private final byte[] key;

    AuthenticatorApp(String otpauthUri) {
        URI uri = URI.create(otpauthUri);
        if (!"otpauth".equals(uri.getScheme()) || !"totp".equals(uri.getHost())) {
            throw new IllegalArgumentException("Not a TOTP URI: " + otpauthUri);
        }
        label = URLDecoder.decode(uri.getRawPath().substring(1).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts[1].replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        }
        key = new Base32().decode(parameters.get("secret"));
    }

    /** Returns the 6-digit code shown at {@code time}. */
    String codeAt(Instant time) {
        long step = time.getEpochSecond() / 30;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
