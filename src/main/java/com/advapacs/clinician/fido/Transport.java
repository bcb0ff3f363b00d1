package com.advapacs.clinician.fido;

/** Connection type between the app and a key. */
public enum Transport {
    /** USB HID, opened by libfido2 itself. */
    USB,
    /**
     * Windows Hello through {@code webauthn.dll}, which libfido2 lists and opens at
     * {@link DeviceEntry#WINDOWS_HELLO_PATH}. Windows then shows its own dialog, which also
     * reaches USB keys for processes without administrator rights.
     */
    WINDOWS_HELLO,
    /** A firmware simulator on loopback UDP, a developer option. */
    UDP_SIMULATOR,
    /** A key held on a PC/SC contactless reader, reached with CTAP over ISO 7816. */
    NFC,
    /** A key reached through a {@link HidReportLink} that a caller supplies, such as tests. */
    CUSTOM
}
