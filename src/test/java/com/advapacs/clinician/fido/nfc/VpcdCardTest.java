package com.advapacs.clinician.fido.nfc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig.Touch;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/** The virtual key's NFC card through the real pcscd, vpcd and javax.smartcardio. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VpcdCardTest {

    private static final byte[] FIDO_AID = HexFormat.of().parseHex("a0000006472f0001");
    private static final byte[] GET_INFO = {0x04};
    private static final int CHUNK = 48;

    @BeforeAll
    static void startPcscd() {
        PcscDaemon.ensureRunning();
    }

    @Test
    void readerNamesFollowPorts() {
        assertEquals("Virtual PCD 00 00", VpcdCard.readerName(35963));
        assertEquals("Virtual PCD 00 01", VpcdCard.readerName(35964));
        assertThrows(IllegalArgumentException.class, () -> VpcdCard.readerName(35965));
    }

    @Test
    void fidoCardThroughPcscd() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .nfcResponseChunk(CHUNK));
                VpcdCard inserted = VpcdCard.insert(key, VpcdCard.FIRST_PORT)) {
            CardTerminal terminal = PcscDaemon.terminal(PcscDaemon.ensureRunning(),
                    "Virtual PCD 00 00");
            assertTrue(terminal.isCardPresent(), "card present after insert");

            Card card = terminal.connect("*");
            try {
                assertEquals("T=1", card.getProtocol());
                assertArrayEquals(HexFormat.of().parseHex("3b80800101"),
                        card.getATR().getBytes());
                CardChannel channel = card.getBasicChannel();

                ResponseAPDU select = channel.transmit(new CommandAPDU(0x00, 0xa4, 0x04, 0x00,
                        FIDO_AID, 256));
                assertEquals("FIDO_2_0", new String(select.getData(), StandardCharsets.US_ASCII));
                assertEquals(0x9000, select.getSW());

                ResponseAPDU first = channel.transmit(new CommandAPDU(0x80, 0x10, 0x00, 0x00,
                        GET_INFO, 256));
                assertEquals(0x61, first.getSW1(), "response chaining reaches the client");
                assertEquals(CHUNK, first.getData().length);
                byte[] info = readRest(channel, first);
                assertEquals(0, info[0], "CTAP2_OK");
                JsonNode decoded = new CBORMapper().readTree(Arrays.copyOfRange(info, 1,
                        info.length));
                assertEquals("FIDO_2_0", decoded.get("1").get(0).stringValue());
            } finally {
                card.disconnect(false);
            }

            inserted.remove();
            assertFalse(terminal.isCardPresent(), "card absent after remove");
        }
    }

    @Test
    void extendedApduThroughPcscd() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                VpcdCard inserted = VpcdCard.insert(key, VpcdCard.FIRST_PORT)) {
            Card card = inserted.terminal().connect("T=1");
            try {
                CardChannel channel = card.getBasicChannel();
                channel.transmit(new CommandAPDU(0x00, 0xa4, 0x04, 0x00, FIDO_AID, 256));
                byte[] message = new byte[300];
                message[0] = GET_INFO[0];

                ResponseAPDU response = channel.transmit(new CommandAPDU(0x80, 0x10, 0x00,
                        0x00, message, 65536));

                assertEquals(0x9000, response.getSW());
                assertEquals(0, response.getData()[0], "CTAP2_OK");
            } finally {
                card.disconnect(false);
            }
        }
    }

    @Test
    void cardLeavingFieldFailsTransmit() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL));
                VpcdCard inserted = VpcdCard.insert(key, VpcdCard.SECOND_PORT)) {
            Card card = inserted.terminal().connect("*");
            CardChannel channel = card.getBasicChannel();
            channel.transmit(new CommandAPDU(0x00, 0xa4, 0x04, 0x00, FIDO_AID, 256));
            Thread leaving = new Thread(() -> {
                try {
                    if (key.awaitTouchPrompts(1, Duration.ofSeconds(5))) {
                        key.nfcCard().powerOff();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            leaving.start();

            // getAssertion with a zero-length pinUvAuthParam (key 6) only requests a touch.
            byte[] touchRequest = HexFormat.of().parseHex("02a3016e706f7274616c2e6578616d706c65"
                    + "025820" + "07".repeat(32) + "0640");
            // NOTE: vpcd reports the lost card as a successful transmission without bytes,
            // so javax.smartcardio throws IllegalArgumentException, not CardException.
            assertThrows(IllegalArgumentException.class, () -> channel.transmit(
                    new CommandAPDU(0x80, 0x10, 0x00, 0x00, touchRequest, 256)));
            leaving.join();

            assertTrue(inserted.terminal().waitForCardAbsent(5000), "pcscd saw the card leave");
            card.disconnect(false);
        }
    }

    private static byte[] readRest(CardChannel channel, ResponseAPDU first) throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ResponseAPDU response = first;
        int getResponses = 0;
        while (response.getSW1() == 0x61) {
            data.writeBytes(response.getData());
            response = channel.transmit(new CommandAPDU(0x00, 0xc0, 0x00, 0x00, 256));
            getResponses++;
        }
        assertEquals(0x9000, response.getSW());
        assertTrue(getResponses >= 2, "GET RESPONSE commands: " + getResponses);
        data.writeBytes(response.getData());
        return data.toByteArray();
    }
}
