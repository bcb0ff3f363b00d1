package com.advapacs.clinician.server.account;

import com.advapacs.clinician.server.auth.AccountPasswordCheck;
import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.TotpFactorRecord;
import com.advapacs.clinician.server.store.TotpFactorState;
import com.advapacs.clinician.server.store.TotpFactorStore;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.totp.CodeCheck;
import com.advapacs.clinician.server.totp.FactorCodeChecker;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the active TOTP factor after proof of presence: a fresh code or the password. TOTP is
 * the only MFA method, so removal is refused while the account's policy requires MFA.
 */
public final class TotpRemovalService {
    private static final Logger LOG = LoggerFactory.getLogger(TotpRemovalService.class);

    private final Database database;
    private final UserStore users;
    private final TotpFactorStore factors;
    private final FactorCodeChecker codeChecker;
    private final AccountPasswordCheck passwordCheck;

    public TotpRemovalService(Database database, UserStore users, TotpFactorStore factors,
            FactorCodeChecker codeChecker, AccountPasswordCheck passwordCheck) {
        this.database = database;
        this.users = users;
        this.factors = factors;
        this.codeChecker = codeChecker;
        this.passwordCheck = passwordCheck;
    }

    /** Removes the factor if {@code code} is a fresh code from it. */
    public void removeWithCode(long userId, String code) {
        CodeCheck check = database.transaction(connection -> {
            TotpFactorRecord factor = requireRemovable(connection, userId);
            CodeCheck result = codeChecker.check(connection, factor, code);
            if (result instanceof CodeCheck.Accepted) {
                factors.deleteByState(connection, userId, TotpFactorState.ACTIVE);
            }
            return result;
        });
        CodeCheck.requireAccepted(check, 422);
        LOG.info("Removed the TOTP factor of user {} after a code check", userId);
    }

    /** Removes the factor if {@code password} is the account's password. */
    public void removeWithPassword(long userId, String password) {
        database.transaction(connection -> requireRemovable(connection, userId));
        if (!passwordCheck.verify(userId, password)) {
            throw ApiErrors.invalidPassword();
        }
        database.transaction(connection ->
                factors.deleteByState(connection, userId, TotpFactorState.ACTIVE));
        LOG.info("Removed the TOTP factor of user {} after a password check", userId);
    }

    private TotpFactorRecord requireRemovable(Connection connection, long userId)
            throws SQLException {
        Optional<TotpFactorRecord> factor = factors.findActive(connection, userId, true);
        if (factor.isEmpty()) {
            throw ApiErrors.totpNotEnrolled();
        }
        UserRecord user = users.findById(connection, userId).orElseThrow();
        if (user.mfaRequired()) {
            throw ApiErrors.mfaRequiredByPolicy();
        }
        return factor.get();
    }
}
