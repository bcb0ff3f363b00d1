package com.advapacs.clinician.fido;

import java.io.IOException;

/**
 * A link that carries 64-byte CTAPHID reports to and from a key that libfido2 does not
 * open itself: a firmware simulator over UDP, or the test tree's virtual authenticator.
 * libfido2 drives the link through {@code fido_dev_set_io_functions}, so the CTAPHID
 * framing on it is libfido2's own.
 *
 * <p>{@link #write} may be called from a cancelling thread while another thread is
 * blocked in {@link #read}, so implementations must allow that.
 */
public interface HidReportLink extends AutoCloseable {

    /** Size of one CTAPHID report on a full-speed USB HID key (CTAP 2.1 section 11.2.4). */
    int REPORT_SIZE = 64;

    /** Sends one report of {@link #REPORT_SIZE} bytes, without the HID report id. */
    void write(byte[] report) throws IOException;

    /**
     * Returns the next report of {@link #REPORT_SIZE} bytes, or null when none arrived in
     * time. A {@code timeoutMillis} of -1 waits without limit and 0 only polls.
     */
    byte[] read(int timeoutMillis) throws IOException;

    /** Closes the link; further reads and writes fail. */
    @Override
    void close();
}
