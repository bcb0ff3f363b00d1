package com.advapacs.clinician.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.fido.Transport;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attachment and transports reported for a new credential. */
class CredentialAttachmentTest {

    @ParameterizedTest(name = "{0} aaguid={1} -> {2} {3}")
    @CsvSource({
        "USB, 2fc0579f-8113-47ea-b116-bb5a8db9202a, cross-platform, usb",
        "USB, 08987058-cadc-4b81-b6e1-30de50dcbe96, cross-platform, usb",
        "WINDOWS_HELLO, 08987058-cadc-4b81-b6e1-30de50dcbe96, platform, internal",
        "WINDOWS_HELLO, 9ddd1817-af5a-4672-a2b9-3e3dd95000a9, platform, internal",
        "WINDOWS_HELLO, 6028b017-b1d4-4c02-b4b3-afcdafc96bb2, platform, internal",
        "WINDOWS_HELLO, 2fc0579f-8113-47ea-b116-bb5a8db9202a, cross-platform, ''",
        "WINDOWS_HELLO, 00000000-0000-0000-0000-000000000000, cross-platform, ''",
        "NFC, 2fc0579f-8113-47ea-b116-bb5a8db9202a, cross-platform, nfc",
        "NFC, 08987058-cadc-4b81-b6e1-30de50dcbe96, cross-platform, nfc",
        "CUSTOM, 2fc0579f-8113-47ea-b116-bb5a8db9202a, cross-platform, usb",
    })
    void attachmentFollowsDeviceAndAaguid(Transport transport, UUID aaguid,
            String attachment, String transports) {
        CredentialAttachment decided = CredentialAttachment.of(transport, bytes(aaguid));

        assertEquals(attachment, decided.attachment());
        assertEquals(transports.isEmpty() ? List.of() : List.of(transports),
                decided.transports());
    }

    @ParameterizedTest
    @CsvSource({"WINDOWS_HELLO", "USB"})
    void missingAaguidIsNoPlatform(Transport transport) {
        assertEquals("cross-platform",
                CredentialAttachment.of(transport, new byte[0]).attachment());
        assertEquals("cross-platform",
                CredentialAttachment.of(transport, null).attachment());
    }

    private static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }
}
