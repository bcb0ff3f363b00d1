package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.LibFido2;
import com.advapacs.clinician.fido.jna.LibFido2Loader;
import com.advapacs.clinician.fido.jna.LibFido2UnavailableException;
import java.util.OptionalInt;

/** Loads libfido2 for the FIDO layer and reports a missing library as a FidoException. */
final class Fido2Library {

    private Fido2Library() {
    }

    static LibFido2 get() throws FidoException {
        try {
            return LibFido2Loader.load();
        } catch (LibFido2UnavailableException e) {
            throw new FidoException(FidoProblem.LIBRARY_MISSING, 0, OptionalInt.empty(),
                    e.getMessage(), e);
        }
    }
}
