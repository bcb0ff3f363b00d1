package com.advapacs.clinician.server.account;

import com.advapacs.clinician.server.auth.AccountPasswordCheck;
import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.PasskeyStore;
import com.advapacs.clinician.server.store.TotpFactorRecord;
import com.advapacs.clinician.server.store.TotpFactorStore;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.totp.CodeCheck;
import com.advapacs.clinician.server.totp.FactorCodeChecker;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a passkey after the same proof of presence as TOTP removal: a fresh code from the
 * account's authenticator app or the password.
 */
public final class PasskeyRemovalService {
    private static final Logger LOG = LoggerFactory.getLogger(PasskeyRemovalService.class);

    private final Database database;
    private final TotpFactorStore factors;
    private final PasskeyStore passkeys;
    private final FactorCodeChecker codeChecker;
    private final AccountPasswordCheck passwordCheck;
    private final LastMethodCheck lastMethodCheck;

    public PasskeyRemovalService(Database database, UserStore users, TotpFactorStore factors,
            PasskeyStore passkeys, FactorCodeChecker codeChecker,
            AccountPasswordCheck passwordCheck) {
        this.database = database;
        this.factors = factors;
        this.passkeys = passkeys;
        this.codeChecker = codeChecker;
        this.passwordCheck = passwordCheck;
        this.lastMethodCheck = new LastMethodCheck(users, factors, passkeys);
    }

    /** Removes the user's passkey {@code credentialId} if {@code code} is a fresh TOTP code. */
    public void removeWithCode(long userId, byte[] credentialId, String code,
            boolean confirmLastMethod) {
        CodeCheck check = database.transaction(connection -> {
            requireRemovable(connection, userId, credentialId, confirmLastMethod);
            TotpFactorRecord factor = factors.findActive(connection, userId, true)
                    .orElseThrow(() -> ApiErrors.invalidField("code", "This account has no"
                            + " authenticator app. Confirm with your password instead."));
            CodeCheck result = codeChecker.check(connection, factor, code);
            if (result instanceof CodeCheck.Accepted) {
                passkeys.delete(connection, userId, credentialId);
            }
            return result;
        });
        CodeCheck.requireAccepted(check, 422);
        LOG.info("Removed passkey {} of user {} after a code check", describe(credentialId),
                userId);
    }

    /** Removes the user's passkey {@code credentialId} if {@code password} is correct. */
    public void removeWithPassword(long userId, byte[] credentialId, String password,
            boolean confirmLastMethod) {
        database.transaction(connection -> {
            requireRemovable(connection, userId, credentialId, confirmLastMethod);
            return null;
        });
        if (!passwordCheck.verify(userId, password)) {
            throw ApiErrors.invalidPassword();
        }
        database.transaction(connection -> {
            // Checked again: another method may have been removed during the password check.
            requireRemovable(connection, userId, credentialId, confirmLastMethod);
            return passkeys.delete(connection, userId, credentialId);
        });
        LOG.info("Removed passkey {} of user {} after a password check", describe(credentialId),
                userId);
    }

    private void requireRemovable(Connection connection, long userId, byte[] credentialId,
            boolean confirmLastMethod) throws SQLException {
        lastMethodCheck.lock(connection, userId);
        boolean owned = passkeys.find(connection, credentialId, false)
                .filter(passkey -> passkey.userId() == userId)
                .isPresent();
        if (!owned) {
            throw ApiErrors.passkeyNotFound();
        }
        lastMethodCheck.requireRemovable(connection, userId, confirmLastMethod);
    }

    private static String describe(byte[] credentialId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId);
    }
}
