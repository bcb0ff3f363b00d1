package com.advapacs.clinician.webauthn;

import java.util.Base64;

/** Base64url without padding, the encoding of binary values in WebAuthn's JSON forms. */
public final class Base64Url {

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes {@code text}; padding is tolerated because some servers send it. */
    public static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text.replace("=", ""));
    }
}
