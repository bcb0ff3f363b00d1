package com.advapacs.clinician.fido.nfc;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command APDUs of CTAP over ISO 7816 (CTAP 2.1 section 11.3): SELECT of the FIDO
 * applet, NFCCTAP_MSG carrying a CTAP command either as short APDUs with command chaining
 * or as one extended APDU, NFCCTAP_GETRESPONSE, NFCCTAP_CONTROL and GET RESPONSE.
 */
final class CommandApdus {

    /** AID of the FIDO applet. */
    static final byte[] FIDO_AID = {(byte) 0xA0, 0x00, 0x00, 0x06, 0x47, 0x2F, 0x00, 0x01};
    /** Data bytes of one short APDU. */
    static final int SHORT_MAX = 255;
    /** Data bytes of one extended APDU. */
    static final int EXTENDED_MAX = 65_535;

    private static final int CLA_CTAP = 0x80;
    private static final int CLA_CHAINED = 0x10;
    private static final int INS_CTAP_MSG = 0x10;
    private static final int INS_CTAP_GET_RESPONSE = 0x11;
    private static final int INS_CTAP_CONTROL = 0x12;
    /** P1 of NFCCTAP_MSG: the client polls with NFCCTAP_GETRESPONSE, so keep-alives may come. */
    private static final int P1_GET_RESPONSE_SUPPORTED = 0x80;
    /** P1 of NFCCTAP_CONTROL that ends the running command. */
    private static final int P1_CONTROL_END = 0x01;

    private CommandApdus() {
    }

    static byte[] select() {
        byte[] apdu = new byte[5 + FIDO_AID.length + 1];
        apdu[1] = (byte) 0xA4;
        apdu[2] = 0x04;
        apdu[4] = (byte) FIDO_AID.length;
        System.arraycopy(FIDO_AID, 0, apdu, 5, FIDO_AID.length);
        return apdu; // Le 00: up to 256 bytes
    }

    /** ISO 7816 GET RESPONSE for the next {@code length} bytes (0 stands for 256). */
    static byte[] getResponse(int length) {
        return new byte[] {0x00, (byte) 0xC0, 0x00, 0x00, (byte) length};
    }

    static byte[] ctapGetResponse() {
        return new byte[] {(byte) CLA_CTAP, INS_CTAP_GET_RESPONSE, 0x00, 0x00, 0x00};
    }

    static byte[] ctapEnd() {
        return new byte[] {(byte) CLA_CTAP, INS_CTAP_CONTROL, P1_CONTROL_END, 0x00};
    }

    /**
     * Returns NFCCTAP_MSG for {@code message} (CTAP command byte, then CBOR) as short APDUs,
     * chained when the message exceeds {@value #SHORT_MAX} bytes.
     */
    static List<byte[]> ctapMessageChained(byte[] message) {
        return chained(CLA_CTAP, INS_CTAP_MSG, P1_GET_RESPONSE_SUPPORTED, 0, message);
    }

    /** Returns NFCCTAP_MSG for {@code message} as one extended APDU. */
    static byte[] ctapMessageExtended(byte[] message) {
        return extended(CLA_CTAP, INS_CTAP_MSG, P1_GET_RESPONSE_SUPPORTED, 0, message);
    }

    /**
     * Splits an arbitrary command APDU (such as the extended U2F APDUs libfido2 builds) into
     * short APDUs, chained when its data exceeds {@value #SHORT_MAX} bytes.
     */
    static List<byte[]> toShortChained(byte[] apdu) {
        Body body = Body.parse(apdu);
        return chained(apdu[0] & 0xff, apdu[1] & 0xff, apdu[2] & 0xff, apdu[3] & 0xff,
                body.data);
    }

    /** Returns an arbitrary command APDU as one extended APDU with Le for 65,536 bytes. */
    static byte[] toExtended(byte[] apdu) {
        Body body = Body.parse(apdu);
        return extended(apdu[0] & 0xff, apdu[1] & 0xff, apdu[2] & 0xff, apdu[3] & 0xff,
                body.data);
    }

    private static List<byte[]> chained(int cla, int ins, int p1, int p2, byte[] data) {
        List<byte[]> parts = new ArrayList<>();
        int offset = 0;
        do {
            int length = Math.min(SHORT_MAX, data.length - offset);
            boolean last = offset + length == data.length;
            ByteArrayOutputStream part = new ByteArrayOutputStream(length + 6);
            part.write(last ? cla : cla | CLA_CHAINED);
            part.write(ins);
            part.write(p1);
            part.write(p2);
            if (length > 0) {
                part.write(length);
                part.write(data, offset, length);
            }
            if (last) {
                part.write(0); // Le 00: up to 256 bytes
            }
            parts.add(part.toByteArray());
            offset += length;
        } while (offset < data.length);
        return parts;
    }

    private static byte[] extended(int cla, int ins, int p1, int p2, byte[] data) {
        if (data.length > EXTENDED_MAX) {
            throw new IllegalArgumentException("APDU data of " + data.length
                    + " bytes exceeds " + EXTENDED_MAX);
        }
        ByteArrayOutputStream apdu = new ByteArrayOutputStream(data.length + 9);
        apdu.write(cla);
        apdu.write(ins);
        apdu.write(p1);
        apdu.write(p2);
        apdu.write(0);
        if (data.length > 0) {
            apdu.write(data.length >>> 8);
            apdu.write(data.length & 0xff);
            apdu.write(data, 0, data.length);
        }
        apdu.write(0); // Le 00 00: up to 65,536 bytes
        apdu.write(0);
        return apdu.toByteArray();
    }

    /** The data field of a command APDU in any of the ISO 7816-4 cases. */
    private record Body(byte[] data) {

        static Body parse(byte[] apdu) {
            if (apdu.length < 4) {
                throw new IllegalArgumentException("APDU of " + apdu.length + " bytes");
            }
            if (apdu.length <= 5) {
                return new Body(new byte[0]); // case 1 or case 2 short
            }
            int first = apdu[4] & 0xff;
            if (first != 0) {
                if (apdu.length < 5 + first) {
                    throw new IllegalArgumentException("APDU shorter than its Lc");
                }
                return new Body(Arrays.copyOfRange(apdu, 5, 5 + first));
            }
            if (apdu.length == 7) {
                return new Body(new byte[0]); // case 2 extended
            }
            int length = ((apdu[5] & 0xff) << 8) | (apdu[6] & 0xff);
            if (apdu.length < 7 + length) {
                throw new IllegalArgumentException("APDU shorter than its extended Lc");
            }
            return new Body(Arrays.copyOfRange(apdu, 7, 7 + length));
        }
    }
}
