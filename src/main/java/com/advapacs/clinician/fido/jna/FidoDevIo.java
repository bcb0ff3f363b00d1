package com.advapacs.clinician.fido.jna;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code fido_dev_io_t}: the four I/O handlers that {@code fido_dev_set_io_functions}
 * installs on a device. libfido2 copies the structure, but it keeps calling the function
 * pointers, so whoever creates one must keep it (and thereby its callbacks) strongly
 * reachable until {@code fido_dev_close} has returned; JNA frees a callback's native stub
 * once the Java object is collected.
 *
 * <p>Callbacks run on the thread that called into libfido2; {@code fido_dev_cancel} calls
 * {@code write} from the cancelling thread while another thread may be blocked in
 * {@code read}. A callback must never throw: it returns -1 (or NULL) on any failure.
 */
@Structure.FieldOrder({"open", "close", "read", "write"})
public final class FidoDevIo extends Structure {

    /** {@code void *open(const char *path)}: returns a non-NULL handle or NULL. */
    public interface OpenCallback extends Callback {
        Pointer invoke(Pointer path);
    }

    /** {@code void close(void *handle)}. */
    public interface CloseCallback extends Callback {
        void invoke(Pointer handle);
    }

    /**
     * {@code int read(void *handle, unsigned char *buf, size_t len, int ms)}: returns the
     * number of bytes read (one whole report) or -1; {@code ms} is -1 for no limit.
     */
    public interface ReadCallback extends Callback {
        int invoke(Pointer handle, Pointer buffer, long length, int ms);
    }

    /** {@code int write(void *handle, const unsigned char *buf, size_t len)}. */
    public interface WriteCallback extends Callback {
        int invoke(Pointer handle, Pointer buffer, long length);
    }

    public OpenCallback open;
    public CloseCallback close;
    public ReadCallback read;
    public WriteCallback write;

    public FidoDevIo(OpenCallback open, CloseCallback close, ReadCallback read,
            WriteCallback write) {
        this.open = open;
        this.close = close;
        this.read = read;
        this.write = write;
        write();
    }
}
