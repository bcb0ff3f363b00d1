package com.advapacs.clinician.server.totp;

import com.advapacs.clinician.server.http.Timestamps;
import com.advapacs.clinician.server.store.TotpFactorRecord;
import java.util.Optional;

/**
 * The {@code totp} object of the API: {@code state} is "none" or "active"; a pending enrolment
 * is not shown. Timestamps are ISO-8601 UTC strings.
 */
public record TotpStatus(String state, String name, String createdAt, String lastUsedAt) {

    public static TotpStatus of(Optional<TotpFactorRecord> activeFactor) {
        return activeFactor.map(TotpStatus::active)
                .orElse(new TotpStatus("none", null, null, null));
    }

    public static TotpStatus active(TotpFactorRecord factor) {
        return new TotpStatus("active", factor.name(), Timestamps.format(factor.createdAt()),
                Timestamps.format(factor.lastUsedAt()));
    }
}
