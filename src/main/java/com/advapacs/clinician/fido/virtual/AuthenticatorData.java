package com.advapacs.clinician.fido.virtual;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds authenticator data (WebAuthn section 6.1) and ES256 signatures over it. */
final class AuthenticatorData {

    static final int FLAG_UP = 0x01;
    static final int FLAG_UV = 0x04;
    static final int FLAG_AT = 0x40;
    static final int FLAG_ED = 0x80;

    private AuthenticatorData() {
    }

    /**
     * Returns rpIdHash, flags and the big-endian counter, followed by the optional
     * attested credential data and extensions map (already encoded).
     */
    static byte[] build(String rpId, int flags, int signCount, byte[] attestedCredential,
            byte[] extensions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        out.write(flags);
        out.write(signCount >>> 24);
        out.write(signCount >>> 16);
        out.write(signCount >>> 8);
        out.write(signCount);
        if (attestedCredential != null) {
            out.writeBytes(attestedCredential);
        }
        if (extensions != null) {
            out.writeBytes(extensions);
        }
        return out.toByteArray();
    }

    /** Returns AAGUID, credential ID length and ID, and the COSE ES256 public key. */
    static byte[] attestedCredential(byte[] aaguid, byte[] credentialId, ECPublicKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(aaguid);
        out.write(credentialId.length >>> 8);
        out.write(credentialId.length);
        out.writeBytes(credentialId);
        Map<Object, Object> cose = new LinkedHashMap<>();
        cose.put(1, 2);
        cose.put(3, -7);
        cose.put(-1, 1);
        cose.put(-2, ClientPinCommand.coordinate(key.getW().getAffineX()));
        cose.put(-3, ClientPinCommand.coordinate(key.getW().getAffineY()));
        out.writeBytes(Cbor.encode(cose));
        return out.toByteArray();
    }

    /** Signs authenticatorData || clientDataHash with ECDSA P-256 SHA-256 (DER). */
    static byte[] sign(PrivateKey key, byte[] authenticatorData, byte[] clientDataHash) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(authenticatorData);
            signature.update(clientDataHash);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
