package com.advapacs.clinician.server.account;

import com.advapacs.clinician.server.auth.AccountPasswordCheck;
import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.PasskeyStore;
import com.advapacs.clinician.server.store.TotpFactorRecord;
import com.advapacs.clinician.server.store.TotpFactorState;
import com.advapacs.clinician.server.store.TotpFactorStore;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.totp.CodeCheck;
import com.advapacs.clinician.server.totp.FactorCodeChecker;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the active TOTP factor after proof of presence: a fresh code or the password. When it
 * is the account's last MFA method, removal needs confirmation and is refused while MFA is
 * required.
 */
public final class TotpRemovalService {
    private static final Logger LOG = LoggerFactory.getLogger(TotpRemovalService.class);

    private final Database database;
    private final TotpFactorStore factors;
    private final FactorCodeChecker codeChecker;
    private final AccountPasswordCheck passwordCheck;
    private final LastMethodCheck lastMethodCheck;

    public TotpRemovalService(Database database, UserStore users, TotpFactorStore factors,
            PasskeyStore passkeys, FactorCodeChecker codeChecker,
            AccountPasswordCheck passwordCheck) {
        this.database = database;
        this.factors = factors;
        this.codeChecker = codeChecker;
        this.passwordCheck = passwordCheck;
        this.lastMethodCheck = new LastMethodCheck(users, factors, passkeys);
    }

    /** Removes the factor if {@code code} is a fresh code from it. */
    public void removeWithCode(long userId, String code, boolean confirmLastMethod) {
        CodeCheck check = database.transaction(connection -> {
            TotpFactorRecord factor = requireRemovable(connection, userId, confirmLastMethod);
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
    public void removeWithPassword(long userId, String password, boolean confirmLastMethod) {
        database.transaction(connection -> requireRemovable(connection, userId,
                confirmLastMethod));
        if (!passwordCheck.verify(userId, password)) {
            throw ApiErrors.invalidPassword();
        }
        database.transaction(connection -> {
            // Checked again: another method may have been removed during the password check.
            requireRemovable(connection, userId, confirmLastMethod);
            return factors.deleteByState(connection, userId, TotpFactorState.ACTIVE);
        });
        LOG.info("Removed the TOTP factor of user {} after a password check", userId);
    }

    private TotpFactorRecord requireRemovable(Connection connection, long userId,
            boolean confirmLastMethod) throws SQLException {
        lastMethodCheck.lock(connection, userId);
        TotpFactorRecord factor = factors.findActive(connection, userId, true)
                .orElseThrow(ApiErrors::totpNotEnrolled);
        lastMethodCheck.requireRemovable(connection, userId, confirmLastMethod);
        return factor;
    }
}
