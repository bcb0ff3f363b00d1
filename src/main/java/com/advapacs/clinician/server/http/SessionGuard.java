package com.advapacs.clinician.server.http;

import com.advapacs.clinician.server.session.SessionService;
import com.advapacs.clinician.server.store.SessionRecord;
import com.advapacs.clinician.server.store.SessionScope;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;

/**
 * Resolves the caller's session. The API accepts only {@code Authorization: Bearer} (RFC 6750)
 * so that a browser cannot attach credentials to cross-site API calls; the HTML page also
 * accepts the {@code advapacs_session} cookie.
 */
public final class SessionGuard {
    public static final String COOKIE_NAME = "advapacs_session";

    private final SessionService sessions;

    public SessionGuard(SessionService sessions) {
        this.sessions = sessions;
    }

    /** Wraps a handler that needs a full-scope bearer session. */
    public Handler fullSession(AuthenticatedHandler handler) {
        return ctx -> {
            SessionRecord session = requireBearer(ctx);
            if (session.scope() != SessionScope.FULL) {
                throw ApiErrors.enrolmentRequired();
            }
            handler.handle(ctx, session);
        };
    }

    /** Wraps a handler that an enrolment-scope session may also call. */
    public Handler anySession(AuthenticatedHandler handler) {
        return ctx -> handler.handle(ctx, requireBearer(ctx));
    }

    /** Returns the session from the cookie, or else from a bearer header, if valid. */
    public Optional<SessionRecord> pageSession(Context ctx) {
        String cookie = ctx.cookie(COOKIE_NAME);
        if (cookie != null) {
            Optional<SessionRecord> session = sessions.findValid(cookie);
            if (session.isPresent()) {
                return session;
            }
        }
        return bearerToken(ctx).flatMap(sessions::findValid);
    }

    private SessionRecord requireBearer(Context ctx) {
        return bearerToken(ctx).flatMap(sessions::findValid)
                .orElseThrow(ApiErrors::sessionInvalid);
    }

    /** Extracts the token of an {@code Authorization: Bearer} header; the scheme ignores case. */
    static Optional<String> bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(space + 1).strip());
    }
}
