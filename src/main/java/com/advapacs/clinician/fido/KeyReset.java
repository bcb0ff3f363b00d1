package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;

/**
 * Resets a key to factory state ({@code fido_dev_reset}, authenticatorReset): every
 * passkey on it and its PIN are erased. This is the only way out of a blocked PIN.
 */
public final class KeyReset {

    private KeyReset() {
    }

    /**
     * Resets the key after the user touches it. Keys allow this only shortly after being
     * plugged in: 10 seconds by the CTAP standard as Yubico documents it, 5 seconds on a
     * YubiKey 5 NFC by a libfido2 report. Later the call fails with
     * {@link FidoProblem#NOT_ALLOWED}, whose next step is to reinsert the key.
     */
    public static void reset(FidoDevice device) throws FidoException {
        RegistrationCeremony.requireFido2(device);
        device.call((library, handle) -> {
            long start = System.nanoTime();
            int code = library.fido_dev_reset(handle);
            if (code != FidoErrorCode.SUCCESS) {
                throw device.failure(code, "fido_dev_reset", start);
            }
            return null;
        });
        device.refreshInfo();
    }
}
