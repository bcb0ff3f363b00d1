package com.advapacs.clinician.fido.virtual;

/** The CTAPHID transaction of a running CTAP command: its cancel flag and keep-alives. */
interface CommandContext {

    /** CTAPHID_KEEPALIVE status: still processing. */
    int STATUS_PROCESSING = 1;
    /** CTAPHID_KEEPALIVE status: waiting for the user's touch. */
    int STATUS_UPNEEDED = 2;

    /** Returns whether the platform sent CTAPHID_CANCEL for this transaction. */
    boolean cancelled();

    /** Sends one CTAPHID_KEEPALIVE frame with {@code status}. */
    void keepAlive(int status);
}
