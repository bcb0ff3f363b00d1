package com.advapacs.clinician.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.passkey.KeySteps.Devices;
import com.advapacs.clinician.passkey.KeySteps.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which listed devices a run uses, and which step follows opening one. */
class KeyStepsTest {

    private static final SecurityKeys.KeySummary HELLO = new SecurityKeys.KeySummary(
            "windows://hello", "Windows Hello", "windows_hello", null, true);
    private static final SecurityKeys.KeySummary YUBIKEY = new SecurityKeys.KeySummary(
            "/dev/hidraw3", "YubiKey 5 NFC", "usb", null, false);
    private static final SecurityKeys.KeySummary SOLO = new SecurityKeys.KeySummary(
            "/dev/hidraw4", "Solo 2", "usb", null, false);

    @Test
    void platformUsesOnlyWindowsHello() {
        assertEquals(List.of(HELLO), KeySteps.usable(List.of(YUBIKEY, HELLO), Devices.PLATFORM));
        assertEquals(List.of(HELLO), KeySteps.usable(List.of(HELLO), Devices.PLATFORM));
    }

    @Test
    void platformWithoutWindowsHelloFindsNothing() {
        assertEquals(List.of(), KeySteps.usable(List.of(YUBIKEY), Devices.PLATFORM));
        assertEquals(List.of(), KeySteps.usable(List.of(), Devices.PLATFORM));
    }

    @Test
    void securityKeysPreferListedKeys() {
        assertEquals(List.of(YUBIKEY, SOLO),
                KeySteps.usable(List.of(YUBIKEY, HELLO, SOLO), Devices.SECURITY_KEYS));
    }

    @Test
    void securityKeysFallBackToWindowsHello() {
        assertEquals(List.of(HELLO), KeySteps.usable(List.of(HELLO), Devices.SECURITY_KEYS));
    }

    @Test
    void securityKeysUnchangedWithoutWindowsHello() {
        assertEquals(List.of(YUBIKEY, SOLO),
                KeySteps.usable(List.of(YUBIKEY, SOLO), Devices.SECURITY_KEYS));
        assertEquals(List.of(), KeySteps.usable(List.of(), Devices.SECURITY_KEYS));
    }

    @Test
    void windowsHelloSkipsPinAndTouch() {
        // Windows Hello reports clientPin true, which would otherwise ask for a PIN.
        SecurityKeys.KeyDetails hello = details(true, true, true, false, false, true);

        assertEquals(Step.SYSTEM_DIALOG, KeySteps.firstStep(hello, false));
        assertEquals(Step.SYSTEM_DIALOG, KeySteps.firstStep(hello, true));
    }

    @Test
    void keyStepsUnchangedForUsbKeys() {
        assertEquals(Step.ENTER_PIN,
                KeySteps.firstStep(details(true, true, true, false, false, false), false));
        assertEquals(Step.SET_PIN,
                KeySteps.firstStep(details(true, false, true, false, false, false), true));
        assertEquals(Step.SET_PIN,
                KeySteps.firstStep(details(true, false, true, false, true, false), false));
        assertEquals(Step.TOUCH,
                KeySteps.firstStep(details(true, false, true, false, false, false), false));
        assertEquals(Step.TOUCH,
                KeySteps.firstStep(details(true, false, true, true, false, false), true));
        assertEquals(Step.NOT_FIDO2,
                KeySteps.firstStep(details(false, false, false, false, false, false), false));
    }

    private static SecurityKeys.KeyDetails details(boolean fido2, boolean pinSet,
            boolean pinSupported, boolean builtInUserVerification,
            boolean alwaysUserVerification, boolean systemDialog) {
        return new SecurityKeys.KeyDetails("Key", "Maker", systemDialog ? "windows_hello" : "usb",
                null, null, fido2, pinSet, pinSupported, builtInUserVerification,
                alwaysUserVerification, 4, -1, systemDialog);
    }
}
