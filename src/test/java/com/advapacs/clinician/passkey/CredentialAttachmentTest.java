package com.advapacs.clinician.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attachment and transports reported for a new credential. */
class CredentialAttachmentTest {

    @ParameterizedTest(name = "windowsHello={0} aaguid={1} -> {2} {3}")
    @CsvSource({
        "false, 2fc0579f-8113-47ea-b116-bb5a8db9202a, cross-platform, usb",
        "false, 08987058-cadc-4b81-b6e1-30de50dcbe96, cross-platform, usb",
        "true, 08987058-cadc-4b81-b6e1-30de50dcbe96, platform, internal",
        "true, 9ddd1817-af5a-4672-a2b9-3e3dd95000a9, platform, internal",
        "true, 6028b017-b1d4-4c02-b4b3-afcdafc96bb2, platform, internal",
        "true, 2fc0579f-8113-47ea-b116-bb5a8db9202a, cross-platform, ''",
        "true, 00000000-0000-0000-0000-000000000000, cross-platform, ''",
    })
    void attachmentFollowsDeviceAndAaguid(boolean windowsHello, UUID aaguid,
            String attachment, String transports) {
        CredentialAttachment decided = CredentialAttachment.of(windowsHello, bytes(aaguid));

        assertEquals(attachment, decided.attachment());
        assertEquals(transports.isEmpty() ? List.of() : List.of(transports),
                decided.transports());
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void missingAaguidIsNoPlatform(boolean windowsHello) {
        assertEquals("cross-platform",
                CredentialAttachment.of(windowsHello, new byte[0]).attachment());
        assertEquals("cross-platform",
                CredentialAttachment.of(windowsHello, null).attachment());
    }

    private static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }
}
