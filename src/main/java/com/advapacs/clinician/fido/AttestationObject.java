package com.advapacs.clinician.fido;

import java.io.ByteArrayOutputStream;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Encodes the WebAuthn attestationObject (WebAuthn Level 2 section 6.5.4), a CBOR map with
 * the keys in CTAP2 canonical order: "fmt", "attStmt", "authData".
 */
final class AttestationObject {

    private static final CBORMapper CBOR = new CBORMapper();
    /** CBOR major type 5 (map) with three entries. */
    private static final int MAP_OF_THREE = 0xa3;

    private AttestationObject() {
    }

    /**
     * Returns the encoded map. {@code attestationStatement} is inserted byte for byte,
     * because libfido2 returns it already encoded.
     */
    static byte[] encode(String format, byte[] attestationStatement, byte[] authData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MAP_OF_THREE);
        out.writeBytes(CBOR.writeValueAsBytes("fmt"));
        out.writeBytes(CBOR.writeValueAsBytes(format));
        out.writeBytes(CBOR.writeValueAsBytes("attStmt"));
        out.writeBytes(attestationStatement);
        out.writeBytes(CBOR.writeValueAsBytes("authData"));
        out.writeBytes(CBOR.writeValueAsBytes(authData));
        return out.toByteArray();
    }
}
