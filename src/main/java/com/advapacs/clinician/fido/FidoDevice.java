package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.advapacs.clinician.fido.jna.LibFido2;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opened key ({@code fido_dev_t}). Calls into libfido2 run one at a time; only
 * {@link #cancel()} may be called from another thread while one is running.
 *
 * <p>The time-out is a budget for each whole call, including the time the user takes to
 * touch the key ({@code fido_dev_set_timeout}). After a call ends in a time-out, the key
 * may still be working and send a late reply, which would leave the handle one reply
 * behind. So the request is cancelled and its reply read, and where that fails the next
 * call first closes and reopens the key.
 */
public final class FidoDevice implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FidoDevice.class);
    /** How long to wait for a key's reply to CTAPHID_CANCEL after a time-out. */
    private static final int DRAIN_MILLIS = 1000;

    /** Runs libfido2 calls against the open {@code fido_dev_t}. */
    @FunctionalInterface
    interface DeviceCall<T> {
        T run(LibFido2 library, Pointer device) throws FidoException;
    }

    private final LibFido2 library;
    private final DeviceEntry entry;
    private final int timeoutMillis;
    private final Object callLock = new Object();
    private final ReadWriteLock handleLock = new ReentrantReadWriteLock();
    private Pointer handle;
    /** Kept here so JNA does not free the callbacks while libfido2 may call them. */
    private Object callbacks;
    private DeviceInfo info;
    private volatile boolean windowsHello;
    private boolean reopenNeeded;

    private FidoDevice(LibFido2 library, DeviceEntry entry, int timeoutMillis) {
        this.library = library;
        this.entry = entry;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Opens a key and reads its getInfo.
     *
     * @param timeout budget for each call on the key, or null for no limit
     */
    public static FidoDevice open(DeviceEntry entry, Duration timeout) throws FidoException {
        int millis = timeout == null ? -1 : Math.toIntExact(timeout.toMillis());
        FidoDevice device = new FidoDevice(Fido2Library.get(), entry, millis);
        synchronized (device.callLock) {
            device.openHandle();
        }
        return device;
    }

    public DeviceEntry entry() {
        return entry;
    }

    /**
     * Returns whether libfido2 opened Windows Hello ({@code fido_dev_is_winhello}): Windows
     * then shows its own dialog for user verification, so the app sends no PIN itself.
     */
    public boolean windowsHello() {
        return windowsHello;
    }

    /** Returns the getInfo read when the key was opened or last changed its PIN. */
    public DeviceInfo info() {
        synchronized (callLock) {
            return info;
        }
    }

    /**
     * Asks the key to abandon the running request ({@code fido_dev_cancel}), from any
     * thread. The blocked call then fails with {@link FidoProblem#CANCELLED}.
     */
    public void cancel() {
        handleLock.readLock().lock();
        try {
            if (handle != null) {
                int code = library.fido_dev_cancel(handle);
                LOG.debug("fido_dev_cancel on {} returned {}", entry.path(), code);
            }
        } finally {
            handleLock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        synchronized (callLock) {
            closeHandle();
        }
    }

    /** Runs {@code call} on the open key, reopening it first after a transport failure. */
    <T> T call(DeviceCall<T> call) throws FidoException {
        synchronized (callLock) {
            if (handle == null || reopenNeeded) {
                closeHandle();
                openHandle();
            }
            return call.run(library, handle);
        }
    }

    /** Re-reads getInfo, for example after a PIN was set. */
    void refreshInfo() throws FidoException {
        synchronized (callLock) {
            info = DeviceInfoReader.read(library, handle, entry);
        }
    }

    /**
     * Turns a libfido2 return code into the exception to throw: re-reads the PIN retries
     * after a wrong PIN, and after a transport failure cancels the request and marks the
     * handle for reopening.
     */
    FidoException failure(int code, String operation, long startNanos) {
        if (code == FidoErrorCode.PIN_INVALID) {
            IntByReference retries = new IntByReference();
            int retryCode = library.fido_dev_get_retry_count(handle, retries);
            OptionalInt left = retryCode == FidoErrorCode.SUCCESS
                    ? OptionalInt.of(retries.getValue()) : OptionalInt.empty();
            return new FidoException(FidoProblem.PIN_INVALID, code, left,
                    operation + " returned " + code, null);
        }
        // Windows Hello has no HID channel that could be left one reply behind.
        if (!windowsHello && (code == FidoErrorCode.TX || code == FidoErrorCode.RX)) {
            reopenNeeded = code == FidoErrorCode.TX || !cancelAndDrain();
            long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
            if (timeoutMillis >= 0 && elapsedMillis >= timeoutMillis) {
                return new FidoException(FidoProblem.TIMED_OUT, code, OptionalInt.empty(),
                        operation + " timed out after " + elapsedMillis + " ms", null);
            }
        }
        return new FidoException(FidoProblem.fromCode(code, windowsHello), code,
                OptionalInt.empty(), operation + " returned " + code, null);
    }

    /**
     * Cancels the request the key may still be working on and reads its final reply, so
     * the handle is in step again. Returns false when no reply came; the caller then
     * reopens the key.
     *
     * <p>{@code fido_dev_get_touch_status} serves as the reader because it reads one
     * CTAPHID_CBOR status and skips keep-alive frames. It reports a status it read (such
     * as KEEPALIVE_CANCEL) as its return code, and a read that found nothing as success
     * with {@code touched} 0.
     */
    private boolean cancelAndDrain() {
        if (library.fido_dev_is_fido2(handle) == 0) {
            return false;
        }
        library.fido_dev_cancel(handle);
        IntByReference touched = new IntByReference();
        int status = library.fido_dev_get_touch_status(handle, touched, DRAIN_MILLIS);
        LOG.debug("Reply after cancelling on {}: status {}, touched {}", entry.path(), status,
                touched.getValue());
        return status != FidoErrorCode.SUCCESS || touched.getValue() != 0;
    }

    private void openHandle() throws FidoException {
        Pointer device = library.fido_dev_new();
        if (device == null) {
            throw FidoException.fromCode(FidoErrorCode.INTERNAL, "fido_dev_new");
        }
        Object linkCallbacks = null;
        int code = library.fido_dev_set_timeout(device, timeoutMillis);
        if (code == FidoErrorCode.SUCCESS && entry.connector() != null) {
            try {
                linkCallbacks = entry.connector().install(library, device);
            } catch (FidoException | RuntimeException e) {
                library.fido_dev_free(new PointerByReference(device));
                throw e;
            }
        }
        if (code == FidoErrorCode.SUCCESS) {
            // NOTE: tests reach only keys through a connector. USB keys take libfido2's own
            // HID handlers through the same fido_dev_open call, untested without hardware.
            code = library.fido_dev_open(device, entry.path());
        }
        if (code != FidoErrorCode.SUCCESS) {
            library.fido_dev_free(new PointerByReference(device));
            throw FidoException.fromCode(code, "fido_dev_open " + entry.path());
        }
        handleLock.writeLock().lock();
        try {
            handle = device;
            callbacks = linkCallbacks;
        } finally {
            handleLock.writeLock().unlock();
        }
        reopenNeeded = false;
        windowsHello = library.fido_dev_is_winhello(device) != 0;
        try {
            info = DeviceInfoReader.read(library, device, entry);
        } catch (FidoException e) {
            closeHandle();
            throw e;
        }
    }

    private void closeHandle() {
        handleLock.writeLock().lock();
        try {
            if (handle != null) {
                library.fido_dev_close(handle);
                library.fido_dev_free(new PointerByReference(handle));
            }
            handle = null;
            callbacks = null;
        } finally {
            handleLock.writeLock().unlock();
        }
    }
}
