package com.advapacs.clinician.passkey;

import com.advapacs.clinician.fido.DeviceSource;
import com.advapacs.clinician.fido.HidDeviceSource;
import java.util.Locale;

/**
 * The computer's own (platform) authenticator, with one implementation per operating
 * system. libfido2 reaches one only on Windows: Windows Hello through {@code webauthn.dll}.
 */
public interface PlatformAuthenticator {

    /**
     * Returns why the platform option cannot be offered, in one line that points to the
     * security-key option, or null when it can be offered. May call libfido2, so call it
     * from a background thread.
     */
    String unavailableReason();

    /** Returns the implementation for this computer, with libfido2's device list. */
    static PlatformAuthenticator forThisComputer() {
        return forOperatingSystem(System.getProperty("os.name", ""), new HidDeviceSource());
    }

    /**
     * Returns the implementation for an operating system.
     *
     * @param osName a value of the {@code os.name} system property, such as "Windows 11"
     * @param devices libfido2's device list, which only the Windows implementation reads
     */
    static PlatformAuthenticator forOperatingSystem(String osName, DeviceSource devices) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return new WindowsHello(devices);
        }
        if (name.startsWith("mac")) {
            return new MacPlatform();
        }
        return new LinuxPlatform();
    }
}
