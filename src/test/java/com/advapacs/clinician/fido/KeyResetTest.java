package com.advapacs.clinician.fido;

import static com.advapacs.clinician.fido.CeremonyTest.TIMEOUT;
import static com.advapacs.clinician.fido.CeremonyTest.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyResetTest {

    @Test
    void resetErasesPinAndPasskeys() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .pin("1234"));
                FidoDevice device = FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT)) {
            RegistrationCeremony.makeCredential(device, registration("zoe").residentKey(true)
                    .build(), "1234".toCharArray());
            assertEquals(1, key.credentialCount());

            KeyReset.reset(device);

            assertEquals(0, key.credentialCount());
            assertFalse(key.pinSet());
            assertFalse(device.info().pinSet());
            assertTrue(device.info().supportsPin());
        }
    }

    @Test
    void resetLateAfterPlugInNotAllowed() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .pin("1234").resetWindow(Duration.ZERO));
                FidoDevice device = FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT)) {
            FidoException e = assertThrows(FidoException.class, () -> KeyReset.reset(device));

            assertEquals(FidoProblem.NOT_ALLOWED, e.problem());
            assertTrue(key.pinSet());
        }
    }

    @Test
    void systemDevicesRejectRemoteSimulator() {
        String previous = System.getProperty(UdpSimulatorSource.PROPERTY);
        System.setProperty(UdpSimulatorSource.PROPERTY,
                "udp://127.0.0.1:8111,udp://10.0.0.9:8111");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    FidoDevices::system);

            assertTrue(e.getMessage().contains("10.0.0.9"), e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(UdpSimulatorSource.PROPERTY);
            } else {
                System.setProperty(UdpSimulatorSource.PROPERTY, previous);
            }
        }
    }
}
