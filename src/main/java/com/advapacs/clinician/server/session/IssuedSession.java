package com.advapacs.clinician.server.session;

import com.advapacs.clinician.server.store.SessionScope;
import java.time.Instant;

/** New session as returned once to the client; the token is not stored anywhere. */
public record IssuedSession(String token, SessionScope scope, Instant expiresAt) {
}
