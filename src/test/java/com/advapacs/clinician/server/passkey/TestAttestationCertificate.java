package com.advapacs.clinician.server.passkey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A self-signed P-256 attestation certificate that meets the packed format's requirements
 * (WebAuthn Level 3, section 8.2.1: version 3, OU "Authenticator Attestation", not a CA), with
 * its private key. Made once with OpenSSL 3.0:
 * {@code openssl req -new -x509 -key att.key -days 36500 -set_serial 1 -sha256} and a config
 * with the subject {@code C=DE, O=AdvaPACS Test, OU=Authenticator Attestation,
 * CN=AdvaPACS Test Attestation} and {@code basicConstraints = critical, CA:FALSE}.
 */
final class TestAttestationCertificate {
    private static final String CERTIFICATE_DER =
            "MIIB+zCCAaCgAwIBAgIBATAKBggqhkjOPQQDAjBtMQswCQYDVQQGEwJERTEWMBQGA1UECgwNQWR2YVBB"
            + "Q1MgVGVzdDEiMCAGA1UECwwZQXV0aGVudGljYXRvciBBdHRlc3RhdGlvbjEiMCAGA1UEAwwZQWR2YVBB"
            + "Q1MgVGVzdCBBdHRlc3RhdGlvbjAgFw0yNjEyMDQxNjMzNDJaGA8yMTI2MTExMDE2MzM0MlowbTELMAkG"
            + "A1UEBhMCREUxFjAUBgNVBAoMDUFkdmFQQUNTIFRlc3QxIjAgBgNVBAsMGUF1dGhlbnRpY2F0b3IgQXR0"
            + "ZXN0YXRpb24xIjAgBgNVBAMMGUFkdmFQQUNTIFRlc3QgQXR0ZXN0YXRpb24wWTATBgcqhkjOPQIBBggq"
            + "hkjOPQMBBwNCAARXgYQohnK0yG4Ze26EUMYmz8Qqw0mbBMOH0QUsn3VPKMN+o4nkQN4O0bJhdjx2j6u+"
            + "6mHpt/67wWzi/wnh7pp1oy8wLTAMBgNVHRMBAf8EAjAAMB0GA1UdDgQWBBRvl5T+yLwt36XtYAMW0pb1"
            + "2JSrwDAKBggqhkjOPQQDAgNJADBGAiEAr3tTHunn5kmIxssmAMYWWqEzChxgmDf5lMD+vC1zzwwCIQCE"
            + "c2X2rOlDcUdaXmextul+ywzQChzBy2aNGwOUkFycPQ==";
    private static final String PRIVATE_KEY_PKCS8 =
            "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgI+fy8RcCOy1jVD+58+92wLpa1W7ii2+L"
            + "osP2swhyPEmhRANCAARXgYQohnK0yG4Ze26EUMYmz8Qqw0mbBMOH0QUsn3VPKMN+o4nkQN4O0bJhdjx2"
            + "j6u+6mHpt/67wWzi/wnh7pp1";

    private TestAttestationCertificate() {
    }

    static byte[] certificate() {
        return Base64.getDecoder().decode(CERTIFICATE_DER);
    }

    static PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PRIVATE_KEY_PKCS8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
