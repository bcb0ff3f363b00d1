package com.advapacs.clinician.fido.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LibFido2LoaderTest {

    @Test
    void loadsSystemLibrary() throws Exception {
        LibFido2 library = LibFido2Loader.load();

        assertEquals("FIDO_ERR_PIN_INVALID", library.fido_strerr(0x31));
        assertEquals("FIDO_ERR_TX", library.fido_strerr(-1));
    }

    @Test
    void missingBundledCopyFallsBackToSystem() throws Exception {
        LibFido2 library = LibFido2Loader.loadFirst(
                List.of("/nonexistent/libfido2.so.1", "fido2"));

        assertEquals("FIDO_ERR_SUCCESS", library.fido_strerr(0));
    }

    @Test
    void unavailableLibraryNamesPackage() {
        LibFido2UnavailableException e = assertThrows(LibFido2UnavailableException.class,
                () -> LibFido2Loader.loadFirst(List.of("/nonexistent/libfido2.so.1",
                        "fido2-not-installed")));

        assertTrue(e.getMessage().contains("sudo apt-get install libfido2-1"), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/libfido2.so.1"), e.getMessage());
    }

    @Test
    void libraryWithoutFido2SymbolsRejected() {
        // zlib is a real shared library but lacks fido_cbor_info_rk_remaining.
        assertThrows(LibFido2UnavailableException.class,
                () -> LibFido2Loader.loadFirst(List.of("z")));
    }
}
