package com.advapacs.clinician.server.passkey;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A security key in software with one credential, a JDK key pair (P-256 or Ed25519). It builds
 * authenticator data byte by byte (WebAuthn Level 3, section 6.1) and "none" or "packed"
 * attestation. It also does the WebAuthn client's part: clientDataJSON and the JSON response
 * forms. Its fields change what the next ceremony sends, so tests can make each check fail.
 */
public final class SoftwareAuthenticator {
    static final byte FLAG_UP = 0x01;
    static final byte FLAG_UV = 0x04;
    static final byte FLAG_BE = 0x08;
    static final byte FLAG_BS = 0x10;
    static final byte FLAG_AT = 0x40;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final boolean edwards;
    final byte[] credentialId;
    final UUID aaguid;

    boolean userPresent = true;
    boolean userVerified = true;
    boolean backupEligible;
    boolean backedUp;
    /** Counter sent with the next response. */
    long signCount;
    /** Increment of {@link #signCount} before each assertion. 0 models a key without a counter. */
    long counterStep = 1;
    String attestationFormat = "none";
    /**
     * Whether a "packed" or "fido-u2f" statement carries the {@link TestAttestationCertificate}
     * chain (x5c) and is signed with its key, as real security keys do, instead of self
     * attestation.
     */
    boolean certificateChain;
    List<String> transports = List.of("usb", "nfc");
    String attachment = "cross-platform";
    /** User handle stored at registration, returned by discoverable sign-ins. */
    byte[] userHandle;

    private SoftwareAuthenticator(KeyPair keys, boolean edwards, UUID aaguid) {
        this.keys = keys;
        this.edwards = edwards;
        this.aaguid = aaguid;
        this.credentialId = new byte[32];
        new SecureRandom().nextBytes(credentialId);
    }

    /** Returns a key with a fresh ES256 (ECDSA P-256) credential. */
    public static SoftwareAuthenticator es256(UUID aaguid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new SoftwareAuthenticator(generator.generateKeyPair(), false, aaguid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a key with a fresh EdDSA (Ed25519) credential. */
    static SoftwareAuthenticator ed25519(UUID aaguid) {
        try {
            return new SoftwareAuthenticator(
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), true, aaguid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the next registration report a platform authenticator, as a browser does for
     * Windows Hello: attachment "platform" and transport "internal".
     */
    public SoftwareAuthenticator platform() {
        attachment = "platform";
        transports = List.of("internal");
        return this;
    }

    String credentialIdText() {
        return BASE64URL.encodeToString(credentialId);
    }

    /**
     * Builds the registration response to {@code publicKey} creation options for
     * {@code origin}, as a browser would, with the options' challenge and RP ID.
     */
    public ObjectNode register(JsonNode publicKey, String origin) {
        ClientData clientData = new ClientData("webauthn.create",
                publicKey.path("challenge").asString(), origin);
        return register(publicKey.path("rp").path("id").asString(), clientData,
                Base64.getUrlDecoder().decode(publicKey.path("user").path("id").asString()));
    }

    /** Builds a registration response with the given client data, signing for {@code rpId}. */
    ObjectNode register(String rpId, ClientData clientData, byte[] user) {
        userHandle = user.clone();
        byte[] clientDataJson = clientData.json();
        byte[] authenticatorData = authenticatorData(rpId, true);
        Map<String, Object> statement = new LinkedHashMap<>();
        byte[] signedData = concat(authenticatorData, sha256(clientDataJson));
        if (certificateChain) {
            statement.put("alg", -7);
            statement.put("sig", sign(TestAttestationCertificate.privateKey(), "SHA256withECDSA",
                    signedData));
            statement.put("x5c", List.of(TestAttestationCertificate.certificate()));
        } else if (attestationFormat.equals("packed")) {
            // Self attestation: signed with the credential's own key, no certificate chain.
            statement.put("alg", edwards ? -8 : -7);
            statement.put("sig", sign(signedData));
        }
        Map<String, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", attestationFormat);
        attestation.put("attStmt", statement);
        attestation.put("authData", authenticatorData);

        ObjectNode response = JSON.createObjectNode();
        response.put("clientDataJSON", BASE64URL.encodeToString(clientDataJson));
        response.put("attestationObject", BASE64URL.encodeToString(Cbor.encode(attestation)));
        response.put("authenticatorData", BASE64URL.encodeToString(authenticatorData));
        response.put("publicKeyAlgorithm", edwards ? -8 : -7);
        transports.forEach(response.putArray("transports")::add);
        return credential(response);
    }

    /**
     * Builds the sign-in response to {@code publicKey} request options for {@code origin}.
     * With {@code discoverable} it adds the user handle, as a key does for a passwordless
     * sign-in.
     */
    ObjectNode authenticate(JsonNode publicKey, String origin, boolean discoverable) {
        ClientData clientData = new ClientData("webauthn.get",
                publicKey.path("challenge").asString(), origin);
        return authenticate(publicKey.path("rpId").asString(), clientData, discoverable);
    }

    /** Builds a sign-in response with the given client data, signing for {@code rpId}. */
    ObjectNode authenticate(String rpId, ClientData clientData, boolean discoverable) {
        signCount += counterStep;
        byte[] clientDataJson = clientData.json();
        byte[] authenticatorData = authenticatorData(rpId, false);
        byte[] signature = sign(concat(authenticatorData, sha256(clientDataJson)));

        ObjectNode response = JSON.createObjectNode();
        response.put("clientDataJSON", BASE64URL.encodeToString(clientDataJson));
        response.put("authenticatorData", BASE64URL.encodeToString(authenticatorData));
        response.put("signature", BASE64URL.encodeToString(signature));
        if (discoverable) {
            response.put("userHandle", BASE64URL.encodeToString(userHandle));
        }
        return credential(response);
    }

    private ObjectNode credential(ObjectNode response) {
        ObjectNode credential = JSON.createObjectNode();
        credential.put("id", credentialIdText());
        credential.put("rawId", credentialIdText());
        credential.put("type", "public-key");
        credential.set("response", response);
        if (attachment != null) {
            credential.put("authenticatorAttachment", attachment);
        }
        credential.putObject("clientExtensionResults");
        return credential;
    }

    /** Builds authenticator data: rpIdHash, flags, signCount and, at registration, the key. */
    private byte[] authenticatorData(String rpId, boolean attested) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        int flags = (userPresent ? FLAG_UP : 0) | (userVerified ? FLAG_UV : 0)
                | (backupEligible ? FLAG_BE : 0) | (backedUp ? FLAG_BS : 0)
                | (attested ? FLAG_AT : 0);
        out.write(flags);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) signCount).array());
        if (attested) {
            ByteBuffer uuid = ByteBuffer.allocate(16);
            uuid.putLong(aaguid.getMostSignificantBits());
            uuid.putLong(aaguid.getLeastSignificantBits());
            out.writeBytes(uuid.array());
            out.write(credentialId.length >> 8);
            out.write(credentialId.length & 0xff);
            out.writeBytes(credentialId);
            out.writeBytes(coseKey());
        }
        return out.toByteArray();
    }

    /** Encodes the public key as a COSE_Key (RFC 9053): EC2 P-256 or OKP Ed25519. */
    private byte[] coseKey() {
        Map<Object, Object> key = new LinkedHashMap<>();
        if (edwards) {
            byte[] encoded = keys.getPublic().getEncoded();
            // The X.509 encoding of an Ed25519 key ends with the 32-byte public key.
            byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            key.put(1, 1);
            key.put(3, -8);
            key.put(-1, 6);
            key.put(-2, x);
        } else {
            ECPublicKey publicKey = (ECPublicKey) keys.getPublic();
            key.put(1, 2);
            key.put(3, -7);
            key.put(-1, 1);
            key.put(-2, unsigned32(publicKey.getW().getAffineX()));
            key.put(-3, unsigned32(publicKey.getW().getAffineY()));
        }
        return Cbor.encode(key);
    }

    private byte[] sign(byte[] data) {
        return sign(keys.getPrivate(), edwards ? "Ed25519" : "SHA256withECDSA", data);
    }

    private static byte[] sign(PrivateKey key, String algorithm, byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** The client data a WebAuthn client signs, with members in the Level 3 order. */
    record ClientData(String type, String challenge, String origin) {
        byte[] json() {
            return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge
                    + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
