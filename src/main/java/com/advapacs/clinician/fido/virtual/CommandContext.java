package com.advapacs.clinician.fido.virtual;

/**
 * The transport transaction of a running CTAP command (CTAPHID, or NFCCTAP over ISO 7816):
 * its cancel flag, its keep-alive status updates and whether the key lost its connection.
 */
interface CommandContext {

    /** CTAPHID_KEEPALIVE status: still processing. */
    int STATUS_PROCESSING = 1;
    /** CTAPHID_KEEPALIVE status: waiting for the user's touch. */
    int STATUS_UPNEEDED = 2;

    /** Returns whether the platform cancelled the transaction, e.g. by CTAPHID_CANCEL. */
    boolean cancelled();

    /** Reports that the command is still running, with {@code status}, to the platform. */
    void keepAlive(int status);

    /**
     * Returns whether the transport lost the key, e.g. an NFC card that left the field, so
     * the command ends with {@link DeviceRemovedException} and sends no reply.
     */
    default boolean removed() {
        return false;
    }
}
