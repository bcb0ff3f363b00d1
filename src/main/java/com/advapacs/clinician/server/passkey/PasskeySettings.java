package com.advapacs.clinician.server.passkey;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Relying party settings for passkeys.
 *
 * @param rpId RP ID (a domain, never an IP address), or null for {@value #DEFAULT_RP_ID}
 * @param origin expected {@code clientDataJSON.origin} as scheme, host and optional port, or
 *     null for {@code http://localhost:PORT} with the port the portal listens on
 * @param userVerification whether security keys must verify the user with a PIN or biometric
 * @param attestation which attestation statements registrations may carry
 */
public record PasskeySettings(
        String rpId,
        String origin,
        UserVerification userVerification,
        AttestationPreference attestation) {

    public static final String DEFAULT_RP_ID = "localhost";
    public static final PasskeySettings DEFAULTS =
            new PasskeySettings(null, null, UserVerification.PREFERRED, AttestationPreference.NONE);

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * Normalises the RP ID and origin to lower case and checks that the origin's host is the
     * RP ID or a subdomain of it, as WebAuthn requires.
     *
     * @throws IllegalArgumentException for an invalid or inconsistent value, with the fix
     */
    public PasskeySettings {
        if (userVerification == null || attestation == null) {
            throw new IllegalArgumentException("userVerification and attestation are required");
        }
        if (rpId != null) {
            rpId = normaliseRpId(rpId);
        }
        if (origin != null) {
            origin = normaliseOrigin(origin);
            String host = URI.create(origin).getHost();
            String expected = rpId == null ? DEFAULT_RP_ID : rpId;
            if (!host.equals(expected) && !host.endsWith("." + expected)) {
                throw new IllegalArgumentException("The origin " + origin + " is not on the RP ID "
                        + expected + ": use an origin whose host is " + expected
                        + " or a subdomain of it.");
            }
        } else if (rpId != null && !rpId.equals(DEFAULT_RP_ID)) {
            throw new IllegalArgumentException("The RP ID " + rpId + " needs an origin too, for"
                    + " example https://" + rpId + ".");
        }
    }

    public PasskeySettings withRpId(String value) {
        return new PasskeySettings(value, origin, userVerification, attestation);
    }

    public PasskeySettings withOrigin(String value) {
        return new PasskeySettings(rpId, value, userVerification, attestation);
    }

    public PasskeySettings withUserVerification(UserVerification value) {
        return new PasskeySettings(rpId, origin, value, attestation);
    }

    public PasskeySettings withAttestation(AttestationPreference value) {
        return new PasskeySettings(rpId, origin, userVerification, value);
    }

    /** Returns the settings in force for a portal that listens on {@code port}. */
    public RelyingParty resolve(int port) {
        return new RelyingParty(
                rpId == null ? DEFAULT_RP_ID : rpId,
                RelyingParty.NAME,
                origin == null ? "http://localhost:" + port : origin,
                userVerification,
                attestation);
    }

    private static String normaliseRpId(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        String[] labels = lower.split("\\.", -1);
        boolean valid = !lower.isEmpty() && lower.length() <= 253;
        for (String label : labels) {
            valid = valid && LABEL.matcher(label).matches();
        }
        // A name whose last label is all digits is an IPv4 address, which cannot be an RP ID.
        valid = valid && !labels[labels.length - 1].matches("[0-9]+");
        if (!valid) {
            throw new IllegalArgumentException("Invalid RP ID \"" + value + "\": use a domain"
                    + " name such as portal.example.org or localhost, not an IP address.");
        }
        return lower;
    }

    private static String normaliseOrigin(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalidOrigin(value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean valid = (scheme.equals("https") || scheme.equals("http"))
                && uri.getHost() != null
                && uri.getRawUserInfo() == null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        if (!valid) {
            throw invalidOrigin(value);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static IllegalArgumentException invalidOrigin(String value) {
        return new IllegalArgumentException("Invalid origin \"" + value + "\": give the scheme,"
                + " host and port the app uses to reach the portal, without a path, for example"
                + " https://portal.example.org:8443.");
    }
}
