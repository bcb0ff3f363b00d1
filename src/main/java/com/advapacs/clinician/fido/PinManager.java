package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;

/**
 * Sets, changes and inspects a key's PIN ({@code fido_dev_set_pin},
 * {@code fido_dev_get_retry_count}). New PINs are checked against CTAP's rules and the
 * key's minPINLength before anything is sent, so a bad PIN costs no retry.
 */
public final class PinManager {

    private PinManager() {
    }

    /** Returns how many PIN attempts the key has left before the PIN is blocked. */
    public static int retries(FidoDevice device) throws FidoException {
        return device.call((library, handle) -> {
            long start = System.nanoTime();
            IntByReference retries = new IntByReference();
            int code = library.fido_dev_get_retry_count(handle, retries);
            if (code != FidoErrorCode.SUCCESS) {
                throw device.failure(code, "fido_dev_get_retry_count", start);
            }
            return retries.getValue();
        });
    }

    /**
     * Sets the first PIN of a key that has none. Both the array passed in and the native
     * copy are wiped before this returns.
     */
    public static void setPin(FidoDevice device, char[] newPin) throws FidoException {
        try {
            Pin.validateNew(newPin, device.info().minPinLength());
            send(device, newPin, null);
        } finally {
            Pin.wipe(newPin);
        }
    }

    /** Changes the PIN; both arrays are wiped before this returns. */
    public static void changePin(FidoDevice device, char[] currentPin, char[] newPin)
            throws FidoException {
        try {
            Pin.validateNew(newPin, device.info().minPinLength());
            send(device, newPin, currentPin);
        } finally {
            Pin.wipe(newPin);
            Pin.wipe(currentPin);
        }
    }

    private static void send(FidoDevice device, char[] newPin, char[] currentPin)
            throws FidoException {
        device.call((library, handle) -> {
            Memory pin = Pin.toNative(newPin);
            Memory oldPin = currentPin == null ? null : Pin.toNative(currentPin);
            long start = System.nanoTime();
            try {
                int code = library.fido_dev_set_pin(handle, pin, oldPin);
                if (code != FidoErrorCode.SUCCESS) {
                    throw device.failure(code, "fido_dev_set_pin", start);
                }
                return null;
            } finally {
                pin.clear();
                if (oldPin != null) {
                    oldPin.clear();
                }
            }
        });
        device.refreshInfo();
    }
}
