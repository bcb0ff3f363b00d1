package com.advapacs.clinician.fido;

import static com.advapacs.clinician.fido.CeremonyTest.TIMEOUT;
import static com.advapacs.clinician.fido.CeremonyTest.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PinTest {

    @Test
    void wrongPinShowsRetriesLeft() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(pinConfig(2));
                FidoDevice device = open(key)) {
            FidoException e = makeWithPin(device, "9999");

            assertEquals(FidoProblem.PIN_INVALID, e.problem());
            assertEquals(OptionalInt.of(7), e.pinRetriesLeft());
            assertTrue(e.userMessage().startsWith("Wrong PIN. 7 attempts left."),
                    e.userMessage());
            assertEquals(7, PinManager.retries(device));
            assertEquals(0, key.credentialCount());
        }
    }

    @Test
    void pinProtocolOneWorks() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(pinConfig(1));
                FidoDevice device = open(key)) {
            assertEquals(List.of(1), device.info().pinUvAuthProtocols());

            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    registration("zoe").build(), "1234".toCharArray());

            assertTrue(created.userVerified());
            assertEquals(FidoProblem.PIN_INVALID, makeWithPin(device, "4321").problem());
        }
    }

    @Test
    void ctap20PinTokenWorks() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(pinConfig(1)
                .pinUvAuthToken(false));
                FidoDevice device = open(key)) {
            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    registration("zoe").build(), "1234".toCharArray());

            assertTrue(created.userVerified(), "getPinToken without permissions");
            assertEquals(FidoProblem.PIN_INVALID, makeWithPin(device, "4321").problem());
        }
    }

    @Test
    void threeWrongPinsNeedReplug() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(pinConfig(2))) {
            try (FidoDevice device = open(key)) {
                assertEquals(FidoProblem.PIN_INVALID, makeWithPin(device, "0000").problem());
                assertEquals(FidoProblem.PIN_INVALID, makeWithPin(device, "0001").problem());
                assertEquals(FidoProblem.PIN_AUTH_BLOCKED,
                        makeWithPin(device, "0002").problem());
                assertEquals(FidoProblem.PIN_AUTH_BLOCKED,
                        makeWithPin(device, "1234").problem(), "even the right PIN");
            }
            key.unplug();
            key.replug();
            try (FidoDevice device = open(key)) {
                RegistrationResult created = RegistrationCeremony.makeCredential(device,
                        registration("zoe").build(), "1234".toCharArray());

                assertTrue(created.userVerified());
                assertEquals(8, key.pinRetries());
            }
        }
    }

    @Test
    void eightWrongPinsBlockPin() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(pinConfig(2))) {
            FidoProblem last = null;
            for (int attempt = 1; attempt <= 8; attempt++) {
                try (FidoDevice device = open(key)) {
                    last = makeWithPin(device, "000" + attempt).problem();
                }
                if (last == FidoProblem.PIN_AUTH_BLOCKED) {
                    key.unplug();
                    key.replug();
                }
            }

            assertEquals(FidoProblem.PIN_BLOCKED, last);
            assertEquals(0, key.pinRetries());
            try (FidoDevice device = open(key)) {
                FidoException e = makeWithPin(device, "1234");
                assertEquals(FidoProblem.PIN_BLOCKED, e.problem());
                assertTrue(e.userMessage().contains("erases every passkey"), e.userMessage());
            }
        }
    }

    @Test
    void uvRequiredWithoutPinNeedsPin() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                FidoDevice device = open(key)) {
            assertFalse(device.info().pinSet());

            FidoException e = assertThrows(FidoException.class,
                    () -> RegistrationCeremony.makeCredential(device, registration("zoe")
                            .userVerification(UserVerificationRequirement.REQUIRED).build(),
                            null));

            assertEquals(FidoProblem.PIN_REQUIRED, e.problem());
            assertEquals(0, key.touchPrompts(), "refused before the key asked for a touch");
        }
    }

    @Test
    void alwaysUvKeyNeedsPin() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(pinConfig(2).alwaysUv(true));
                FidoDevice device = open(key)) {
            FidoException e = assertThrows(FidoException.class,
                    () -> RegistrationCeremony.makeCredential(device, registration("zoe")
                            .userVerification(UserVerificationRequirement.DISCOURAGED).build(),
                            null));

            assertEquals(FidoProblem.PIN_REQUIRED, e.problem());
        }
    }

    @Test
    void shortPinRejectedBeforeSending() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .minPinLength(6));
                FidoDevice device = open(key)) {
            char[] pin = "12345".toCharArray();

            FidoException e = assertThrows(FidoException.class,
                    () -> PinManager.setPin(device, pin));

            assertEquals(FidoProblem.PIN_POLICY_VIOLATION, e.problem());
            assertEquals(0, e.code(), "detected by the app, not the key");
            assertFalse(key.pinSet());
            assertEquals("\0\0\0\0\0", new String(pin), "PIN wiped");
            assertEquals(FidoProblem.PIN_POLICY_VIOLATION, assertThrows(FidoException.class,
                    () -> PinManager.setPin(device, "1".repeat(64).toCharArray())).problem());
        }
    }

    @Test
    void setAndChangePin() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                FidoDevice device = open(key)) {
            PinManager.setPin(device, "Zoe\u0308-2024".toCharArray());

            assertTrue(key.pinSet());
            assertTrue(device.info().pinSet());
            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    registration("zoe").build(), "Zo\u00eb-2024".toCharArray());
            assertTrue(created.userVerified(), "NFC form of the PIN matches");

            PinManager.changePin(device, "Zo\u00eb-2024".toCharArray(),
                    "5678".toCharArray());

            assertEquals(FidoProblem.PIN_INVALID, makeWithPin(device, "Zo\u00eb-2024")
                    .problem());
            assertTrue(RegistrationCeremony.makeCredential(device, registration("max")
                    .build(), "5678".toCharArray()).userVerified());
        }
    }

    @Test
    void settingPinTwiceNotAllowed() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(pinConfig(2));
                FidoDevice device = open(key)) {
            FidoException e = assertThrows(FidoException.class,
                    () -> PinManager.setPin(device, "5678".toCharArray()));

            assertEquals(FidoProblem.NOT_ALLOWED, e.problem());
        }
    }

    private static AuthenticatorConfig pinConfig(int protocol) {
        return new AuthenticatorConfig().pin("1234").pinUvAuthProtocols(List.of(protocol));
    }

    private static FidoDevice open(VirtualAuthenticator key) throws FidoException {
        return FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT);
    }

    private static FidoException makeWithPin(FidoDevice device, String pin) {
        return assertThrows(FidoException.class, () -> RegistrationCeremony.makeCredential(
                device, registration("zoe").build(), pin.toCharArray()));
    }
}
