package com.advapacs.clinician.fido;

import java.util.OptionalInt;
import tools.jackson.dataformat.cbor.CBORMapper;

/** Unwraps CBOR byte strings that libfido2 returns in place of raw bytes. */
final class CborByteString {

    private static final CBORMapper CBOR = new CBORMapper();

    private CborByteString() {
    }

    /**
     * Returns the content of a CBOR byte string. libfido2 1.12's
     * {@code fido_assert_authdata_ptr} returns the authenticator data wrapped this way
     * ({@code fido_assert_authdata_raw_ptr} arrived only in 1.14).
     */
    static byte[] unwrap(byte[] cbor) throws FidoException {
        try {
            if (cbor.length == 0 || (cbor[0] & 0xe0) != 0x40) {
                throw new IllegalArgumentException("not a CBOR byte string");
            }
            return CBOR.readValue(cbor, byte[].class);
        } catch (RuntimeException e) {
            throw new FidoException(FidoProblem.KEY_PROTOCOL_ERROR, 0, OptionalInt.empty(),
                    "authenticator data is not a CBOR byte string", e);
        }
    }
}
