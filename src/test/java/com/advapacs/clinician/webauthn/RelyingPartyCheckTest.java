package com.advapacs.clinician.webauthn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.portal.PortalAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelyingPartyCheckTest {

    @ParameterizedTest
    @CsvSource({
        "https://portal.example, portal.example, portal.example",
        "https://org.portal.example, portal.example, portal.example",
        "https://org.portal.example, ORG.Portal.Example, org.portal.example",
        "https://a.b.hospital.co.uk, hospital.co.uk, hospital.co.uk",
        "http://localhost:8080, localhost, localhost",
        "https://org.portal.example, '', org.portal.example",
    })
    void allowedRpIds(String portal, String rpId, String expected) throws WebAuthnException {
        assertEquals(expected, RelyingPartyCheck.validate(rpId, PortalAddress.parse(portal)));
    }

    @ParameterizedTest
    @CsvSource({
        "https://org.portal.example, example",
        "https://org.portal.example, other.example",
        "https://org.portal.example, rtal.example",
        "https://a.hospital.co.uk, co.uk",
        "https://portal.example, sub.portal.example",
        "https://portal.github.io, github.io",
    })
    void rejectedRpIds(String portal, String rpId) {
        WebAuthnException e = assertThrows(WebAuthnException.class,
                () -> RelyingPartyCheck.validate(rpId, PortalAddress.parse(portal)));

        assertEquals(WebAuthnException.Reason.RP_ID_REJECTED, e.reason());
        assertTrue(e.getMessage().contains(rpId), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8080", "http://[::1]:8080"})
    void ipAddressPortalIsRejected(String portal) {
        WebAuthnException e = assertThrows(WebAuthnException.class,
                () -> RelyingPartyCheck.validate(null, PortalAddress.parse(portal)));

        assertTrue(e.getMessage().contains("localhost"), e.getMessage());
    }
}
