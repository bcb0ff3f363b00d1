package com.advapacs.clinician.passkey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.FidoProblem;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    @Test
    void summaryNamesKeyStepAndCode() {
        Diagnostics diagnostics = new Diagnostics(null, () -> "/usr/lib/libfido2.so.1");
        diagnostics.key(new SecurityKeys.KeyDetails("YubiKey 5 NFC", "Yubico", "usb",
                "2fc0579f-8113-47ea-b116-bb5a8db9202a", "328707", true, true, true, false,
                false, 4, 8, false));
        diagnostics.failure("makeCredential", new FidoException(FidoProblem.PIN_INVALID, -49,
                OptionalInt.of(7), "fido_dev_make_cred returned -49", null));

        String summary = diagnostics.summary();

        assertTrue(summary.contains("Key: Yubico YubiKey 5 NFC"), summary);
        assertTrue(summary.contains("AAGUID: 2fc0579f-8113-47ea-b116-bb5a8db9202a"), summary);
        assertTrue(summary.contains("Firmware: 328707"), summary);
        assertTrue(summary.contains("Transport: usb"), summary);
        assertTrue(summary.contains("Step: makeCredential"), summary);
        assertTrue(summary.contains("Error: PIN_INVALID"), summary);
        assertTrue(summary.contains("libfido2 code: -49"), summary);
        assertTrue(summary.contains("libfido2: /usr/lib/libfido2.so.1"), summary);
        assertTrue(summary.contains("OS: "), summary);
    }

    @Test
    void summaryWithoutKeyLeavesKeyLinesOut() {
        Diagnostics diagnostics = new Diagnostics("IT desk", () -> "not available");

        String summary = diagnostics.summary();

        assertFalse(summary.contains("Key:"), summary);
        assertTrue(summary.contains("libfido2: not available"), summary);
    }
}
