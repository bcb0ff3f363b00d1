package com.advapacs.clinician.fido.virtual;

/** Aborts a command because the virtual key was unplugged; no reply is sent. */
final class DeviceRemovedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DeviceRemovedException() {
        super("virtual key unplugged");
    }
}
