package com.advapacs.clinician.fido.virtual;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/** Builds command APDUs for the FIDO applet and splits response APDUs, byte by byte. */
final class Apdus {

    static final String SELECT_FIDO = "00A4040008A0000006472F0001";
    static final String NFCCTAP_GETRESPONSE = "80110000";
    static final String NFCCTAP_CONTROL_END = "80120100";
    static final int P1_STATUS_UPDATES = 0x80;

    private Apdus() {
    }

    /** Parses hex digits and ignores spaces. */
    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    static int sw(byte[] response) {
        int length = response.length;
        return ((response[length - 2] & 0xff) << 8) | (response[length - 1] & 0xff);
    }

    static byte[] data(byte[] response) {
        return Arrays.copyOf(response, response.length - 2);
    }

    /** Builds NFCCTAP_MSG as a short APDU with Le 00, or extended above 255 bytes of data. */
    static byte[] ctapMessage(int p1, byte[] message) {
        if (message.length > 255) {
            return extended(0x80, 0x10, p1, 0, message, 0);
        }
        return shortApdu(0x80, 0x10, p1, 0, message, 0);
    }

    static byte[] ctapMessage(int p1, int command, byte[] cbor) {
        byte[] message = new byte[cbor.length + 1];
        message[0] = (byte) command;
        System.arraycopy(cbor, 0, message, 1, cbor.length);
        return ctapMessage(p1, message);
    }

    /** Builds a case 4S APDU, where {@code le} 0 means 256. */
    static byte[] shortApdu(int cla, int ins, int p1, int p2, byte[] data, int le) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(cla);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        out.write(data.length);
        out.writeBytes(data);
        out.write(le);
        return out.toByteArray();
    }

    /** Builds a case 4E APDU, where {@code le} 0 means 65536. */
    static byte[] extended(int cla, int ins, int p1, int p2, byte[] data, int le) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(cla);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        out.write(0);
        out.write(data.length >> 8);
        out.write(data.length);
        out.writeBytes(data);
        out.write(le >> 8);
        out.write(le);
        return out.toByteArray();
    }

    static byte[] getResponse(int le) {
        return new byte[] {0x00, (byte) 0xc0, 0x00, 0x00, (byte) le};
    }
}
