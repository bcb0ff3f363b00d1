package com.advapacs.clinician.server.totp;

/**
 * Builds provisioning URIs in the Key Uri Format used by Google Authenticator and compatible
 * apps: {@code otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&...}.
 */
public final class OtpauthUri {
    private OtpauthUri() {
    }

    /**
     * Builds the URI. Issuer and account are percent-encoded as UTF-8 per RFC 3986, so a colon
     * inside either becomes %3A and only the label separator stays a raw colon.
     */
    public static String totp(
            String issuer, String account, String base32Secret, TotpParameters parameters) {
        return "otpauth://totp/"
                + UriComponentEncoder.encode(issuer)
                + ":"
                + UriComponentEncoder.encode(account)
                + "?secret=" + UriComponentEncoder.encode(base32Secret)
                + "&issuer=" + UriComponentEncoder.encode(issuer)
                + "&algorithm=" + parameters.algorithm().otpauthName()
                + "&digits=" + parameters.digits()
                + "&period=" + parameters.period().getSeconds();
    }
}
