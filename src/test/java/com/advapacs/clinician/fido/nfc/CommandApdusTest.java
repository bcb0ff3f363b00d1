package com.advapacs.clinician.fido.nfc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandApdusTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void selectIsCaseFourWithFidoAid() {
        assertEquals("00a4040008a0000006472f000100", HEX.formatHex(CommandApdus.select()));
    }

    @Test
    void shortMessageIsOneApdu() {
        List<byte[]> parts = CommandApdus.ctapMessageChained(new byte[] {0x04});

        assertEquals(1, parts.size());
        assertEquals("801080000104" + "00", HEX.formatHex(parts.get(0)));
    }

    @Test
    void longMessageIsChainedInShortParts() {
        byte[] message = sequence(600);

        List<byte[]> parts = CommandApdus.ctapMessageChained(message);

        assertEquals(3, parts.size());
        assertEquals("901080" + "00ff", HEX.formatHex(parts.get(0), 0, 5));
        assertEquals(5 + 255, parts.get(0).length, "a non-last part has no Le");
        assertEquals("901080" + "00ff", HEX.formatHex(parts.get(1), 0, 5));
        assertEquals("801080" + "005a", HEX.formatHex(parts.get(2), 0, 5));
        assertEquals(5 + 90 + 1, parts.get(2).length, "the last part ends with Le");
        assertEquals(0, parts.get(2)[parts.get(2).length - 1]);
        assertArrayEquals(message, joinData(parts));
    }

    @Test
    void exactlyFullShortMessageIsNotChained() {
        List<byte[]> parts = CommandApdus.ctapMessageChained(sequence(255));

        assertEquals(1, parts.size());
        assertEquals((byte) 0x80, parts.get(0)[0]);
    }

    @Test
    void extendedMessageLengthFields() {
        byte[] message = sequence(600);

        byte[] apdu = CommandApdus.ctapMessageExtended(message);

        assertEquals("80108000" + "000258", HEX.formatHex(apdu, 0, 7));
        assertArrayEquals(message, Arrays.copyOfRange(apdu, 7, 7 + 600));
        assertEquals("0000", HEX.formatHex(apdu, apdu.length - 2, apdu.length));
        assertEquals(7 + 600 + 2, apdu.length);
    }

    @Test
    void extendedU2fApduBecomesShortApdus() {
        // A U2F REGISTER as libfido2 builds it: extended Lc, 64 bytes of data, extended Le.
        byte[] data = sequence(64);
        ByteArrayOutputStream apdu = new ByteArrayOutputStream();
        apdu.writeBytes(HEX.parseHex("00010300" + "000040"));
        apdu.writeBytes(data);
        apdu.writeBytes(HEX.parseHex("0000"));

        List<byte[]> parts = CommandApdus.toShortChained(apdu.toByteArray());

        assertEquals(1, parts.size());
        assertEquals("0001030040", HEX.formatHex(parts.get(0), 0, 5));
        assertArrayEquals(data, Arrays.copyOfRange(parts.get(0), 5, 69));
        assertEquals(70, parts.get(0).length);
    }

    @Test
    void versionApduWithoutDataKeepsItsHeader() {
        List<byte[]> parts = CommandApdus.toShortChained(HEX.parseHex("00030000" + "000000"));

        assertEquals("0003000000", HEX.formatHex(parts.get(0)));
    }

    @Test
    void ctapControlAndPollingApdus() {
        assertEquals("80110000" + "00", HEX.formatHex(CommandApdus.ctapGetResponse()));
        assertEquals("80120100", HEX.formatHex(CommandApdus.ctapEnd()));
        assertEquals("00c0000010", HEX.formatHex(CommandApdus.getResponse(0x10)));
    }

    private static byte[] sequence(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** Joins the data fields of short APDUs whose Lc is at offset 4. */
    private static byte[] joinData(List<byte[]> parts) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            data.write(part, 5, part[4] & 0xff);
        }
        return data.toByteArray();
    }
}
