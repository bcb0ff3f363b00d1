package com.advapacs.clinician.fido.virtual;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/** Settings and fault injection for a {@link VirtualAuthenticator}; fluent setters. */
public final class AuthenticatorConfig {

    /** Timing of the simulated user's touch after the key requests one. */
    public enum Touch {
        /** At once. */
        IMMEDIATE,
        /** After {@link #touchDelay(Duration)}, with keep-alive frames meanwhile. */
        AFTER_DELAY,
        /** Only when a test calls {@link VirtualAuthenticator#touch()}. */
        MANUAL,
        /** Never: the key gives up after {@link #userActionTimeout(Duration)}. */
        NEVER
    }

    byte[] aaguid = HexFormat.of().parseHex("adfa0000000000000000000000000001");
    long firmwareVersion = 0x050403;
    String initialPin;
    boolean builtInUv;
    boolean alwaysUv;
    boolean pinUvAuthToken = true;
    boolean credentialManagement;
    boolean makeCredUvNotRequired = true;
    boolean u2fOnly;
    int minPinLength = 4;
    int maxResidentKeys = 25;
    List<Integer> pinUvAuthProtocols = List.of(2, 1);
    Touch touch = Touch.IMMEDIATE;
    Duration touchDelay = Duration.ofMillis(300);
    Duration userActionTimeout = Duration.ofSeconds(30);
    Duration keepAliveInterval = Duration.ofMillis(100);
    Duration resetWindow = Duration.ofSeconds(10);
    boolean nfcExtendedLength = true;
    boolean nfcCommandChaining = true;
    int nfcResponseChunk = CommandApdu.MAX_EXTENDED_NE;
    String product = "AdvaPACS Virtual Key";
    String manufacturer = "AdvaPACS Test";

    public AuthenticatorConfig aaguid(byte[] value) {
        aaguid = value.clone();
        return this;
    }

    public AuthenticatorConfig firmwareVersion(long value) {
        firmwareVersion = value;
        return this;
    }

    /** Starts the key with this PIN already set; null leaves it without a PIN. */
    public AuthenticatorConfig pin(String value) {
        initialPin = value;
        return this;
    }

    /** Gives the key built-in user verification ({@code uv} option, like a fingerprint). */
    public AuthenticatorConfig builtInUv(boolean value) {
        builtInUv = value;
        return this;
    }

    /** Sets the {@code alwaysUv} option: every credential operation needs verification. */
    public AuthenticatorConfig alwaysUv(boolean value) {
        alwaysUv = value;
        return this;
    }

    /** Sets the {@code pinUvAuthToken} option (CTAP 2.1 tokens with permissions). */
    public AuthenticatorConfig pinUvAuthToken(boolean value) {
        pinUvAuthToken = value;
        return this;
    }

    /** Advertises the {@code credMgmt} option; the command itself is not implemented. */
    public AuthenticatorConfig credentialManagement(boolean value) {
        credentialManagement = value;
        return this;
    }

    /**
     * Sets {@code makeCredUvNotRqd}: when true, a key with a PIN still makes
     * non-discoverable credentials without verification (CTAP 2.1 section 6.1.2).
     */
    public AuthenticatorConfig makeCredUvNotRequired(boolean value) {
        makeCredUvNotRequired = value;
        return this;
    }

    /** Makes a CTAP1/U2F-only key: CTAPHID without the CBOR capability. */
    public AuthenticatorConfig u2fOnly(boolean value) {
        u2fOnly = value;
        return this;
    }

    public AuthenticatorConfig minPinLength(int value) {
        minPinLength = value;
        return this;
    }

    /** Sets the number of discoverable credentials the key stores; 0 makes it full. */
    public AuthenticatorConfig maxResidentKeys(int value) {
        maxResidentKeys = value;
        return this;
    }

    public AuthenticatorConfig pinUvAuthProtocols(List<Integer> value) {
        pinUvAuthProtocols = List.copyOf(value);
        return this;
    }

    public AuthenticatorConfig touch(Touch value) {
        touch = value;
        return this;
    }

    public AuthenticatorConfig touchDelay(Duration value) {
        touchDelay = value;
        return this;
    }

    /** Sets how long the key waits for a touch before CTAP2_ERR_USER_ACTION_TIMEOUT. */
    public AuthenticatorConfig userActionTimeout(Duration value) {
        userActionTimeout = value;
        return this;
    }

    public AuthenticatorConfig keepAliveInterval(Duration value) {
        keepAliveInterval = value;
        return this;
    }

    /** Sets how long after power-up authenticatorReset is allowed. */
    public AuthenticatorConfig resetWindow(Duration value) {
        resetWindow = value;
        return this;
    }

    /** Sets whether the NFC interface accepts extended-length APDUs, else it returns 6700. */
    public AuthenticatorConfig nfcExtendedLength(boolean value) {
        nfcExtendedLength = value;
        return this;
    }

    /** Sets whether the NFC interface accepts command chaining, else it returns 6884. */
    public AuthenticatorConfig nfcCommandChaining(boolean value) {
        nfcCommandChaining = value;
        return this;
    }

    /**
     * Sets the maximum number of response data bytes in one NFC response APDU, below the
     * client's Le, so tests can force response chaining (61xx and GET RESPONSE).
     *
     * @param bytes from 1 to 65536, the default, which leaves the limit to Le
     */
    public AuthenticatorConfig nfcResponseChunk(int bytes) {
        if (bytes < 1 || bytes > CommandApdu.MAX_EXTENDED_NE) {
            throw new IllegalArgumentException("NFC response chunk must be 1 to "
                    + CommandApdu.MAX_EXTENDED_NE + " bytes, not " + bytes);
        }
        nfcResponseChunk = bytes;
        return this;
    }

    public AuthenticatorConfig product(String value) {
        product = value;
        return this;
    }
}
