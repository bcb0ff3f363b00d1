package com.advapacs.clinician.webauthn;

import com.advapacs.clinician.portal.PortalAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The {@code clientDataJSON} that the app, acting as the WebAuthn client, signs through the
 * security key, and its SHA-256 hash that goes to the key.
 *
 * <p>Members are written in the order WebAuthn Level 3 section 5.8.1.1 fixes for its
 * limited verification algorithm: {@code type}, {@code challenge}, {@code origin},
 * {@code crossOrigin}. The challenge is copied exactly as the portal sent it.
 */
public record ClientData(byte[] json) {

    /** Ceremony types in {@code clientDataJSON.type}. */
    public enum Type {
        CREATE("webauthn.create"),
        GET("webauthn.get");

        private final String value;

        Type(String value) {
            this.value = value;
        }
    }

    /** Builds the client data for {@code challenge} (base64url) on {@code portal}. */
    public static ClientData of(Type type, String challenge, PortalAddress portal) {
        String json = "{\"type\":" + quote(type.value)
                + ",\"challenge\":" + quote(challenge)
                + ",\"origin\":" + quote(origin(portal))
                + ",\"crossOrigin\":false}";
        return new ClientData(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the portal's origin: scheme, host and port, leaving out a default port. */
    public static String origin(PortalAddress portal) {
        String scheme = portal.url().scheme();
        int port = portal.url().port();
        boolean defaultPort = port == okhttp3.HttpUrl.defaultPort(scheme);
        String host = portal.url().host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Writes a JSON string per RFC 8259: quotes, backslash and control characters escaped. */
    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
