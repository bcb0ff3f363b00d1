package com.advapacs.clinician.fido.virtual;

import com.advapacs.clinician.fido.HidReportLink;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;

/**
 * A software CTAP 2.1 security key for tests and for demo mode, where it replaces a
 * real key and is labelled as virtual. libfido2 talks to it through
 * {@code fido_dev_set_io_functions} with real CTAPHID framing via {@link #openLink()}, or
 * over loopback UDP datagrams via {@link #listenUdp(int, int)} like key simulators. Its
 * NFC interface, {@link #nfcCard()}, processes ISO/IEC 7816-4 APDUs.
 */
public final class VirtualAuthenticator implements AutoCloseable {

    private final AuthenticatorConfig config;
    private final UserPresence presence;
    private final Ctap2Authenticator authenticator;
    private final CtapHidTransport transport;
    private final NfcApplet nfcApplet;
    private final NfcCard nfcCard;

    public VirtualAuthenticator(AuthenticatorConfig config) {
        this.config = config;
        this.presence = new UserPresence(config);
        this.authenticator = new Ctap2Authenticator(config, presence);
        this.transport = new CtapHidTransport(config, authenticator, presence);
        this.nfcApplet = new NfcApplet(config, authenticator, presence);
        this.nfcCard = new NfcCard(nfcApplet);
    }

    /** Opens a report link, as the operating system opens a HID device node. */
    public HidReportLink openLink() {
        if (transport.removed()) {
            throw new IllegalStateException("virtual key is unplugged");
        }
        transport.clearOutput();
        return new HidReportLink() {
            private volatile boolean closed;

            @Override
            public void write(byte[] report) throws IOException {
                requireOpen();
                transport.receive(report);
            }

            @Override
            public byte[] read(int timeoutMillis) throws IOException {
                requireOpen();
                return transport.poll(timeoutMillis);
            }

            @Override
            public void close() {
                closed = true;
            }

            private void requireOpen() throws IOException {
                if (closed) {
                    throw new IOException("link closed");
                }
            }
        };
    }

    /**
     * Serves the key over UDP on 127.0.0.1: each datagram is one 64-byte report.
     *
     * @param port the port to listen on, 0 for an ephemeral one
     * @param replyPort where replies go, 0 for the sender of the latest datagram
     */
    public UdpFrontEnd listenUdp(int port, int replyPort) throws SocketException {
        return new UdpFrontEnd(transport, port, replyPort);
    }

    /** Returns the key's NFC interface, the same card on every call. */
    public NfcCard nfcCard() {
        return nfcCard;
    }

    /** Simulates the user touching the key (or having touched it, for the next prompt). */
    public void touch() {
        presence.touch();
    }

    /** Returns how often the key has asked for a touch so far. */
    public int touchPrompts() {
        return presence.prompts();
    }

    /** Waits until the key has asked for a touch {@code count} times in total. */
    public boolean awaitTouchPrompts(int count, Duration timeout) throws InterruptedException {
        return presence.awaitPrompts(count, timeout);
    }

    /** Returns how many CTAPHID_KEEPALIVE frames the key has sent so far. */
    public int keepAlivesSent() {
        return transport.keepAlivesSent();
    }

    /** Pulls the key out: pending and later reads and writes fail. */
    public void unplug() {
        transport.setRemoved(true);
        presence.setRemoved(true);
    }

    /** Plugs the key back in, which power-cycles it (ends a PIN auth block). */
    public void replug() {
        transport.setRemoved(false);
        presence.setRemoved(false);
        authenticator.powerUp();
    }

    public int credentialCount() {
        return authenticator.credentialCount();
    }

    public int pinRetries() {
        return authenticator.pinRetries();
    }

    public boolean pinSet() {
        return authenticator.pinSet();
    }

    public AuthenticatorConfig config() {
        return config;
    }

    @Override
    public void close() {
        transport.shutdown();
        nfcApplet.shutdown();
    }
}
