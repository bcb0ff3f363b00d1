package com.advapacs.clinician.fido.virtual;

import static com.advapacs.clinician.fido.virtual.Apdus.data;
import static com.advapacs.clinician.fido.virtual.Apdus.sw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** CTAP2 request messages for NFCCTAP_MSG, and checks of the responses, for the NFC tests. */
final class CtapMessages {

    static final String RP_ID = "portal.example";
    static final byte[] CLIENT_DATA_HASH = new byte[32];

    /** Offset of the credential id length in authenticator data with attested data. */
    private static final int CREDENTIAL_ID_LENGTH_OFFSET = 32 + 1 + 4 + 16;

    static {
        Arrays.fill(CLIENT_DATA_HASH, (byte) 7);
    }

    private CtapMessages() {
    }

    /** Builds authenticatorMakeCredential of a non-discoverable ES256 credential for RP_ID. */
    static byte[] makeCredential(String userName) {
        Map<Object, Object> request = new LinkedHashMap<>();
        request.put(1, CLIENT_DATA_HASH);
        request.put(2, Map.of("id", RP_ID, "name", "Portal"));
        request.put(3, Map.of("id", userName.getBytes(StandardCharsets.UTF_8),
                "name", userName));
        request.put(4, List.of(Map.of("alg", -7, "type", "public-key")));
        return message(Ctap2Authenticator.MAKE_CREDENTIAL, request);
    }

    /** Builds authenticatorGetAssertion for RP_ID with one credential in the allow list. */
    static byte[] getAssertion(byte[] credentialId) {
        Map<Object, Object> request = new LinkedHashMap<>();
        request.put(1, RP_ID);
        request.put(2, CLIENT_DATA_HASH);
        request.put(3, List.of(Map.of("id", credentialId, "type", "public-key")));
        return message(Ctap2Authenticator.GET_ASSERTION, request);
    }

    private static byte[] message(int command, Map<Object, Object> request) {
        byte[] cbor = Cbor.encode(request);
        byte[] message = new byte[cbor.length + 1];
        message[0] = (byte) command;
        System.arraycopy(cbor, 0, message, 1, cbor.length);
        return message;
    }

    /** Follows 61xx with GET RESPONSE and returns all response data, checking the final 9000. */
    static byte[] readAll(NfcCard card, byte[] firstResponse) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] response = firstResponse;
        while ((sw(response) & 0xff00) == 0x6100) {
            data.writeBytes(data(response));
            response = card.transmit(Apdus.getResponse(0));
        }
        assertEquals(0x9000, sw(response), "status word after the last part");
        data.writeBytes(data(response));
        return data.toByteArray();
    }

    /** Decodes the CBOR after the CTAP status byte, which must be CTAP2_OK. */
    static JsonNode decodeSuccess(byte[] ctapResponse) {
        assertEquals(CtapStatus.OK, ctapResponse[0], "CTAP status");
        return Cbor.decode(Arrays.copyOfRange(ctapResponse, 1, ctapResponse.length));
    }

    static byte[] credentialId(byte[] authenticatorData) {
        int length = ((authenticatorData[CREDENTIAL_ID_LENGTH_OFFSET] & 0xff) << 8)
                | (authenticatorData[CREDENTIAL_ID_LENGTH_OFFSET + 1] & 0xff);
        int start = CREDENTIAL_ID_LENGTH_OFFSET + 2;
        return Arrays.copyOfRange(authenticatorData, start, start + length);
    }

    /** Reads the ES256 COSE key after the credential id in attested credential data. */
    static PublicKey credentialPublicKey(byte[] authenticatorData) throws Exception {
        int start = CREDENTIAL_ID_LENGTH_OFFSET + 2 + credentialId(authenticatorData).length;
        JsonNode cose = Cbor.decode(Arrays.copyOfRange(authenticatorData, start,
                authenticatorData.length));
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, cose.get("-2").binaryValue()),
                new BigInteger(1, cose.get("-3").binaryValue()));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
    }

    /** Verifies a DER ECDSA signature over authenticatorData || clientDataHash. */
    static boolean verify(PublicKey key, byte[] authenticatorData, byte[] signature)
            throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(authenticatorData);
        verifier.update(CLIENT_DATA_HASH);
        return verifier.verify(signature);
    }

    static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
