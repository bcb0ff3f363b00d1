package com.advapacs.clinician.server.passkey;

import java.util.Locale;

/**
 * The relying party's {@code userVerification} requirement (WebAuthn Level 3, section 5.8.6):
 * whether the security key must check a PIN or fingerprint as well as a touch.
 */
public enum UserVerification {
    REQUIRED("required"),
    PREFERRED("preferred"),
    DISCOURAGED("discouraged");

    private final String wireName;

    UserVerification(String wireName) {
        this.wireName = wireName;
    }

    /** Value used in WebAuthn options and on the command line. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name, ignoring case.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static UserVerification fromWireName(String value) {
        for (UserVerification candidate : values()) {
            if (candidate.wireName.equals(value.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Invalid user verification \"" + value
                + "\": use required, preferred or discouraged.");
    }
}
