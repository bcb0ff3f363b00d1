package com.advapacs.clinician.fido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import com.advapacs.clinician.fido.virtual.VirtualDeviceSource;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceInfoTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void getInfoFieldsReadBack() throws Exception {
        AuthenticatorConfig config = new AuthenticatorConfig()
                .aaguid(HexFormat.of().parseHex("cb69481e8ff7403993ec0a2729a154a8"))
                .firmwareVersion(0x050704).minPinLength(6).pin("123456")
                .credentialManagement(true).product("Virtual Key 5");
        try (VirtualAuthenticator key = new VirtualAuthenticator(config);
                FidoDevice device = FidoDevice.open(single(key), TIMEOUT)) {
            DeviceInfo info = device.info();

            assertTrue(info.fido2());
            assertEquals(List.of("FIDO_2_0", "FIDO_2_1"), info.versions());
            assertEquals(List.of("credProtect"), info.extensions());
            assertEquals(List.of("usb", "nfc"), info.transports());
            assertEquals(Optional.of(UUID.fromString("cb69481e-8ff7-4039-93ec-0a2729a154a8")),
                    info.aaguid());
            assertEquals(0x050704, info.firmwareVersion());
            assertEquals(6, info.minPinLength());
            assertEquals(List.of(2, 1), info.pinUvAuthProtocols());
            assertEquals(8, info.maxCredentialCountInList());
            assertEquals(25, info.remainingDiscoverableCredentials());
            assertTrue(info.pinSet());
            assertTrue(info.supportsPin());
            assertTrue(info.residentKeys());
            assertFalse(info.builtInUserVerification());
            assertFalse(info.alwaysUserVerification());
            assertTrue(info.credentialManagement());
            assertEquals(Boolean.TRUE, info.options().get("pinUvAuthToken"));
            assertEquals("Virtual Key 5", info.product());
            assertEquals(Transport.CUSTOM, info.transport());
        }
    }

    @Test
    void keyWithoutPinReportsUnset() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(
                new AuthenticatorConfig().builtInUv(true).alwaysUv(true));
                FidoDevice device = FidoDevice.open(single(key), TIMEOUT)) {
            DeviceInfo info = device.info();

            assertFalse(info.pinSet());
            assertTrue(info.supportsPin());
            assertTrue(info.builtInUserVerification());
            assertTrue(info.alwaysUserVerification());
        }
    }

    @Test
    void u2fOnlyKeyIsNotFido2() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(
                new AuthenticatorConfig().u2fOnly(true));
                FidoDevice device = FidoDevice.open(single(key), TIMEOUT)) {
            assertFalse(device.info().fido2());

            FidoException e = assertThrows(FidoException.class,
                    () -> RegistrationCeremony.makeCredential(device,
                            RegistrationRequest.builder("example.org",
                                    ClientData.ofHash(new byte[32]), new byte[] {1}, "zoe")
                                    .build(), null));
            assertEquals(FidoProblem.NOT_FIDO2, e.problem());
        }
    }

    static DeviceEntry single(VirtualAuthenticator key) {
        return new VirtualDeviceSource().add(key).devices().get(0);
    }
}
