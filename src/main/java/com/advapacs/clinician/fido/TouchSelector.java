package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the user pick one of several keys by touching it: {@code fido_dev_get_touch_begin}
 * on every key, then {@code fido_dev_get_touch_status} in turn until one is touched, then
 * {@code fido_dev_cancel} on the others. {@link #cancel()} may be called from another
 * thread.
 */
public final class TouchSelector {

    private static final Logger LOG = LoggerFactory.getLogger(TouchSelector.class);
    /** How long each status poll waits on one key before moving to the next. */
    private static final int POLL_MILLIS = 50;

    private volatile boolean cancelled;

    /**
     * Opens the keys and returns the one the user touched, still open; the others are
     * cancelled and closed. With a single key no touch is needed.
     *
     * @param timeout how long the user has to touch a key
     * @throws FidoException {@link FidoProblem#KEY_NOT_FOUND} when no key opens,
     *     {@link FidoProblem#TOUCH_TIMEOUT} or {@link FidoProblem#CANCELLED}
     */
    public FidoDevice select(List<DeviceEntry> entries, Duration timeout)
            throws FidoException {
        List<FidoDevice> devices = openAll(entries, timeout);
        if (devices.size() == 1) {
            return devices.get(0);
        }
        FidoDevice chosen = null;
        try {
            List<FidoDevice> waiting = begin(devices);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (chosen == null && !waiting.isEmpty()) {
                if (cancelled) {
                    throw FidoException.of(FidoProblem.CANCELLED, "touch selection");
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw FidoException.of(FidoProblem.TOUCH_TIMEOUT, "touch selection");
                }
                chosen = pollOnce(waiting);
            }
            if (chosen == null) {
                throw FidoException.of(FidoProblem.KEY_NOT_FOUND,
                        "no key responded to the touch request");
            }
            return chosen;
        } finally {
            for (FidoDevice device : devices) {
                if (device != chosen) {
                    device.cancel();
                    device.close();
                }
            }
        }
    }

    /** Stops a running {@link #select}, which then fails with CANCELLED. */
    public void cancel() {
        cancelled = true;
    }

    private static List<FidoDevice> openAll(List<DeviceEntry> entries, Duration timeout)
            throws FidoException {
        List<FidoDevice> devices = new ArrayList<>();
        for (DeviceEntry entry : entries) {
            try {
                devices.add(FidoDevice.open(entry, timeout));
            } catch (FidoException e) {
                LOG.warn("Skipping key {} that failed to open: {}", entry.path(),
                        e.getMessage());
            }
        }
        if (devices.isEmpty()) {
            throw FidoException.of(FidoProblem.KEY_NOT_FOUND, entries.size() + " listed");
        }
        return devices;
    }

    private static List<FidoDevice> begin(List<FidoDevice> devices) {
        List<FidoDevice> waiting = new ArrayList<>();
        for (FidoDevice device : devices) {
            try {
                int code = device.call((library, handle) ->
                        library.fido_dev_get_touch_begin(handle));
                if (code == FidoErrorCode.SUCCESS) {
                    waiting.add(device);
                } else {
                    LOG.warn("fido_dev_get_touch_begin on {} returned {}",
                            device.entry().path(), code);
                }
            } catch (FidoException e) {
                LOG.warn("Touch request to {} failed: {}", device.entry().path(),
                        e.getMessage());
            }
        }
        return waiting;
    }

    /** Polls each waiting key once; drops keys that fail and returns a touched one. */
    private static FidoDevice pollOnce(List<FidoDevice> waiting) {
        for (FidoDevice device : new ArrayList<>(waiting)) {
            IntByReference touched = new IntByReference();
            int code;
            try {
                code = device.call((library, handle) ->
                        library.fido_dev_get_touch_status(handle, touched, POLL_MILLIS));
            } catch (FidoException e) {
                code = FidoErrorCode.INTERNAL;
            }
            if (code != FidoErrorCode.SUCCESS) {
                LOG.warn("fido_dev_get_touch_status on {} returned {}",
                        device.entry().path(), code);
                waiting.remove(device);
            } else if (touched.getValue() != 0) {
                return device;
            }
        }
        return null;
    }
}
