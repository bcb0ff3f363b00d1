package com.advapacs.clinician.fido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How entries of libfido2's device list are classified. */
class DeviceEntryTest {

    @Test
    void windowsHelloPathIsWindowsHello() {
        DeviceEntry entry = DeviceEntry.listed("windows://hello", "Windows Hello",
                "Microsoft Corporation");

        assertEquals(Transport.WINDOWS_HELLO, entry.transport());
        assertNull(entry.connector());
    }

    @Test
    void hidPathsAreUsb() {
        assertEquals(Transport.USB,
                DeviceEntry.listed("/dev/hidraw3", "YubiKey", "Yubico").transport());
        assertEquals(Transport.USB, DeviceEntry.listed("\\\\?\\hid#vid_1050&pid_0407",
                "YubiKey", "Yubico").transport());
    }

    @Test
    void windowsHelloTakesNoConnector() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceEntry("windows://hello",
                "Windows Hello", "Microsoft Corporation", Transport.WINDOWS_HELLO,
                (library, device) -> null));
    }
}
