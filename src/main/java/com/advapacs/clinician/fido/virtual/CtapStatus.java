package com.advapacs.clinician.fido.virtual;

/** CTAP status codes a virtual authenticator returns (CTAP 2.1 section 8.2). */
final class CtapStatus {

    static final int OK = 0x00;
    static final int INVALID_COMMAND = 0x01;
    static final int INVALID_PARAMETER = 0x02;
    static final int INVALID_LENGTH = 0x03;
    static final int INVALID_SEQ = 0x04;
    static final int CHANNEL_BUSY = 0x06;
    static final int INVALID_CHANNEL = 0x0b;
    static final int CBOR_UNEXPECTED_TYPE = 0x11;
    static final int INVALID_CBOR = 0x12;
    static final int MISSING_PARAMETER = 0x14;
    static final int CREDENTIAL_EXCLUDED = 0x19;
    static final int UNSUPPORTED_ALGORITHM = 0x26;
    static final int OPERATION_DENIED = 0x27;
    static final int KEY_STORE_FULL = 0x28;
    static final int UNSUPPORTED_OPTION = 0x2b;
    static final int INVALID_OPTION = 0x2c;
    static final int KEEPALIVE_CANCEL = 0x2d;
    static final int NO_CREDENTIALS = 0x2e;
    static final int USER_ACTION_TIMEOUT = 0x2f;
    static final int NOT_ALLOWED = 0x30;
    static final int PIN_INVALID = 0x31;
    static final int PIN_BLOCKED = 0x32;
    static final int PIN_AUTH_INVALID = 0x33;
    static final int PIN_AUTH_BLOCKED = 0x34;
    static final int PIN_NOT_SET = 0x35;
    static final int PUAT_REQUIRED = 0x36;
    static final int PIN_POLICY_VIOLATION = 0x37;
    static final int UV_BLOCKED = 0x3c;
    static final int UNAUTHORIZED_PERMISSION = 0x40;

    private CtapStatus() {
    }
}
