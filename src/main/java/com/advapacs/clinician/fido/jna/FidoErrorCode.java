package com.advapacs.clinician.fido.jna;

/**
 * Return codes of libfido2 1.12 as defined in {@code fido/err.h}. Positive values are
 * CTAP status codes passed through from the key (CTAP 2.1 section 8.2); negative values
 * are raised by libfido2 itself.
 */
public final class FidoErrorCode {

    public static final int SUCCESS = 0x00;
    public static final int INVALID_COMMAND = 0x01;
    public static final int INVALID_PARAMETER = 0x02;
    public static final int INVALID_LENGTH = 0x03;
    public static final int INVALID_SEQ = 0x04;
    public static final int TIMEOUT = 0x05;
    public static final int CHANNEL_BUSY = 0x06;
    public static final int LOCK_REQUIRED = 0x0a;
    public static final int INVALID_CHANNEL = 0x0b;
    public static final int CBOR_UNEXPECTED_TYPE = 0x11;
    public static final int INVALID_CBOR = 0x12;
    public static final int MISSING_PARAMETER = 0x14;
    public static final int LIMIT_EXCEEDED = 0x15;
    public static final int UNSUPPORTED_EXTENSION = 0x16;
    public static final int FP_DATABASE_FULL = 0x17;
    public static final int LARGEBLOB_STORAGE_FULL = 0x18;
    public static final int CREDENTIAL_EXCLUDED = 0x19;
    public static final int PROCESSING = 0x21;
    public static final int INVALID_CREDENTIAL = 0x22;
    public static final int USER_ACTION_PENDING = 0x23;
    public static final int OPERATION_PENDING = 0x24;
    public static final int NO_OPERATIONS = 0x25;
    public static final int UNSUPPORTED_ALGORITHM = 0x26;
    public static final int OPERATION_DENIED = 0x27;
    public static final int KEY_STORE_FULL = 0x28;
    public static final int NOT_BUSY = 0x29;
    public static final int NO_OPERATION_PENDING = 0x2a;
    public static final int UNSUPPORTED_OPTION = 0x2b;
    public static final int INVALID_OPTION = 0x2c;
    public static final int KEEPALIVE_CANCEL = 0x2d;
    public static final int NO_CREDENTIALS = 0x2e;
    public static final int USER_ACTION_TIMEOUT = 0x2f;
    public static final int NOT_ALLOWED = 0x30;
    public static final int PIN_INVALID = 0x31;
    public static final int PIN_BLOCKED = 0x32;
    public static final int PIN_AUTH_INVALID = 0x33;
    public static final int PIN_AUTH_BLOCKED = 0x34;
    public static final int PIN_NOT_SET = 0x35;
    public static final int PIN_REQUIRED = 0x36;
    public static final int PIN_POLICY_VIOLATION = 0x37;
    public static final int PIN_TOKEN_EXPIRED = 0x38;
    public static final int REQUEST_TOO_LARGE = 0x39;
    public static final int ACTION_TIMEOUT = 0x3a;
    public static final int UP_REQUIRED = 0x3b;
    public static final int UV_BLOCKED = 0x3c;
    public static final int UV_INVALID = 0x3f;
    public static final int UNAUTHORIZED_PERM = 0x40;
    public static final int ERR_OTHER = 0x7f;
    public static final int TX = -1;
    public static final int RX = -2;
    public static final int RX_NOT_CBOR = -3;
    public static final int RX_INVALID_CBOR = -4;
    public static final int INVALID_PARAM = -5;
    public static final int INVALID_SIG = -6;
    public static final int INVALID_ARGUMENT = -7;
    public static final int USER_PRESENCE_REQUIRED = -8;
    public static final int INTERNAL = -9;
    public static final int NOTFOUND = -10;
    public static final int COMPRESS = -11;

    private FidoErrorCode() {
    }
}
