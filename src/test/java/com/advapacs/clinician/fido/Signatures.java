package com.advapacs.clinician.fido;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/** Verifies ES256 signatures with the JDK, independently of libfido2 and the virtual key. */
final class Signatures {

    private Signatures() {
    }

    /** Builds a P-256 public key from libfido2's raw x || y (64 bytes). */
    static PublicKey es256Key(byte[] xy) throws Exception {
        if (xy.length != 64) {
            throw new IllegalArgumentException("expected 64 bytes, got " + xy.length);
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOf(xy, 32)),
                new BigInteger(1, Arrays.copyOfRange(xy, 32, 64)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
    }

    /** Verifies a DER ECDSA signature over authenticatorData || clientDataHash. */
    static boolean verify(PublicKey key, byte[] authenticatorData, byte[] clientDataHash,
            byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(authenticatorData);
        verifier.update(clientDataHash);
        return verifier.verify(signature);
    }

    static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
