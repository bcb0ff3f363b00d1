package com.advapacs.clinician.server.passkey;

import java.util.Locale;

/**
 * The relying party's {@code attestation} conveyance preference (WebAuthn Level 3, section
 * 5.4.7). With {@code NONE} the portal accepts "none" and self attestation only; with
 * {@code DIRECT} it also accepts an attestation certificate chain (x5c), without requiring
 * that the chain ends at a trust anchor.
 */
public enum AttestationPreference {
    NONE("none"),
    DIRECT("direct");

    private final String wireName;

    AttestationPreference(String wireName) {
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
    public static AttestationPreference fromWireName(String value) {
        for (AttestationPreference candidate : values()) {
            if (candidate.wireName.equals(value.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Invalid attestation \"" + value
                + "\": use none or direct.");
    }
}
