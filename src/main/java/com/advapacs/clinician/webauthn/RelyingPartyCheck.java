package com.advapacs.clinician.webauthn;

import com.advapacs.clinician.portal.PortalAddress;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Decides whether the portal may use an RP ID, as a browser does before it lets a page
 * talk to a security key (WebAuthn Level 3, section 5.1.3 step 8, and 5.1.4.1 step 7).
 *
 * <p>The RP ID must equal the portal's host or be a registrable domain suffix of it: an
 * organisation's portal at {@code org.portal.example} may use {@code portal.example}, but
 * not {@code example} alone (a public suffix) nor another site. The Public Suffix List that
 * OkHttp ships decides what is registrable. An IP address is never an RP ID.
 */
public final class RelyingPartyCheck {

    private RelyingPartyCheck() {
    }

    /**
     * Returns the RP ID to use: {@code requested} when allowed, or the portal's host when
     * the portal did not name one.
     *
     * @throws WebAuthnException naming the RP ID and the portal when it is not allowed
     */
    public static String validate(String requested, PortalAddress portal) throws WebAuthnException {
        String host = portal.host().toLowerCase(Locale.ROOT);
        if (isIpAddress(host)) {
            throw new WebAuthnException(WebAuthnException.Reason.RP_ID_REJECTED,
                    "Passkeys need the portal to be addressed by name, not by the IP address "
                            + host + ". Use its name instead (for this computer: localhost).");
        }
        if (requested == null || requested.isBlank()) {
            return host;
        }
        String rpId = requested.strip().toLowerCase(Locale.ROOT);
        if (rpId.equals(host)) {
            return rpId;
        }
        boolean suffix = host.endsWith("." + rpId);
        if (suffix && isRegistrable(rpId)) {
            return rpId;
        }
        throw new WebAuthnException(WebAuthnException.Reason.RP_ID_REJECTED,
                "The portal asked for passkeys of '" + requested + "', which does not belong to "
                        + host + ", so the app did not contact the security key. "
                        + "Contact IT: the portal's passkey settings do not match its address.");
    }

    /** True when {@code domain} is at or below a registrable domain, not a public suffix. */
    static boolean isRegistrable(String domain) {
        HttpUrl url = HttpUrl.parse("https://" + domain + "/");
        return url != null && url.topPrivateDomain() != null;
    }

    private static boolean isIpAddress(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
