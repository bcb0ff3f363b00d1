package com.advapacs.clinician.fido;

/** Connection type between the app and a key. */
public enum Transport {
    /** USB HID, opened by libfido2 itself. */
    USB,
    /** A firmware simulator on loopback UDP, a developer option. */
    UDP_SIMULATOR,
    /** A key held on a PC/SC contactless reader, reached with CTAP over ISO 7816. */
    NFC,
    /** A key reached through a {@link HidReportLink} that a caller supplies, such as tests. */
    CUSTOM
}
