package com.advapacs.clinician.fido;

import static com.advapacs.clinician.fido.CeremonyTest.CLIENT_DATA_HASH;
import static com.advapacs.clinician.fido.CeremonyTest.RP_ID;
import static com.advapacs.clinician.fido.CeremonyTest.TIMEOUT;
import static com.advapacs.clinician.fido.CeremonyTest.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.UdpFrontEnd;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.net.DatagramSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdpSimulatorTest {

    @Test
    void roundTripOverUdpBridge() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .pin("1234"));
                UdpFrontEnd frontEnd = key.listenUdp(0, 0)) {
            UdpSimulatorSource source = new UdpSimulatorSource(List.of(UdpSimulatorAddress
                    .parse("udp://127.0.0.1:" + frontEnd.port() + "?localPort=0")));
            DeviceEntry entry = source.devices().get(0);

            assertEquals("udp://127.0.0.1:" + frontEnd.port(), entry.path());
            assertEquals(Transport.UDP_SIMULATOR, entry.transport());
            try (FidoDevice device = FidoDevice.open(entry, TIMEOUT)) {
                assertTrue(device.info().pinSet());
                RegistrationResult created = RegistrationCeremony.makeCredential(device,
                        registration("zoe").build(), "1234".toCharArray());
                AssertionResult assertion = AssertionCeremony.getAssertion(device,
                        AssertionRequest.builder(RP_ID, ClientData.ofHash(CLIENT_DATA_HASH))
                                .allow(created.credentialId()).build(), null).get(0);

                assertTrue(Signatures.verify(Signatures.es256Key(created.publicKey()),
                        assertion.authenticatorData(), CLIENT_DATA_HASH,
                        assertion.signature()));
            }
        }
    }

    @Test
    void fixedReplyPortLikeSimulators() throws Exception {
        int replyPort;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            replyPort = probe.getLocalPort();
        }
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                UdpFrontEnd frontEnd = key.listenUdp(0, replyPort);
                FidoDevice device = FidoDevice.open(UdpSimulatorAddress.parse("udp://localhost:"
                        + frontEnd.port() + "?localPort=" + replyPort).entry(), TIMEOUT)) {
            assertTrue(device.info().fido2());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp://10.1.2.3:8111", "udp://192.168.0.7:8111",
        "udp://example.com:8111", "udp://[2001:db8::1]:8111", "udp://0.0.0.0:8111"})
    void nonLoopbackAddressRejected(String address) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UdpSimulatorAddress.parse(address));

        assertTrue(e.getMessage().contains("is not on this computer"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:8111", "udp://127.0.0.1", "not a uri",
        "udp://127.0.0.1:8111?localPort=70000", "udp://127.0.0.1:8111?port=1"})
    void malformedAddressRejected(String address) {
        assertThrows(IllegalArgumentException.class, () -> UdpSimulatorAddress.parse(address));
    }

    @Test
    void loopbackAddressesAccepted() {
        assertEquals(8111, UdpSimulatorAddress.parse("udp://127.0.0.1:8111").port());
        assertEquals(UdpSimulatorAddress.DEFAULT_LOCAL_PORT,
                UdpSimulatorAddress.parse("udp://[::1]:8111").localPort());
        assertEquals("udp://127.0.0.1:8111",
                UdpSimulatorAddress.parse("udp://localhost:8111").path());
    }

    @Test
    void hidManifestListsWithoutError() throws Exception {
        List<DeviceEntry> entries = new HidDeviceSource().devices();

        for (DeviceEntry entry : entries) {
            assertEquals(Transport.USB, entry.transport());
        }
    }
}
