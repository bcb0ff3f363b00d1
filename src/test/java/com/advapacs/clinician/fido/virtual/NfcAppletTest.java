package com.advapacs.clinician.fido.virtual;

import static com.advapacs.clinician.fido.virtual.Apdus.SELECT_FIDO;
import static com.advapacs.clinician.fido.virtual.Apdus.data;
import static com.advapacs.clinician.fido.virtual.Apdus.hex;
import static com.advapacs.clinician.fido.virtual.Apdus.sw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ISO/IEC 7816-4 framing of the FIDO applet: selection, classes, lengths, chaining. */
class NfcAppletTest {

    private static final byte[] GET_INFO = {0x04};

    private VirtualAuthenticator key;

    @AfterEach
    void closeKey() {
        if (key != null) {
            key.close();
        }
    }

    private NfcCard card(AuthenticatorConfig config) {
        key = new VirtualAuthenticator(config);
        return key.nfcCard();
    }

    private NfcCard selectedCard(AuthenticatorConfig config) {
        NfcCard card = card(config);
        assertEquals(0x9000, sw(card.transmit(hex(SELECT_FIDO + "00"))));
        return card;
    }

    private static String text(byte[] response) {
        return new String(data(response), StandardCharsets.US_ASCII);
    }

    @Test
    void atrIsContactlessT1() {
        NfcCard card = card(new AuthenticatorConfig());

        assertEquals("3B80800101", hex(card.atr()));
    }

    @Test
    void selectReturnsFido2Version() {
        NfcCard card = card(new AuthenticatorConfig());

        byte[] withLe = card.transmit(hex(SELECT_FIDO + "00"));
        byte[] withoutLe = card.transmit(hex(SELECT_FIDO));

        assertEquals("FIDO_2_0", text(withLe));
        assertEquals(0x9000, sw(withLe));
        assertEquals("FIDO_2_0", text(withoutLe));
        assertEquals(0x9000, sw(withoutLe));
    }

    @Test
    void selectOnU2fOnlyKeyReturnsU2fVersion() {
        NfcCard card = card(new AuthenticatorConfig().u2fOnly(true));

        byte[] response = card.transmit(hex(SELECT_FIDO + "00"));

        assertEquals("U2F_V2", text(response));
        assertEquals(0x9000, sw(response));
    }

    @Test
    void selectOfOtherAidIsNotFound() {
        NfcCard card = card(new AuthenticatorConfig());

        byte[] piv = card.transmit(hex("00A4040009A00000030800001000 00"));
        byte[] shortened = card.transmit(hex("00A4040007A0000006472F00 00"));
        byte[] empty = card.transmit(hex("00A40400"));

        assertEquals("6A82", hex(piv));
        assertEquals("6A82", hex(shortened));
        assertEquals("6A82", hex(empty));
        assertEquals("6985", hex(card.transmit(Apdus.ctapMessage(0, GET_INFO))),
                "still not selected");
    }

    @Test
    void selectWithOtherParametersIsRejected() {
        NfcCard card = card(new AuthenticatorConfig());

        assertEquals("6A86", hex(card.transmit(hex("00A4000008A0000006472F0001 00"))));
        assertEquals("6A86", hex(card.transmit(hex("00A4040C08A0000006472F0001"))));
    }

    @Test
    void commandsBeforeSelectAreRejected() {
        NfcCard card = card(new AuthenticatorConfig());

        assertEquals("6985", hex(card.transmit(Apdus.ctapMessage(0, GET_INFO))));
        assertEquals("6985", hex(card.transmit(Apdus.ctapMessage(0x80, GET_INFO))));
        assertEquals("6985", hex(card.transmit(hex(Apdus.NFCCTAP_GETRESPONSE + "00"))));
        assertEquals("6985", hex(card.transmit(hex(Apdus.NFCCTAP_CONTROL_END))));
        assertEquals("6985", hex(card.transmit(Apdus.getResponse(0))));
        assertEquals("6D00", hex(card.transmit(hex("00550000"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "proprietary SELECT,       80A4040008A0000006472F0001",
        "chained SELECT,           10A4040008A0000006472F0001",
        "secure messaging class,   04A4040008A0000006472F0001",
        "logical channel 1,        01A4040008A0000006472F0001",
        "invalid class byte,       FFA4040008A0000006472F0001",
        "ISO class NFCCTAP_MSG,    001000000104",
        "chained GETRESPONSE,      90110000",
        "ISO class CONTROL,        00120100",
        "proprietary GET RESPONSE, 80C0000000",
    })
    void wrongClassIsRejected(String name, String apdu) {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        assertEquals("6E00", hex(card.transmit(hex(apdu))));
    }

    @Test
    void getResponseWithWrongClassKeepsPendingData() {
        NfcCard card = selectedCard(new AuthenticatorConfig());
        byte[] first = card.transmit(hex(SELECT_FIDO + "04"));
        assertEquals("FIDO", text(first));
        assertEquals(0x6104, sw(first));

        assertEquals("6E00", hex(card.transmit(hex("80C0000000"))));
        assertEquals("6E00", hex(card.transmit(hex("10C0000000"))));
        byte[] rest = card.transmit(Apdus.getResponse(0));

        assertEquals("_2_0", text(rest));
        assertEquals(0x9000, sw(rest));
    }

    @Test
    void unknownInstructionIsRejected() {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        assertEquals("6D00", hex(card.transmit(hex("80550000"))));
        assertEquals("6D00", hex(card.transmit(hex("00B0000000"))));
        assertEquals("6D00", hex(card.transmit(hex("0003000000"))), "U2F VERSION on CTAP2 key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "three bytes,                     80 10 00",
        "Lc longer than data,             80 10 00 00 05 04 00 00",
        "two bytes after short data,      80 10 00 00 01 04 00 00",
        "extended marker only,            80 10 00 00 00 00",
        "extended Lc of zero with data,   80 10 00 00 00 00 00 04 00 00",
        "extended Lc longer than data,    80 10 00 00 00 00 05 04 00 00",
        "extended with one-byte Le,       80 10 00 00 00 00 01 04 00",
        "GET RESPONSE with data,          00 C0 00 00 01 00 00",
        "NFCCTAP_GETRESPONSE with data,   80 11 00 00 01 00 00",
        "NFCCTAP_CONTROL with data,       80 12 01 00 01 00",
    })
    void malformedLengthIsRejected(String name, String apdu) {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        assertEquals("6700", hex(card.transmit(hex(apdu))));
    }

    @Test
    void extendedApduIsAccepted() {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        byte[] caseFour = card.transmit(Apdus.extended(0x80, 0x10, 0, 0, GET_INFO, 0));
        byte[] caseThree = card.transmit(hex("80 10 00 00 00 00 01 04"));

        assertEquals(0x9000, sw(caseFour));
        assertEquals(CtapStatus.OK, data(caseFour)[0]);
        assertTrue(data(caseFour).length > 100, "getInfo CBOR follows the status byte");
        assertArrayEquals(data(caseFour), data(caseThree));
    }

    @Test
    void extendedApduIsRejectedWhenDisabled() {
        NfcCard card = selectedCard(new AuthenticatorConfig().nfcExtendedLength(false));

        assertEquals("6700", hex(card.transmit(Apdus.extended(0x80, 0x10, 0, 0, GET_INFO, 0))));
        assertEquals("6700", hex(card.transmit(hex("00 C0 00 00 00 01 00"))));
        assertEquals(0x9000, sw(card.transmit(Apdus.ctapMessage(0, GET_INFO))));
    }

    @Test
    void chainedCommandIsAssembled() {
        NfcCard card = selectedCard(new AuthenticatorConfig());
        byte[] whole = card.transmit(Apdus.extended(0x80, 0x10, 0, 0, GET_INFO, 0));
        byte[] message = new byte[600];
        message[0] = 0x04;

        // getInfo ignores its parameters, so zero padding makes a message of three parts.
        byte[] first = card.transmit(Apdus.shortApdu(0x90, 0x10, 0, 0,
                Arrays.copyOfRange(message, 0, 255), 0));
        byte[] second = card.transmit(Apdus.shortApdu(0x90, 0x10, 0, 0,
                Arrays.copyOfRange(message, 255, 510), 0));
        byte[] last = card.transmit(Apdus.shortApdu(0x80, 0x10, 0, 0,
                Arrays.copyOfRange(message, 510, 600), 0));

        assertEquals("9000", hex(first));
        assertEquals("9000", hex(second));
        assertEquals(0x9000, sw(last));
        assertArrayEquals(data(whole), data(last));
    }

    @Test
    void chainedMakeCredentialSucceeds() {
        NfcCard card = selectedCard(new AuthenticatorConfig());
        byte[] message = CtapMessages.makeCredential("zoe");
        int split = message.length / 2;

        byte[] first = card.transmit(Apdus.shortApdu(0x90, 0x10, 0, 0,
                Arrays.copyOfRange(message, 0, split), 0));
        byte[] last = card.transmit(Apdus.shortApdu(0x80, 0x10, 0, 0,
                Arrays.copyOfRange(message, split, message.length), 0));

        assertEquals("9000", hex(first));
        byte[] response = CtapMessages.readAll(card, last);
        assertEquals(CtapStatus.OK, response[0]);
        assertEquals(1, key.credentialCount());
    }

    @Test
    void chainingIsRejectedWhenDisabled() {
        NfcCard card = selectedCard(new AuthenticatorConfig().nfcCommandChaining(false));

        byte[] part = card.transmit(Apdus.shortApdu(0x90, 0x10, 0, 0, GET_INFO, 0));

        assertEquals("6884", hex(part));
        assertEquals(0x9000, sw(card.transmit(Apdus.ctapMessage(0, GET_INFO))),
                "unchained commands still work");
    }

    @Test
    void interruptedChainIsRejected() {
        NfcCard card = selectedCard(new AuthenticatorConfig());
        assertEquals("9000", hex(card.transmit(Apdus.shortApdu(0x90, 0x10, 0, 0, GET_INFO, 0))));

        byte[] other = card.transmit(hex("80110000"));
        byte[] afterwards = card.transmit(Apdus.ctapMessage(0, GET_INFO));

        assertEquals("6883", hex(other));
        assertEquals(0x9000, sw(afterwards), "the broken chain is dropped");
        assertEquals(CtapStatus.OK, data(afterwards)[0]);
    }

    @Test
    void selectDropsChain() {
        NfcCard card = selectedCard(new AuthenticatorConfig());
        assertEquals("9000", hex(card.transmit(Apdus.shortApdu(0x90, 0x10, 0, 0,
                new byte[] {0x04, 0x00}, 0))));

        assertEquals(0x9000, sw(card.transmit(hex(SELECT_FIDO + "00"))));
        byte[] afterwards = card.transmit(Apdus.ctapMessage(0, GET_INFO));

        assertEquals(CtapStatus.OK, data(afterwards)[0], "getInfo alone, not 04 00 04");
    }

    @Test
    void responseLongerThanChunkNeedsGetResponse() {
        NfcCard plain = selectedCard(new AuthenticatorConfig());
        byte[] expected = data(plain.transmit(Apdus.ctapMessage(0, GET_INFO)));
        key.close();
        NfcCard card = selectedCard(new AuthenticatorConfig().nfcResponseChunk(32));

        byte[] response = card.transmit(Apdus.ctapMessage(0, GET_INFO));
        ByteArrayOutputStream assembled = new ByteArrayOutputStream();
        int getResponses = 0;
        while ((sw(response) & 0xff00) == 0x6100) {
            assertEquals(32, data(response).length);
            assembled.writeBytes(data(response));
            int remaining = expected.length - assembled.size();
            assertEquals(Math.min(remaining, 256) & 0xff, sw(response) & 0xff,
                    "SW2 gives the remaining length");
            response = card.transmit(Apdus.getResponse(0));
            getResponses++;
        }
        assembled.writeBytes(data(response));

        assertEquals(0x9000, sw(response));
        assertArrayEquals(expected, assembled.toByteArray());
        assertEquals((expected.length + 31) / 32 - 1, getResponses);
        assertTrue(getResponses >= 3, "several GET RESPONSE commands: " + getResponses);
        assertEquals("6985", hex(card.transmit(Apdus.getResponse(0))), "nothing left");
    }

    @Test
    void remainingLengthOf256OrMoreIsZero() {
        NfcCard card = card(new AuthenticatorConfig().nfcResponseChunk(1));
        byte[] version = CtapMessages.readAll(card, card.transmit(hex(SELECT_FIDO + "00")));
        assertEquals("FIDO_2_0", new String(version, StandardCharsets.US_ASCII));
        byte[] message = CtapMessages.makeCredential("zoe");

        byte[] first = card.transmit(Apdus.ctapMessage(0, message));
        byte[] response = CtapMessages.readAll(card, first);

        assertTrue(response.length > 257, "response of " + response.length + " bytes");
        assertEquals(1, data(first).length);
        assertEquals("6100", hex(Arrays.copyOfRange(first, 1, 3)));
    }

    @Test
    void leLimitsEachResponsePart() {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        byte[] first = card.transmit(hex(SELECT_FIDO + "03"));
        byte[] second = card.transmit(Apdus.getResponse(4));
        byte[] last = card.transmit(Apdus.getResponse(0));

        assertEquals("FID", text(first));
        assertEquals(0x6105, sw(first));
        assertEquals("O_2_", text(second));
        assertEquals(0x6101, sw(second));
        assertEquals("0", text(last));
        assertEquals(0x9000, sw(last));
    }

    @Test
    void otherCommandDiscardsPendingResponse() {
        NfcCard card = selectedCard(new AuthenticatorConfig());
        assertEquals(0x6104, sw(card.transmit(hex(SELECT_FIDO + "04"))));

        assertEquals(0x9000, sw(card.transmit(Apdus.ctapMessage(0, GET_INFO))));

        assertEquals("6985", hex(card.transmit(Apdus.getResponse(0))));
    }

    @Test
    void getResponseWithParametersIsRejected() {
        NfcCard card = selectedCard(new AuthenticatorConfig());
        card.transmit(hex(SELECT_FIDO + "04"));

        assertEquals("6A86", hex(card.transmit(hex("00C0010000"))));
    }

    @Test
    void nfcctapParametersAreChecked() {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        assertEquals("6A86", hex(card.transmit(hex("801001000104 00"))));
        assertEquals("6A86", hex(card.transmit(hex("801000010104 00"))));
        assertEquals("6A86", hex(card.transmit(hex("8011010000"))));
        assertEquals("6A86", hex(card.transmit(hex("80120000"))));
        assertEquals("6A86", hex(card.transmit(hex("80120101"))));
    }

    @Test
    void u2fOnlyKeyAnswersVersionOnly() {
        NfcCard card = selectedCard(new AuthenticatorConfig().u2fOnly(true));

        byte[] version = card.transmit(hex("0003000000"));
        byte[] ctap = card.transmit(Apdus.ctapMessage(0, GET_INFO));

        assertEquals("U2F_V2", text(version));
        assertEquals(0x9000, sw(version));
        assertEquals("6D00", hex(ctap));
        assertEquals("6D00", hex(card.transmit(hex(Apdus.NFCCTAP_GETRESPONSE + "00"))));
        assertEquals("6D00", hex(card.transmit(hex(Apdus.NFCCTAP_CONTROL_END))));
        assertEquals("6E00", hex(card.transmit(hex("8003000000"))));
    }

    @Test
    void u2fVersionBeforeSelectIsRejected() {
        NfcCard card = card(new AuthenticatorConfig().u2fOnly(true));

        assertEquals("6985", hex(card.transmit(hex("0003000000"))));
    }

    @Test
    void responseChunkOutOfRangeIsRejected() {
        AuthenticatorConfig config = new AuthenticatorConfig();

        assertThrows(IllegalArgumentException.class, () -> config.nfcResponseChunk(0));
        assertThrows(IllegalArgumentException.class, () -> config.nfcResponseChunk(65537));
    }
}
