package com.advapacs.clinician.server.passkey;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.PasskeyStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists and renames a user's passkeys. */
public final class PasskeyManagement {
    /** Maximum length of a passkey name, in characters. */
    public static final int MAX_NAME_LENGTH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(PasskeyManagement.class);

    private final Database database;
    private final PasskeyStore passkeys;

    public PasskeyManagement(Database database, PasskeyStore passkeys) {
        this.database = database;
        this.passkeys = passkeys;
    }

    /** Returns the user's passkeys, oldest first. */
    public List<PasskeyView> list(long userId) {
        return database.transaction(connection -> passkeys.listByUser(connection, userId))
                .stream().map(PasskeyView::of).toList();
    }

    /**
     * Renames the user's passkey and returns it.
     *
     * @throws com.advapacs.clinician.server.http.ApiException 404 passkey_not_found when the
     *     user has no passkey with this id
     */
    public PasskeyView rename(long userId, byte[] credentialId, String name) {
        PasskeyView renamed = database.transaction(connection -> {
            if (!passkeys.rename(connection, userId, credentialId, name)) {
                throw ApiErrors.passkeyNotFound();
            }
            return PasskeyView.of(passkeys.find(connection, credentialId, false).orElseThrow());
        });
        LOG.info("Renamed passkey {} of user {}", renamed.id(), userId);
        return renamed;
    }
}
