package com.advapacs.clinician.fido.nfc;

import com.advapacs.clinician.fido.virtual.NfcCard;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the NFC card of a {@link VirtualAuthenticator}, or a card scripted by a test, into a
 * vpcd reader of pcscd, as the vsmartcard project's virtual cards do. The card connects to
 * vpcd on 127.0.0.1 and serves its messages on a daemon thread. Each message has a 2-byte big-endian length. A 1-byte
 * message is a control code: power off, power on, reset, or get ATR, which the card replies
 * to with its ATR. A longer message is a command APDU, and the reply is the response APDU.
 *
 * <p>The vpcd readers belong to the whole machine, so a card holds a lock file for its port
 * while it is inserted, and other test JVMs that use this class wait for the reader.
 */
public final class VpcdCard implements AutoCloseable {

    /** The vpcd port of reader "Virtual PCD 00 00". The next port is reader "... 00 01". */
    public static final int FIRST_PORT = 35963;
    public static final int SECOND_PORT = FIRST_PORT + 1;

    private static final Logger LOG = LoggerFactory.getLogger(VpcdCard.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;
    private static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(10);
    private static final long PRESENCE_POLL_MILLIS = 10;
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

    private static final int CONTROL_POWER_OFF = 0x00;
    private static final int CONTROL_POWER_ON = 0x01;
    private static final int CONTROL_RESET = 0x02;
    private static final int CONTROL_GET_ATR = 0x04;

    /** ATR of a PC/SC contactless card without historical bytes, like the virtual key's. */
    private static final byte[] CONTACTLESS_ATR = {0x3b, (byte) 0x80, (byte) 0x80, 0x01, 0x01};

    private final ContactlessCard card;
    private final int port;
    private final CardTerminal terminal;
    private final Socket socket;
    private final FileLock readerLock;
    private final Thread server;
    private final AtomicInteger atrRequests = new AtomicInteger();
    private volatile boolean removing;
    private boolean removed;

    /** The card side that vpcd drives: power, ATR and APDUs. */
    private interface ContactlessCard {
        byte[] atr();

        /** Returns the response APDU, or throws IllegalStateException when the card left. */
        byte[] transmit(byte[] command);

        void powerOn();

        void powerOff();

        void reset();
    }

    private VpcdCard(ContactlessCard card, int port, CardTerminal terminal, Socket socket,
            FileLock readerLock) {
        this.card = card;
        this.port = port;
        this.terminal = terminal;
        this.socket = socket;
        this.readerLock = readerLock;
        this.server = new Thread(this::serve, "vpcd-card-" + port);
        this.server.setDaemon(true);
    }

    /**
     * Returns the name pcscd gives the vpcd reader on {@code port}: "Virtual PCD 00 00" for
     * 35963 and "Virtual PCD 00 01" for 35964, the two slots of Debian's vpcd configuration.
     */
    public static String readerName(int port) {
        if (port != FIRST_PORT && port != SECOND_PORT) {
            throw new IllegalArgumentException("vpcd listens on port " + FIRST_PORT + " or "
                    + SECOND_PORT + ", not " + port);
        }
        // NOTE: the middle number counts readers with the same name, so it is 00 only
        // while a single vpcd driver entry is configured.
        return String.format("%s 00 %02X", PcscDaemon.VPCD_READER_PREFIX, port - FIRST_PORT);
    }

    /**
     * Inserts the key's NFC card into the vpcd reader on {@code port} and returns once pcscd
     * reports the card present and has read its ATR.
     *
     * @throws IllegalStateException when pcscd is not available (see
     *     {@link PcscDaemon#ensureRunning()}), when another JVM keeps the reader for 60
     *     seconds, when the reader already contains a card, or when pcscd does not report
     *     the card within 10 seconds
     */
    public static VpcdCard insert(VirtualAuthenticator key, int port) throws IOException {
        NfcCard nfc = key.nfcCard();
        return insert(new ContactlessCard() {
            @Override
            public byte[] atr() {
                return nfc.atr();
            }

            @Override
            public byte[] transmit(byte[] command) {
                return nfc.transmit(command);
            }

            @Override
            public void powerOn() {
                nfc.powerOn();
            }

            @Override
            public void powerOff() {
                nfc.powerOff();
            }

            @Override
            public void reset() {
                nfc.reset();
            }
        }, port);
    }

    /**
     * Inserts a card whose responses come from {@code card}, a function from command APDU
     * to response APDU, into the vpcd reader on {@code port}, as
     * {@link #insert(VirtualAuthenticator, int)} does. An {@link IllegalStateException} from
     * {@code card} takes the card out of the field: vpcd gets no response, and pcscd reports
     * the reader empty. The card has the ATR {@code 3B 80 80 01 01} and ignores power control.
     */
    public static VpcdCard insert(UnaryOperator<byte[]> card, int port) throws IOException {
        return insert(new ContactlessCard() {
            @Override
            public byte[] atr() {
                return CONTACTLESS_ATR.clone();
            }

            @Override
            public byte[] transmit(byte[] command) {
                return card.apply(command);
            }

            @Override
            public void powerOn() {
            }

            @Override
            public void powerOff() {
            }

            @Override
            public void reset() {
            }
        }, port);
    }

    private static VpcdCard insert(ContactlessCard card, int port) throws IOException {
        String name = readerName(port);
        CardTerminal terminal = PcscDaemon.terminal(PcscDaemon.ensureRunning(), name);
        FileLock readerLock = lockReader(port);
        try {
            if (isCardPresent(terminal)) {
                throw new IllegalStateException("Reader \"" + name + "\" already contains a "
                        + "card, so another process is connected to vpcd on port " + port);
            }
            Socket socket = connect(port);
            VpcdCard inserted = new VpcdCard(card, port, terminal, socket, readerLock);
            inserted.server.start();
            try {
                inserted.awaitPresence(true);
            } catch (RuntimeException e) {
                inserted.disconnect();
                throw e;
            }
            return inserted;
        } catch (IOException | RuntimeException e) {
            readerLock.channel().close();
            throw e;
        }
    }

    /**
     * Waits until no other JVM has a card of this class in the reader on {@code port}, then
     * returns the lock that keeps the reader for this card.
     */
    private static FileLock lockReader(int port) throws IOException {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "advapacs-vpcd-" + port
                + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + LOCK_TIMEOUT.toNanos();
        try {
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Another process kept the vpcd reader on "
                            + "port " + port + " (lock file " + file + ") for "
                            + LOCK_TIMEOUT.toSeconds() + " s");
                }
                PcscDaemon.pause(50);
            }
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IllegalStateException("A card of this JVM is already in the vpcd reader "
                    + "on port " + port + "; remove it first", e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(LOOPBACK, port), CONNECT_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw new IOException("Failed to connect to vpcd on " + LOOPBACK + ":" + port
                    + "; is pcscd running with the vsmartcard-vpcd driver?", e);
        }
    }

    /** Returns the reader this card was inserted into. */
    public CardTerminal terminal() {
        return terminal;
    }

    /**
     * Takes the card out of the reader: closes the connection to vpcd, powers the card off
     * and returns once pcscd reports the reader empty.
     */
    public synchronized void remove() {
        if (removed) {
            return;
        }
        removed = true;
        try {
            disconnect();
            awaitPresence(false);
        } finally {
            try {
                readerLock.channel().close();
            } catch (IOException e) {
                LOG.warn("Failed to release the lock of the vpcd reader on port {}", port, e);
            }
        }
    }

    @Override
    public void close() {
        remove();
    }

    private void disconnect() {
        removing = true;
        closeSocket();
        card.powerOff();
        try {
            server.join(PRESENCE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.warn("Failed to close the vpcd connection on port {}", port, e);
        }
    }

    private void awaitPresence(boolean present) {
        long deadline = System.nanoTime() + PRESENCE_TIMEOUT.toNanos();
        while (isCardPresent(terminal) != present || (present && atrRequests.get() == 0)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("pcscd did not report the card "
                        + (present ? "present" : "absent") + " in reader \""
                        + terminal.getName() + "\" within " + PRESENCE_TIMEOUT.toSeconds()
                        + " s");
            }
            PcscDaemon.pause(PRESENCE_POLL_MILLIS);
        }
    }

    private static boolean isCardPresent(CardTerminal terminal) {
        try {
            return terminal.isCardPresent();
        } catch (CardException e) {
            throw new IllegalStateException("Failed to read the state of reader \""
                    + terminal.getName() + "\"", e);
        }
    }

    private void serve() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    socket.getOutputStream()));
            while (true) {
                acknowledgeAtOnce();
                byte[] message = new byte[in.readUnsignedShort()];
                acknowledgeAtOnce();
                in.readFully(message);
                if (message.length == 1) {
                    control(message[0] & 0xff, out);
                } else {
                    byte[] response = transmit(message);
                    if (response == null) {
                        return;
                    }
                    send(out, response);
                }
            }
        } catch (EOFException e) {
            if (!removing) {
                LOG.warn("vpcd on port {} closed the connection", port);
            }
        } catch (IOException e) {
            if (!removing) {
                LOG.error("Connection to vpcd on port {} failed", port, e);
            }
        } finally {
            closeSocket();
        }
    }

    /**
     * Makes the next received segment be acknowledged at once. vsmartcard-vpcd 3.3 (Debian
     * 12) sends the length and the message as two TCP segments, and the message waited for
     * the ACK of the length, which Linux delays by about 40 ms. With TCP_QUICKACK, which the
     * kernel clears again after a while, an APDU round trip through pcscd took about 1 ms
     * instead of 45 ms on the test machine.
     */
    private void acknowledgeAtOnce() throws IOException {
        if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)) {
            socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        }
    }

    private void control(int code, DataOutputStream out) throws IOException {
        switch (code) {
            case CONTROL_POWER_OFF:
                card.powerOff();
                break;
            case CONTROL_POWER_ON:
                card.powerOn();
                break;
            case CONTROL_RESET:
                card.reset();
                break;
            case CONTROL_GET_ATR:
                atrRequests.incrementAndGet();
                send(out, card.atr());
                break;
            default:
                LOG.warn("Ignored unknown vpcd control code {} on port {}", code, port);
                break;
        }
    }

    /**
     * Returns the card's response APDU, or null when the card is off or leaves the field
     * before it replies. Then the connection is closed, as the card is gone, so vpcd ends
     * the transmission and pcscd reports the card removed.
     */
    private byte[] transmit(byte[] commandApdu) {
        try {
            return card.transmit(commandApdu);
        } catch (IllegalStateException e) {
            if (!removing) {
                LOG.info("NFC card on vpcd port {} sent no response: {}", port, e.getMessage());
            }
            return null;
        }
    }

    private static void send(DataOutputStream out, byte[] message) throws IOException {
        out.writeShort(message.length);
        out.write(message);
        out.flush();
    }
}
