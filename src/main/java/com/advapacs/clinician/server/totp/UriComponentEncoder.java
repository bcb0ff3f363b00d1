package com.advapacs.clinician.server.totp;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes text per RFC 3986 section 2: every UTF-8 byte outside the unreserved set
 * (ALPHA DIGIT "-" "." "_" "~") becomes %XX. Unlike {@link java.net.URLEncoder}, which
 * implements HTML form encoding, a space becomes %20 and never '+'.
 */
public final class UriComponentEncoder {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriComponentEncoder() {
    }

    /** Encodes {@code text} so that it can stand in any URI component. */
    public static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0f]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
