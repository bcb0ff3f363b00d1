package com.advapacs.clinician.fido.virtual;

import java.util.Arrays;

/**
 * A command APDU in one of the four cases of ISO/IEC 7816-4 section 5.1, with short
 * (1-byte) or extended (3-byte Lc, 2- or 3-byte Le) length fields.
 */
final class CommandApdu {

    static final int MAX_SHORT_NE = 256;
    static final int MAX_EXTENDED_NE = 65536;
    /** CLA bit that marks every part of a chained command but the last. */
    static final int CLA_CHAINING = 0x10;

    private static final int HEADER_LENGTH = 4;

    final int cla;
    final int ins;
    final int p1;
    final int p2;
    final byte[] data;
    /**
     * Ne, the maximum number of response data bytes. Without an Le field it is the
     * maximum of the length form (256 or 65536), so a reply to a case 1 or 3 command is not
     * cut short.
     */
    final int ne;
    final boolean hasLe;
    final boolean extended;

    private CommandApdu(byte[] apdu, byte[] data, int ne, boolean hasLe, boolean extended) {
        this.cla = apdu[0] & 0xff;
        this.ins = apdu[1] & 0xff;
        this.p1 = apdu[2] & 0xff;
        this.p2 = apdu[3] & 0xff;
        this.data = data;
        this.ne = ne;
        this.hasLe = hasLe;
        this.extended = extended;
    }

    /**
     * Parses {@code apdu}.
     *
     * @throws ApduException SW_WRONG_LENGTH when the length fields do not match the number
     *     of bytes, or when the APDU is extended and {@code extendedAllowed} is false
     */
    static CommandApdu parse(byte[] apdu, boolean extendedAllowed) throws ApduException {
        int length = apdu.length;
        if (length < HEADER_LENGTH) {
            throw new ApduException(Iso7816.SW_WRONG_LENGTH);
        }
        if (length == HEADER_LENGTH) {
            return new CommandApdu(apdu, new byte[0], MAX_SHORT_NE, false, false);
        }
        int b5 = apdu[4] & 0xff;
        if (length == HEADER_LENGTH + 1) {
            return new CommandApdu(apdu, new byte[0], shortNe(b5), true, false);
        }
        if (b5 != 0) {
            return parseShort(apdu, b5);
        }
        if (!extendedAllowed) {
            throw new ApduException(Iso7816.SW_WRONG_LENGTH);
        }
        return parseExtended(apdu);
    }

    /** Cases 3S and 4S: CLA INS P1 P2 Lc data [Le]. */
    private static CommandApdu parseShort(byte[] apdu, int lc) throws ApduException {
        int dataEnd = HEADER_LENGTH + 1 + lc;
        byte[] data = Arrays.copyOfRange(apdu, HEADER_LENGTH + 1, Math.min(dataEnd,
                apdu.length));
        if (apdu.length == dataEnd) {
            return new CommandApdu(apdu, data, MAX_SHORT_NE, false, false);
        }
        if (apdu.length == dataEnd + 1) {
            return new CommandApdu(apdu, data, shortNe(apdu[dataEnd] & 0xff), true, false);
        }
        throw new ApduException(Iso7816.SW_WRONG_LENGTH);
    }

    /** Cases 2E, 3E and 4E: CLA INS P1 P2 00 then Le1 Le2, or Lc1 Lc2 data [Le1 Le2]. */
    private static CommandApdu parseExtended(byte[] apdu) throws ApduException {
        int length = apdu.length;
        if (length < HEADER_LENGTH + 3) {
            throw new ApduException(Iso7816.SW_WRONG_LENGTH);
        }
        int field = ((apdu[5] & 0xff) << 8) | (apdu[6] & 0xff);
        if (length == HEADER_LENGTH + 3) {
            return new CommandApdu(apdu, new byte[0], extendedNe(field), true, true);
        }
        if (field == 0) {
            throw new ApduException(Iso7816.SW_WRONG_LENGTH);
        }
        int dataEnd = HEADER_LENGTH + 3 + field;
        if (length != dataEnd && length != dataEnd + 2) {
            throw new ApduException(Iso7816.SW_WRONG_LENGTH);
        }
        byte[] data = Arrays.copyOfRange(apdu, HEADER_LENGTH + 3, dataEnd);
        if (length == dataEnd) {
            return new CommandApdu(apdu, data, MAX_EXTENDED_NE, false, true);
        }
        int le = ((apdu[dataEnd] & 0xff) << 8) | (apdu[dataEnd + 1] & 0xff);
        return new CommandApdu(apdu, data, extendedNe(le), true, true);
    }

    private static int shortNe(int le) {
        return le == 0 ? MAX_SHORT_NE : le;
    }

    private static int extendedNe(int le) {
        return le == 0 ? MAX_EXTENDED_NE : le;
    }

    /** Returns this command with other data and without the chaining bit, for a chain. */
    CommandApdu withData(byte[] wholeData) {
        byte[] header = {(byte) baseCla(), (byte) ins, (byte) p1, (byte) p2};
        return new CommandApdu(header, wholeData, ne, hasLe, extended);
    }

    boolean chained() {
        return (cla & CLA_CHAINING) != 0;
    }

    /** Returns the class byte without the chaining bit. */
    int baseCla() {
        return cla & ~CLA_CHAINING;
    }
}
