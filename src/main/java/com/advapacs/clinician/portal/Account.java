package com.advapacs.clinician.portal;

import java.util.List;

/** The signed-in user as the portal describes them. */
public record Account(
        String email,
        String displayName,
        String organisation,
        boolean mfaRequired,
        boolean enrolmentOnly,
        TotpStatus totp,
        List<Passkey> passkeys) {

    public Account {
        passkeys = List.copyOf(passkeys);
    }

    /** Number of active second-factor methods: the authenticator app and each passkey. */
    public int methodCount() {
        return (totp.active() ? 1 : 0) + passkeys.size();
    }
}
