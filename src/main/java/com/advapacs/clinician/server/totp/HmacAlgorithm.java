package com.advapacs.clinician.server.totp;

/** HMAC algorithms allowed for HOTP/TOTP by RFC 6238 section 1.2. */
public enum HmacAlgorithm {
    SHA1("HmacSHA1", "SHA1"),
    SHA256("HmacSHA256", "SHA256"),
    SHA512("HmacSHA512", "SHA512");

    private final String jcaName;
    private final String otpauthName;

    HmacAlgorithm(String jcaName, String otpauthName) {
        this.jcaName = jcaName;
        this.otpauthName = otpauthName;
    }

    /** Name of the algorithm for {@link javax.crypto.Mac#getInstance(String)}. */
    public String jcaName() {
        return jcaName;
    }

    /** Value of the {@code algorithm} parameter in the Key Uri Format. */
    public String otpauthName() {
        return otpauthName;
    }
}
