package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoDevIo;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code fido_dev_io_t} handlers that connect one libfido2 device to a
 * {@link HidReportLink}. Each write from libfido2 is 65 bytes (report id 0, then one
 * 64-byte CTAPHID frame) and must return 65; each read must return exactly 64 bytes or -1.
 *
 * <p>The owner keeps this object strongly reachable until {@code fido_dev_close} returns,
 * because JNA frees the native stubs of collected callbacks and libfido2 would then call
 * freed code. The callbacks catch everything: an exception must not unwind through C.
 */
final class LinkIoCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(LinkIoCallbacks.class);

    /** Opaque non-NULL handle returned to libfido2; the link itself is a field here. */
    private static final Pointer HANDLE = new Pointer(1);

    private final Supplier<HidReportLink> opener;
    private volatile HidReportLink link;

    private final FidoDevIo.OpenCallback open = this::open;
    private final FidoDevIo.CloseCallback close = this::close;
    private final FidoDevIo.ReadCallback read = this::read;
    private final FidoDevIo.WriteCallback write = this::write;
    private final FidoDevIo io = new FidoDevIo(open, close, read, write);

    LinkIoCallbacks(Supplier<HidReportLink> opener) {
        this.opener = opener;
    }

    FidoDevIo io() {
        return io;
    }

    private Pointer open(Pointer path) {
        try {
            link = opener.get();
            return link == null ? null : HANDLE;
        } catch (RuntimeException e) {
            LOG.warn("Opening the key link failed", e);
            return null;
        }
    }

    private void close(Pointer handle) {
        HidReportLink current = link;
        link = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the key link failed", e);
            }
        }
    }

    private int read(Pointer handle, Pointer buffer, long length, int ms) {
        HidReportLink current = link;
        if (current == null || length < HidReportLink.REPORT_SIZE) {
            return -1;
        }
        try {
            byte[] report = current.read(ms);
            if (report == null) {
                return -1;
            }
            buffer.write(0, report, 0, HidReportLink.REPORT_SIZE);
            return HidReportLink.REPORT_SIZE;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Reading from the key link failed: {}", e.toString());
            return -1;
        }
    }

    private int write(Pointer handle, Pointer buffer, long length) {
        HidReportLink current = link;
        if (current == null || length != HidReportLink.REPORT_SIZE + 1L) {
            return -1;
        }
        try {
            // Byte 0 is the HID report id, always 0 for FIDO keys.
            current.write(buffer.getByteArray(1, HidReportLink.REPORT_SIZE));
            return (int) length;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Writing to the key link failed: {}", e.toString());
            return -1;
        }
    }
}
