package com.advapacs.clinician.fido.nfc;

import static com.advapacs.clinician.fido.nfc.NfcFaultTest.bytes;
import static com.advapacs.clinician.fido.nfc.NfcFaultTest.isCommand;
import static com.advapacs.clinician.fido.nfc.NfcFaultTest.withStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.FidoDevice;
import com.advapacs.clinician.fido.TouchSelector;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig.Touch;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cards that are not keys, or that fail, in vsmartcard's virtual readers, as the app finds
 * them through pcscd and javax.smartcardio.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PcscCardFaultTest {

    private static final String FIRST_READER = VpcdCard.readerName(VpcdCard.FIRST_PORT);
    private static final String SECOND_READER = VpcdCard.readerName(VpcdCard.SECOND_PORT);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int INS_SELECT = 0xA4;
    private static final int CLA_CTAP = 0x80;
    private static final int INS_CTAP_CONTROL = 0x12;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void startPcscd() {
        PcscDaemon.ensureRunning();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void badgeNotListedAsKey() throws Exception {
        AtomicInteger selects = new AtomicInteger();
        PcscDeviceSource source = new PcscDeviceSource();
        try (VpcdCard badge = VpcdCard.insert(command -> {
            if (isCommand(command, 0x00, INS_SELECT)) {
                selects.incrementAndGet();
            }
            return bytes(0x6A, 0x82);
        }, VpcdCard.SECOND_PORT)) {
            assertTrue(source.readers().contains(SECOND_READER), source.readers().toString());

            assertEquals(List.of(), onReader(source.devices(), SECOND_READER));
            assertEquals(List.of(), onReader(source.devices(), SECOND_READER));
            assertEquals(1, selects.get(), "the badge is probed once while it stays");
        }
    }

    @Test
    void otherAppletNotListed() throws Exception {
        assertNotListed(command -> withStatus("PIV".getBytes(StandardCharsets.US_ASCII),
                0x9000));
    }

    @Test
    void shortResponseNotListed() throws Exception {
        assertNotListed(command -> bytes(0x90));
    }

    @Test
    void cardLeavingDuringSelectNotListed() throws Exception {
        assertNotListed(command -> {
            throw new IllegalStateException("the card left the field");
        });
    }

    @Test
    void keyAndBadgeOnTwoReaders() throws Exception {
        PcscDeviceSource source = new PcscDeviceSource();
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                VpcdCard keyCard = VpcdCard.insert(key, VpcdCard.FIRST_PORT);
                VpcdCard badge = VpcdCard.insert(command -> bytes(0x6A, 0x82),
                        VpcdCard.SECOND_PORT)) {
            List<DeviceEntry> entries = onVpcdReaders(source.devices());

            assertEquals(List.of(PcscDeviceSource.PATH_PREFIX + FIRST_READER),
                    entries.stream().map(DeviceEntry::path).toList());
            try (FidoDevice chosen = new TouchSelector().select(entries, TIMEOUT)) {
                assertTrue(chosen.info().fido2());
            }
        }
    }

    @Test
    void twoKeysOnTwoReaders() throws Exception {
        AtomicInteger firstEnds = new AtomicInteger();
        PcscDeviceSource source = new PcscDeviceSource();
        AuthenticatorConfig manual = new AuthenticatorConfig().touch(Touch.MANUAL)
                .userActionTimeout(Duration.ofSeconds(20));
        try (VirtualAuthenticator first = new VirtualAuthenticator(manual);
                VirtualAuthenticator second = new VirtualAuthenticator(manual);
                VpcdCard firstCard = VpcdCard.insert(command -> {
                    if (isCommand(command, CLA_CTAP, INS_CTAP_CONTROL)) {
                        firstEnds.incrementAndGet();
                    }
                    return first.nfcCard().transmit(command);
                }, VpcdCard.FIRST_PORT);
                VpcdCard secondCard = VpcdCard.insert(second, VpcdCard.SECOND_PORT)) {
            List<DeviceEntry> entries = onVpcdReaders(source.devices());
            assertEquals(2, entries.size(), entries.toString());
            Future<FidoDevice> pending = executor.submit(() ->
                    new TouchSelector().select(entries, TIMEOUT));
            assertTrue(first.awaitTouchPrompts(1, Duration.ofSeconds(10)));
            assertTrue(second.awaitTouchPrompts(1, Duration.ofSeconds(10)));

            second.touch();

            try (FidoDevice chosen = pending.get(10, TimeUnit.SECONDS)) {
                assertEquals(PcscDeviceSource.PATH_PREFIX + SECOND_READER, chosen.entry().path());
                assertEquals(1, firstEnds.get(), "the other key stopped waiting for a touch");
            }
        }
    }

    @Test
    void connectionsToOneReaderCloseApart() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
                VpcdCard inserted = VpcdCard.insert(key, VpcdCard.SECOND_PORT)) {
            PcscCardConnection first = PcscCardConnection.open(inserted.terminal());
            PcscCardConnection second = PcscCardConnection.open(inserted.terminal());

            first.close();
            first.close();

            try {
                byte[] response = second.transmit(CommandApdus.select());
                assertEquals(ResponseApdu.OK, ResponseApdu.parse(response).statusWord());
            } finally {
                second.close();
            }
            assertEquals(ResponseApdu.OK, selectOnce(inserted), "a later connection works");
        }
    }

    private static int selectOnce(VpcdCard inserted) throws Exception {
        PcscCardConnection connection = PcscCardConnection.open(inserted.terminal());
        try {
            return ResponseApdu.parse(connection.transmit(CommandApdus.select())).statusWord();
        } finally {
            connection.close();
        }
    }

    private static void assertNotListed(UnaryOperator<byte[]> card) throws Exception {
        PcscDeviceSource source = new PcscDeviceSource();
        try (VpcdCard inserted = VpcdCard.insert(card, VpcdCard.SECOND_PORT)) {
            assertEquals(List.of(), onReader(source.devices(), SECOND_READER));
        }
    }

    private static List<DeviceEntry> onVpcdReaders(List<DeviceEntry> entries) {
        return entries.stream()
                .filter(entry -> entry.path().startsWith(PcscDeviceSource.PATH_PREFIX
                        + PcscDaemon.VPCD_READER_PREFIX))
                .toList();
    }

    private static List<DeviceEntry> onReader(List<DeviceEntry> entries, String reader) {
        return entries.stream()
                .filter(entry -> entry.path().equals(PcscDeviceSource.PATH_PREFIX + reader))
                .toList();
    }
}
