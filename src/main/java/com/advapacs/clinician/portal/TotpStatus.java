package com.advapacs.clinician.portal;

import java.time.Instant;

/** State of the account's authenticator app. Dates are null when unknown or never. */
public record TotpStatus(boolean active, String name, Instant createdAt, Instant lastUsedAt) {

    public static final TotpStatus NONE = new TotpStatus(false, null, null, null);
}
