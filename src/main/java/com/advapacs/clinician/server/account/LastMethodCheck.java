package com.advapacs.clinician.server.account;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.store.PasskeyStore;
import com.advapacs.clinician.server.store.TotpFactorStore;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Guards the removal of an MFA method. An account's methods are its active TOTP factor and its
 * passkeys. Removing the last one needs explicit confirmation, and is rejected while the user's
 * flag or organisation policy requires MFA.
 */
final class LastMethodCheck {
    private final UserStore users;
    private final TotpFactorStore factors;
    private final PasskeyStore passkeys;

    LastMethodCheck(UserStore users, TotpFactorStore factors, PasskeyStore passkeys) {
        this.users = users;
        this.factors = factors;
        this.passkeys = passkeys;
    }

    /**
     * Locks the user's row for the rest of the transaction. Callers lock before they look at
     * the method to remove, so that two concurrent removals cannot both take the last method.
     */
    void lock(Connection connection, long userId) throws SQLException {
        users.lock(connection, userId);
    }

    /**
     * Checks that one of the user's methods may be removed; the caller holds {@link #lock}.
     *
     * @param confirmLastMethod whether the caller confirmed removing the only method
     * @throws com.advapacs.clinician.server.http.ApiException 409 mfa_required_by_policy or
     *     last_method_confirmation_required
     */
    void requireRemovable(Connection connection, long userId, boolean confirmLastMethod)
            throws SQLException {
        UserRecord user = users.findById(connection, userId).orElseThrow();
        int methods = passkeys.countByUser(connection, userId)
                + (factors.findActive(connection, userId, false).isPresent() ? 1 : 0);
        if (methods > 1) {
            return;
        }
        if (user.mfaRequired()) {
            throw ApiErrors.mfaRequiredByPolicy();
        }
        if (!confirmLastMethod) {
            throw ApiErrors.lastMethodConfirmationRequired();
        }
    }
}
