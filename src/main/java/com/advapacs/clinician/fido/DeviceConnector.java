package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.advapacs.clinician.fido.jna.LibFido2;
import com.sun.jna.Pointer;
import java.util.function.Supplier;

/**
 * Connection of libfido2 to a key it cannot open by path: handlers installed on a new
 * {@code fido_dev_t} before {@code fido_dev_open}, such as HID reports over a link of our
 * own or CTAP messages over NFC.
 */
@FunctionalInterface
public interface DeviceConnector {

    /**
     * Installs the handlers on {@code device} and returns the object that contains their JNA
     * callbacks. The caller keeps that object strongly reachable until
     * {@code fido_dev_close} has returned, because libfido2 keeps calling the callbacks.
     */
    Object install(LibFido2 library, Pointer device) throws FidoException;

    /** Connects libfido2's own CTAPHID framing to the 64-byte reports of a link. */
    static DeviceConnector hidReports(Supplier<HidReportLink> opener) {
        return (library, device) -> {
            LinkIoCallbacks callbacks = new LinkIoCallbacks(opener);
            int code = library.fido_dev_set_io_functions(device, callbacks.io());
            if (code != FidoErrorCode.SUCCESS) {
                throw FidoException.fromCode(code, "fido_dev_set_io_functions");
            }
            return callbacks;
        };
    }
}
