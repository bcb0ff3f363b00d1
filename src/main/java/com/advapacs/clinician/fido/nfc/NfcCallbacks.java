package com.advapacs.clinician.fido.nfc;

import com.advapacs.clinician.fido.DeviceConnector;
import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.jna.FidoDevIo;
import com.advapacs.clinician.fido.jna.FidoDevTransport;
import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.advapacs.clinician.fido.jna.LibFido2;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libfido2 handlers of one NFC key. libfido2 1.12 as Debian builds it has no PC/SC
 * support, so the app installs its own transport ({@code fido_dev_set_transport_functions}):
 * libfido2 hands over whole messages, as it would frame them for CTAPHID, and these
 * handlers carry them over ISO 7816 through a {@link CtapNfcSession}. The same ceremonies,
 * PIN handling and error mapping then serve USB and NFC keys.
 *
 * <p>The messages are CTAPHID_INIT (sent as SELECT), CTAPHID_CBOR (NFCCTAP_MSG),
 * CTAPHID_MSG (a U2F APDU, sent as it is) and CTAPHID_CANCEL, which arrives on another
 * thread while the ceremony's thread polls. The I/O handlers only open and close the card:
 * with a transport installed, libfido2 does not read or write reports.
 *
 * <p>The owner keeps this object strongly reachable until {@code fido_dev_close} returns,
 * and no callback throws.
 */
final class NfcCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(NfcCallbacks.class);

    static final int CMD_MSG = 0x03;
    static final int CMD_INIT = 0x06;
    static final int CMD_CBOR = 0x10;
    static final int CMD_CANCEL = 0x11;
    /** Size of libfido2's CTAPHID_INIT reply: nonce, channel, versions, capabilities. */
    static final int INIT_REPLY_LENGTH = 17;
    private static final int NONCE_LENGTH = 8;
    private static final int CAPABILITY_CBOR = 0x04;
    private static final int CAPABILITY_NMSG = 0x08;
    private static final int CTAPHID_PROTOCOL = 2;
    /** Channel id reported to libfido2; NFC has no channels, any value but broadcast does. */
    private static final int CHANNEL = 1;
    /** Opaque non-NULL handle returned to libfido2; the session itself is a field here. */
    private static final Pointer HANDLE = new Pointer(1);

    private final CardOpener opener;
    private volatile CtapNfcSession session;
    private byte[] nonce;
    private CtapNfcSession.Applet applet;
    private byte[] u2fReply;

    private final FidoDevIo.OpenCallback open = this::open;
    private final FidoDevIo.CloseCallback close = this::close;
    private final FidoDevIo.ReadCallback read = (handle, buffer, length, ms) -> -1;
    private final FidoDevIo.WriteCallback write = (handle, buffer, length) -> -1;
    private final FidoDevIo io = new FidoDevIo(open, close, read, write);
    private final FidoDevTransport.RxCallback rx = this::rx;
    private final FidoDevTransport.TxCallback tx = this::tx;
    private final FidoDevTransport transport = new FidoDevTransport(rx, tx);

    NfcCallbacks(CardOpener opener) {
        this.opener = opener;
    }

    /** Returns the connector that installs a new set of these handlers on each open. */
    static DeviceConnector connector(CardOpener opener) {
        return (library, device) -> new NfcCallbacks(opener).install(library, device);
    }

    private NfcCallbacks install(LibFido2 library, Pointer device) throws FidoException {
        int code = library.fido_dev_set_io_functions(device, io);
        if (code == FidoErrorCode.SUCCESS) {
            code = library.fido_dev_set_transport_functions(device, transport);
        }
        if (code != FidoErrorCode.SUCCESS) {
            throw FidoException.fromCode(code, "installing the NFC transport");
        }
        return this;
    }

    private Pointer open(Pointer path) {
        try {
            session = new CtapNfcSession(opener.open());
            return HANDLE;
        } catch (IOException | RuntimeException e) {
            LOG.info("Connecting to the key on the reader failed: {}", e.getMessage());
            return null;
        }
    }

    private void close(Pointer handle) {
        CtapNfcSession current = session;
        session = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the card connection failed", e);
            }
        }
    }

    private int tx(Pointer device, byte command, Pointer buffer, long count) {
        CtapNfcSession current = session;
        if (current == null) {
            return -1;
        }
        try {
            byte[] message = count == 0 || buffer == null ? new byte[0]
                    : buffer.getByteArray(0, Math.toIntExact(count));
            switch (command & 0xff) {
                case CMD_INIT:
                    nonce = message;
                    applet = current.select();
                    return 0;
                case CMD_CBOR:
                    current.sendCbor(message);
                    return 0;
                case CMD_MSG:
                    u2fReply = current.u2f(message);
                    return 0;
                case CMD_CANCEL:
                    current.cancel();
                    return 0;
                default:
                    LOG.debug("No NFC form for CTAPHID command {}", command & 0xff);
                    return -1;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Sending to the key on the reader failed: {}", e.toString());
            return -1;
        }
    }

    private int rx(Pointer device, byte command, Pointer buffer, long count, int ms) {
        CtapNfcSession current = session;
        if (current == null) {
            return -1;
        }
        try {
            byte[] reply;
            switch (command & 0xff) {
                case CMD_INIT:
                    reply = initReply();
                    break;
                case CMD_CBOR:
                    reply = current.receiveCbor(ms, count);
                    break;
                case CMD_MSG:
                    reply = u2fReply;
                    u2fReply = null;
                    break;
                default:
                    reply = null;
                    break;
            }
            if (reply == null || reply.length > count) {
                return -1;
            }
            buffer.write(0, reply, 0, reply.length);
            return reply.length;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Receiving from the key on the reader failed: {}", e.toString());
            return -1;
        }
    }

    /**
     * Builds the CTAPHID_INIT reply a USB key would send: the nonce echoed, a channel, and
     * the capabilities. Like libfido2's own NFC code, a "U2F_V2" key is offered CBOR too,
     * because keys such as the YubiKey 5 NFC return "U2F_V2" and speak CTAP2 as well.
     * libfido2 falls back to U2F when getInfo fails.
     */
    private byte[] initReply() {
        if (nonce == null || nonce.length != NONCE_LENGTH || applet == null) {
            return null;
        }
        int capabilities = applet == CtapNfcSession.Applet.FIDO2
                ? CAPABILITY_CBOR | CAPABILITY_NMSG : CAPABILITY_CBOR;
        return ByteBuffer.allocate(INIT_REPLY_LENGTH).put(nonce).putInt(CHANNEL)
                .put((byte) CTAPHID_PROTOCOL).put((byte) 0).put((byte) 0).put((byte) 0)
                .put((byte) capabilities).array();
    }
}
