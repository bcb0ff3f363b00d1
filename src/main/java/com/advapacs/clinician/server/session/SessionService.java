package com.advapacs.clinician.server.session;

import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.SessionRecord;
import com.advapacs.clinician.server.store.SessionScope;
import com.advapacs.clinician.server.store.SessionStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Issues, looks up and revokes sessions. */
public final class SessionService {
    /** Absolute lifetime; sessions are not extended by use. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final Database database;
    private final SessionStore store;
    private final SecureRandom random;
    private final Clock clock;

    public SessionService(Database database, SessionStore store, SecureRandom random, Clock clock) {
        this.database = database;
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /** Creates a session for the user inside the caller's transaction. */
    public IssuedSession issue(Connection connection, long userId, SessionScope scope)
            throws SQLException {
        String token = OpaqueToken.generate(random);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(LIFETIME);
        store.insert(connection,
                new SessionRecord(OpaqueToken.hash(token), userId, scope, now, expiresAt, null));
        return new IssuedSession(token, scope, expiresAt);
    }

    /** Returns the session for {@code token} if it exists, is not revoked and has not expired. */
    public Optional<SessionRecord> findValid(String token) {
        if (!OpaqueToken.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = OpaqueToken.hash(token);
        Instant now = clock.instant();
        return database.transaction(connection -> store.find(connection, hash))
                .filter(session -> session.isValidAt(now));
    }

    /** Revokes the session with {@code tokenHash} inside the caller's transaction. */
    public void revoke(Connection connection, String tokenHash) throws SQLException {
        store.revoke(connection, tokenHash, clock.instant());
    }

    /** Revokes the session with {@code tokenHash}; returns whether it was still active. */
    public boolean revoke(String tokenHash) {
        return database.transaction(connection -> store.revoke(connection, tokenHash,
                clock.instant()));
    }
}
