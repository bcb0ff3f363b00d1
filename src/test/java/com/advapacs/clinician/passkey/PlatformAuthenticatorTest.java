package com.advapacs.clinician.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.DeviceSource;
import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.FidoProblem;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which operating system offers the platform option, and why the others do not. */
class PlatformAuthenticatorTest {

    private static final DeviceEntry HELLO = DeviceEntry.listed("windows://hello",
            "Windows Hello", "Microsoft Corporation");
    private static final DeviceEntry YUBIKEY = DeviceEntry.listed("/dev/hidraw3",
            "YubiKey 5 NFC", "Yubico");

    private final AtomicInteger listings = new AtomicInteger();

    @ParameterizedTest
    @ValueSource(strings = {"Windows 10", "Windows 11", "Windows Server 2022"})
    void windowsPicksWindowsHello(String osName) {
        assertInstanceOf(WindowsHello.class, PlatformAuthenticator.forOperatingSystem(osName,
                listing(List.of())));
    }

    @Test
    void macPicksMacPlatform() {
        assertInstanceOf(MacPlatform.class, PlatformAuthenticator.forOperatingSystem(
                "Mac OS X", listing(List.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Linux", "FreeBSD", ""})
    void otherSystemsPickLinuxPlatform(String osName) {
        assertInstanceOf(LinuxPlatform.class, PlatformAuthenticator.forOperatingSystem(osName,
                listing(List.of())));
    }

    @Test
    void windowsHelloInListOffersPlatform() {
        PlatformAuthenticator platform = PlatformAuthenticator.forOperatingSystem("Windows 11",
                listing(List.of(YUBIKEY, HELLO)));

        assertNull(platform.unavailableReason());
        assertEquals(1, listings.get());
    }

    @Test
    void windowsWithoutHelloDisablesPlatform() {
        String reason = PlatformAuthenticator.forOperatingSystem("Windows 10",
                listing(List.of(YUBIKEY))).unavailableReason();

        assertNotNull(reason);
        assertTrue(reason.contains("Windows Hello"), reason);
        assertTrue(reason.endsWith("Use a security key instead."), reason);
    }

    @Test
    void windowsEmptyListDisablesPlatform() {
        assertNotNull(PlatformAuthenticator.forOperatingSystem("Windows 10", listing(List.of()))
                .unavailableReason());
    }

    @Test
    void windowsListingFailureDisablesPlatform() {
        DeviceSource failing = () -> {
            throw FidoException.of(FidoProblem.LIBRARY_MISSING, "fido2.dll not found");
        };

        String reason = PlatformAuthenticator.forOperatingSystem("Windows 11", failing)
                .unavailableReason();

        assertNotNull(reason);
        assertTrue(reason.endsWith("Use a security key instead."), reason);
    }

    @Test
    void linuxDisablesPlatformWithoutListing() {
        String reason = PlatformAuthenticator.forOperatingSystem("Linux",
                listing(List.of(HELLO))).unavailableReason();

        assertTrue(reason.startsWith("Not available on Linux"), reason);
        assertTrue(reason.endsWith("Use a security key instead."), reason);
        assertEquals(0, listings.get());
    }

    @Test
    void macDisablesPlatformWithoutListing() {
        String reason = PlatformAuthenticator.forOperatingSystem("Mac OS X",
                listing(List.of(HELLO))).unavailableReason();

        assertTrue(reason.startsWith("Not available on macOS"), reason);
        assertTrue(reason.endsWith("Use a security key instead."), reason);
        assertEquals(0, listings.get());
    }

    private DeviceSource listing(List<DeviceEntry> entries) {
        return () -> {
            listings.incrementAndGet();
            return entries;
        };
    }
}
