package com.advapacs.clinician.fido.jna;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code fido_dev_transport_t}: the message-level handlers that
 * {@code fido_dev_set_transport_functions} installs on a device. With them libfido2 hands
 * over whole CTAPHID-style messages (command byte and payload) instead of framing 64-byte
 * reports itself, which is what a transport without HID reports, such as NFC, needs.
 *
 * <p>The same reachability rule as for {@link FidoDevIo} applies: keep the structure and
 * its callbacks strongly reachable until {@code fido_dev_close} has returned.
 * Implementations must catch every exception and return -1, because an exception must not
 * unwind through C.
 */
@Structure.FieldOrder({"rx", "tx"})
public final class FidoDevTransport extends Structure {

    /**
     * {@code int rx(fido_dev_t *dev, uint8_t cmd, unsigned char *buf, size_t count, int ms)}:
     * copies the reply to command {@code cmd} into {@code buf} and returns its length, or -1
     * when none came within {@code ms} (-1 for no limit) or the link failed.
     */
    public interface RxCallback extends Callback {
        int invoke(Pointer device, byte command, Pointer buffer, long count, int ms);
    }

    /**
     * {@code int tx(fido_dev_t *dev, uint8_t cmd, const unsigned char *buf, size_t count)}:
     * sends one message and returns 0, or -1 on failure.
     */
    public interface TxCallback extends Callback {
        int invoke(Pointer device, byte command, Pointer buffer, long count);
    }

    public RxCallback rx;
    public TxCallback tx;

    public FidoDevTransport(RxCallback rx, TxCallback tx) {
        this.rx = rx;
        this.tx = tx;
        write();
    }
}
