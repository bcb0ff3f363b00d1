package com.advapacs.clinician.fido.nfc;

import java.io.IOException;

/** Opens a connection to the key in a reader, each time libfido2 opens the device. */
@FunctionalInterface
public interface CardOpener {

    CardConnection open() throws IOException;
}
