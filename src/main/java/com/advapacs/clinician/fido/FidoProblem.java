package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import java.util.OptionalInt;

/**
 * A problem a user can meet with a security key, with a plain message and the next step.
 * {@link #fromCode(int)} is the one mapping from libfido2 return codes to problems.
 */
public enum FidoProblem {

    PIN_INVALID("Wrong PIN.", "Enter the PIN again."),
    PIN_AUTH_BLOCKED("Too many wrong PINs in a row.",
            "Remove the key, insert it again, then enter the PIN."),
    PIN_BLOCKED("The PIN is blocked after too many wrong attempts.",
            "Only a reset of the key helps, and it erases every passkey on it."),
    PIN_NOT_SET("This key has no PIN yet.", "Set a PIN for the key, then try again."),
    PIN_REQUIRED("This key needs a PIN for this step.",
            "Enter the key's PIN, or set one if the key has none."),
    PIN_POLICY_VIOLATION("The key does not accept this PIN.",
            "Choose a PIN of 4 to 63 characters that meets the key's minimum length."),
    PIN_EXPIRED("The PIN check on the key expired.", "Enter the PIN again."),
    PIN_CHECK_FAILED("The key rejected the PIN check.",
            "Remove the key, insert it again and retry."),
    UV_BLOCKED("The key's fingerprint check is blocked after too many failed attempts.",
            "Enter the key's PIN instead, or remove the key and insert it again."),
    UV_INVALID("The key did not recognise the fingerprint.", "Try again."),
    TOUCH_TIMEOUT("The key was not touched in time.",
            "Try again and touch the key when it blinks."),
    TIMED_OUT("The key did not finish in time.", "Try again."),
    CANCELLED("The request was cancelled.", "Start again when you are ready."),
    ALREADY_REGISTERED("This key is already registered for your account.",
            "Use a different key, or keep using this one to sign in."),
    NO_CREDENTIALS("This key has no passkey for this account.",
            "Use the key you registered, or sign in another way."),
    KEY_STORE_FULL("The key has no room for another passkey.",
            "Remove a passkey you no longer need with the key maker's app, or use another "
                    + "key."),
    UNSUPPORTED_BY_KEY("This key does not support what the portal requires.",
            "Use a newer security key that supports FIDO2 passkeys."),
    NOT_FIDO2("This key supports only the older U2F standard and cannot hold a passkey.",
            "Use a security key that supports FIDO2."),
    OPERATION_DENIED("The key declined the request.",
            "Try again, and confirm on the key when it asks."),
    NOT_ALLOWED("The key does not allow this right now.",
            "Remove the key, insert it again and retry."),
    KEY_BUSY("The key is busy with another program.",
            "Close other programs that use the key, then try again."),
    KEY_REMOVED("The key was removed or stopped responding.",
            "Insert the key again and retry."),
    KEY_NOT_FOUND("No security key was found.", "Insert your key and try again."),
    PLATFORM_NOT_FOUND("This computer's own authenticator could not be reached.",
            "Try again, or add a security key instead."),
    SYSTEM_DIALOG_ENDED("Windows Security was closed or could not finish.",
            "Try again and follow the steps in the Windows Security window."),
    KEY_PROTOCOL_ERROR("The key sent a reply the app could not use.",
            "Remove the key, insert it again and retry. If it keeps happening, use "
                    + "another key."),
    LIBRARY_MISSING("The security key library libfido2 is not installed.",
            "On Debian or Ubuntu install it with 'sudo apt-get install libfido2-1', then "
                    + "restart the app."),
    APP_ERROR("The app failed while talking to the key.",
            "Try again. If it keeps happening, restart the app.");

    private final String summary;
    private final String nextStep;

    FidoProblem(String summary, String nextStep) {
        this.summary = summary;
        this.nextStep = nextStep;
    }

    /** Returns what happened, in one plain sentence. */
    public String summary() {
        return summary;
    }

    /** Returns what the user should do next. */
    public String nextStep() {
        return nextStep;
    }

    /**
     * Returns the summary, with the PIN attempts left where they are known, for example
     * "Wrong PIN. 2 attempts left."
     */
    public String message(OptionalInt pinRetriesLeft) {
        if (this != PIN_INVALID || pinRetriesLeft.isEmpty()) {
            return summary;
        }
        int left = pinRetriesLeft.getAsInt();
        return summary + " " + left + (left == 1 ? " attempt" : " attempts") + " left.";
    }

    /**
     * Maps a libfido2 return code from a Windows Hello device ({@code fido_dev_is_winhello})
     * or from any other key. Before libfido2 1.14, closing Windows' own dialog returns
     * FIDO_ERR_INTERNAL, as do other webauthn.dll failures that libfido2 does not map.
     */
    public static FidoProblem fromCode(int code, boolean windowsHello) {
        if (windowsHello && code == FidoErrorCode.INTERNAL) {
            return SYSTEM_DIALOG_ENDED;
        }
        return fromCode(code);
    }

    /** Maps a libfido2 return code (from {@code fido/err.h}) to the problem a user meets. */
    public static FidoProblem fromCode(int code) {
        switch (code) {
            case FidoErrorCode.PIN_INVALID:
                return PIN_INVALID;
            case FidoErrorCode.PIN_AUTH_BLOCKED:
                return PIN_AUTH_BLOCKED;
            case FidoErrorCode.PIN_BLOCKED:
                return PIN_BLOCKED;
            case FidoErrorCode.PIN_NOT_SET:
                return PIN_NOT_SET;
            case FidoErrorCode.PIN_REQUIRED:
                return PIN_REQUIRED;
            case FidoErrorCode.PIN_POLICY_VIOLATION:
                return PIN_POLICY_VIOLATION;
            case FidoErrorCode.PIN_TOKEN_EXPIRED:
                return PIN_EXPIRED;
            case FidoErrorCode.PIN_AUTH_INVALID:
            case FidoErrorCode.UNAUTHORIZED_PERM:
                return PIN_CHECK_FAILED;
            case FidoErrorCode.UV_BLOCKED:
                return UV_BLOCKED;
            case FidoErrorCode.UV_INVALID:
                return UV_INVALID;
            case FidoErrorCode.USER_ACTION_TIMEOUT:
                return TOUCH_TIMEOUT;
            case FidoErrorCode.ACTION_TIMEOUT:
            case FidoErrorCode.TIMEOUT:
                return TIMED_OUT;
            case FidoErrorCode.KEEPALIVE_CANCEL:
                return CANCELLED;
            case FidoErrorCode.CREDENTIAL_EXCLUDED:
                return ALREADY_REGISTERED;
            case FidoErrorCode.NO_CREDENTIALS:
            case FidoErrorCode.INVALID_CREDENTIAL:
                return NO_CREDENTIALS;
            case FidoErrorCode.KEY_STORE_FULL:
            case FidoErrorCode.LARGEBLOB_STORAGE_FULL:
                return KEY_STORE_FULL;
            case FidoErrorCode.UNSUPPORTED_OPTION:
            case FidoErrorCode.INVALID_OPTION:
            case FidoErrorCode.UNSUPPORTED_ALGORITHM:
            case FidoErrorCode.UNSUPPORTED_EXTENSION:
            case FidoErrorCode.UP_REQUIRED:
            case FidoErrorCode.USER_PRESENCE_REQUIRED:
            case FidoErrorCode.LIMIT_EXCEEDED:
            case FidoErrorCode.REQUEST_TOO_LARGE:
            case FidoErrorCode.FP_DATABASE_FULL:
                return UNSUPPORTED_BY_KEY;
            case FidoErrorCode.OPERATION_DENIED:
                return OPERATION_DENIED;
            case FidoErrorCode.NOT_ALLOWED:
                return NOT_ALLOWED;
            case FidoErrorCode.CHANNEL_BUSY:
            case FidoErrorCode.LOCK_REQUIRED:
            case FidoErrorCode.PROCESSING:
            case FidoErrorCode.USER_ACTION_PENDING:
            case FidoErrorCode.OPERATION_PENDING:
                return KEY_BUSY;
            case FidoErrorCode.TX:
            case FidoErrorCode.RX:
                return KEY_REMOVED;
            case FidoErrorCode.NOTFOUND:
                return KEY_NOT_FOUND;
            case FidoErrorCode.INVALID_COMMAND:
            case FidoErrorCode.INVALID_PARAMETER:
            case FidoErrorCode.INVALID_LENGTH:
            case FidoErrorCode.INVALID_SEQ:
            case FidoErrorCode.INVALID_CHANNEL:
            case FidoErrorCode.CBOR_UNEXPECTED_TYPE:
            case FidoErrorCode.INVALID_CBOR:
            case FidoErrorCode.MISSING_PARAMETER:
            case FidoErrorCode.NO_OPERATIONS:
            case FidoErrorCode.NOT_BUSY:
            case FidoErrorCode.NO_OPERATION_PENDING:
            case FidoErrorCode.ERR_OTHER:
            case FidoErrorCode.RX_NOT_CBOR:
            case FidoErrorCode.RX_INVALID_CBOR:
            case FidoErrorCode.INVALID_SIG:
                return KEY_PROTOCOL_ERROR;
            case FidoErrorCode.INVALID_PARAM:
            case FidoErrorCode.INVALID_ARGUMENT:
            case FidoErrorCode.INTERNAL:
            case FidoErrorCode.COMPRESS:
                return APP_ERROR;
            default:
                return code > 0 ? KEY_PROTOCOL_ERROR : APP_ERROR;
        }
    }
}
