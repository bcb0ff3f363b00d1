package com.advapacs.clinician.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortalAddressTest {

    @Test
    void missingSchemeMeansHttps() {
        assertEquals("https://portal.hospital.example",
                PortalAddress.parse("  portal.hospital.example ").toString());
    }

    @Test
    void portIsKept() {
        PortalAddress address = PortalAddress.parse("https://portal.hospital.example:8443/");
        assertEquals("https://portal.hospital.example:8443", address.toString());
        assertEquals("https://portal.hospital.example:8443/api/v1/me",
                address.resolve("api/v1/me").toString());
    }

    @Test
    void plainHttpAllowedOnLoopbackOnly() {
        assertEquals("http://localhost:8080", PortalAddress.parse("http://localhost:8080").toString());
        assertEquals("http://127.0.0.1:8080",
                PortalAddress.parse("http://127.0.0.1:8080").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortalAddress.parse("http://portal.hospital.example"));
        assertTrue(e.getMessage().contains("https://portal.hospital.example"), e.getMessage());
    }

    @Test
    void pathIsRejectedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortalAddress.parse("https://portal.hospital.example/login?x=1"));
        assertTrue(e.getMessage().endsWith("https://portal.hospital.example"), e.getMessage());
    }

    @Test
    void emptyAndGarbageAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PortalAddress.parse(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortalAddress.parse("ftp://portal"));
        assertTrue(e.getMessage().contains("ftp://portal"), e.getMessage());
    }
}
