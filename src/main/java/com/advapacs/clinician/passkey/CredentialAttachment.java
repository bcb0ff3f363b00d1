package com.advapacs.clinician.passkey;

import com.advapacs.clinician.fido.Transport;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code authenticatorAttachment} and {@code response.transports} that the
 * registration response reports for a new credential.
 */
record CredentialAttachment(String attachment, List<String> transports) {

    // NOTE: not checked against credentials made on a Windows computer. A Windows Hello
    // AAGUID missing here makes a platform passkey count as a security key.
    /**
     * Windows Hello's AAGUIDs (hardware, virtualisation-based and software), as the FIDO
     * Metadata Service and public passkey AAGUID lists give them.
     */
    static final Set<UUID> WINDOWS_HELLO_AAGUIDS = Set.of(
            UUID.fromString("08987058-cadc-4b81-b6e1-30de50dcbe96"),
            UUID.fromString("9ddd1817-af5a-4672-a2b9-3e3dd95000a9"),
            UUID.fromString("6028b017-b1d4-4c02-b4b3-afcdafc96bb2"));

    static final CredentialAttachment PLATFORM =
            new CredentialAttachment("platform", List.of("internal"));
    static final CredentialAttachment USB_KEY =
            new CredentialAttachment("cross-platform", List.of("usb"));
    static final CredentialAttachment NFC_KEY =
            new CredentialAttachment("cross-platform", List.of("nfc"));
    /**
     * A credential that Windows' dialog created elsewhere than in Windows Hello: on a USB
     * or NFC key, or on a phone. libfido2 does not report which transport was used.
     */
    static final CredentialAttachment KEY_THROUGH_WINDOWS =
            new CredentialAttachment("cross-platform", List.of());

    CredentialAttachment {
        transports = List.copyOf(transports);
    }

    /**
     * Decides the attachment of a new credential.
     *
     * @param transport how the app reached the authenticator; Windows Hello's dialog also
     *     offers security keys
     * @param aaguid the 16-byte AAGUID from the authenticator data
     */
    static CredentialAttachment of(Transport transport, byte[] aaguid) {
        if (transport == Transport.NFC) {
            return NFC_KEY;
        }
        if (transport != Transport.WINDOWS_HELLO) {
            // The other keys the app opens directly are USB keys, simulators and test keys
            // that exchange USB HID reports.
            return USB_KEY;
        }
        if (aaguid != null && aaguid.length == 16
                && WINDOWS_HELLO_AAGUIDS.contains(uuid(aaguid))) {
            return PLATFORM;
        }
        return KEY_THROUGH_WINDOWS;
    }

    private static UUID uuid(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
