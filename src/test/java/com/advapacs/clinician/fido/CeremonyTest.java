package com.advapacs.clinician.fido;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;

class CeremonyTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String RP_ID = "portal.example";
    static final byte[] CLIENT_DATA_HASH = filled(32, 7);

    @Test
    void registrationAndAssertionRoundTrip() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .pin("1234"));
                FidoDevice device = FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT)) {
            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    registration("zoe").build(), "1234".toCharArray());

            assertEquals("packed", created.format());
            assertEquals(32, created.credentialId().length);
            assertTrue(created.userVerified());
            assertArrayEquals(sha256Of(RP_ID), Arrays.copyOf(created.authenticatorData(), 32));
            PublicKey publicKey = Signatures.es256Key(created.publicKey());
            JsonNode attStmt = new CBORMapper().readTree(created.attestationStatement());
            assertEquals(-7, attStmt.get("alg").intValue());
            assertTrue(Signatures.verify(publicKey, created.authenticatorData(),
                    CLIENT_DATA_HASH, attStmt.get("sig").binaryValue()),
                    "packed self-attestation signature");

            JsonNode attestationObject = new CBORMapper().readTree(created.attestationObject());
            assertEquals("packed", attestationObject.get("fmt").stringValue());
            assertArrayEquals(created.authenticatorData(),
                    attestationObject.get("authData").binaryValue());
            assertEquals(attStmt, attestationObject.get("attStmt"));

            List<AssertionResult> assertions = AssertionCeremony.getAssertion(device,
                    AssertionRequest.builder(RP_ID, ClientData.ofHash(CLIENT_DATA_HASH))
                            .allow(created.credentialId()).build(), null);

            assertEquals(1, assertions.size());
            AssertionResult assertion = assertions.get(0);
            assertArrayEquals(created.credentialId(), assertion.credentialId());
            assertEquals(37, assertion.authenticatorData().length);
            assertEquals(1, assertion.signCount());
            assertEquals(0x01, assertion.flags() & 0x05, "UP without UV");
            assertTrue(Signatures.verify(publicKey, assertion.authenticatorData(),
                    CLIENT_DATA_HASH, assertion.signature()), "assertion signature");
        }
    }

    @Test
    void clientDataJsonHashedByLibfido2() throws Exception {
        byte[] json = "{\"type\":\"webauthn.get\",\"challenge\":\"AAAA\"}"
                .getBytes(StandardCharsets.UTF_8);
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                FidoDevice device = FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT)) {
            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    RegistrationRequest.builder(RP_ID, ClientData.ofJson(json),
                            new byte[] {1, 2}, "zoe").build(), null);
            AssertionResult assertion = AssertionCeremony.getAssertion(device,
                    AssertionRequest.builder(RP_ID, ClientData.ofJson(json))
                            .allow(created.credentialId()).build(), null).get(0);

            assertTrue(Signatures.verify(Signatures.es256Key(created.publicKey()),
                    assertion.authenticatorData(), Signatures.sha256(json),
                    assertion.signature()));
        }
    }

    @Test
    void discoverableAssertionReturnsTwoAccounts() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .pin("1234"));
                FidoDevice device = FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT)) {
            RegistrationResult zoe = RegistrationCeremony.makeCredential(device,
                    registration("zoe").residentKey(true).build(), "1234".toCharArray());
            RegistrationResult max = RegistrationCeremony.makeCredential(device,
                    RegistrationRequest.builder(RP_ID, ClientData.ofHash(CLIENT_DATA_HASH),
                            new byte[] {9}, "max").userDisplayName("Max Mustermann")
                            .residentKey(true).build(), "1234".toCharArray());

            List<AssertionResult> assertions = AssertionCeremony.getAssertion(device,
                    AssertionRequest.builder(RP_ID, ClientData.ofHash(CLIENT_DATA_HASH))
                            .userVerification(UserVerificationRequirement.REQUIRED).build(),
                    "1234".toCharArray());

            assertEquals(2, assertions.size());
            assertEquals("max", assertions.get(0).userName());
            assertEquals("Max Mustermann", assertions.get(0).userDisplayName());
            assertArrayEquals(new byte[] {9}, assertions.get(0).userHandle());
            assertArrayEquals(max.credentialId(), assertions.get(0).credentialId());
            assertEquals("zoe", assertions.get(1).userName());
            assertArrayEquals(zoe.credentialId(), assertions.get(1).credentialId());
            assertTrue(Signatures.verify(Signatures.es256Key(zoe.publicKey()),
                    assertions.get(1).authenticatorData(), CLIENT_DATA_HASH,
                    assertions.get(1).signature()));
            assertEquals(0x05, assertions.get(1).flags() & 0x05, "UP and UV");
        }
    }

    @Test
    void excludedCredentialReportsRegistered() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                FidoDevice device = FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT)) {
            RegistrationResult first = RegistrationCeremony.makeCredential(device,
                    registration("zoe").build(), null);

            FidoException e = assertThrows(FidoException.class,
                    () -> RegistrationCeremony.makeCredential(device,
                            registration("zoe").exclude(first.credentialId()).build(), null));

            assertEquals(FidoProblem.ALREADY_REGISTERED, e.problem());
            assertEquals(1, key.credentialCount());
            assertEquals(2, key.touchPrompts(), "a touch before the answer");
        }
    }

    @Test
    void fullKeyStoreReported() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .maxResidentKeys(0));
                FidoDevice device = FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT)) {
            FidoException e = assertThrows(FidoException.class,
                    () -> RegistrationCeremony.makeCredential(device,
                            registration("zoe").residentKey(true).build(), null));

            assertEquals(FidoProblem.KEY_STORE_FULL, e.problem());
            assertEquals(0, key.credentialCount());
        }
    }

    @Test
    void credProtectLevelInAuthenticatorData() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                FidoDevice device = FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT)) {
            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    registration("zoe").credProtect(
                            RegistrationRequest.CRED_PROTECT_UV_OPTIONAL_WITH_ID).build(),
                    null);

            byte[] authData = created.authenticatorData();
            assertEquals(0x80, authData[32] & 0x80, "extension data flag");
            JsonNode extensions = new CBORMapper().readTree(Arrays.copyOfRange(authData,
                    authData.length - 14, authData.length));
            assertEquals(2, extensions.get("credProtect").intValue());
        }
    }

    @Test
    void noCredentialsForOtherRp() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                FidoDevice device = FidoDevice.open(DeviceInfoTest.single(key), TIMEOUT)) {
            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    registration("zoe").build(), null);

            FidoException e = assertThrows(FidoException.class,
                    () -> AssertionCeremony.getAssertion(device, AssertionRequest.builder(
                            "other.example", ClientData.ofHash(CLIENT_DATA_HASH))
                            .allow(created.credentialId()).build(), null));

            assertEquals(FidoProblem.NO_CREDENTIALS, e.problem());
        }
    }

    static RegistrationRequest.Builder registration(String userName) {
        return RegistrationRequest.builder(RP_ID, ClientData.ofHash(CLIENT_DATA_HASH),
                userName.getBytes(StandardCharsets.UTF_8), userName)
                .rpName("AdvaPACS").userDisplayName(userName.toUpperCase());
    }

    static byte[] sha256Of(String text) throws Exception {
        return Signatures.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
