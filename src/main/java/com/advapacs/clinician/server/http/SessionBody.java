package com.advapacs.clinician.server.http;

import com.advapacs.clinician.server.session.IssuedSession;

/** The {@code session} object of the API: {@code {"token","expiresAt"}}. */
public record SessionBody(String token, String expiresAt) {

    /** Converts a new session, or returns null for null. */
    public static SessionBody of(IssuedSession session) {
        if (session == null) {
            return null;
        }
        return new SessionBody(session.token(), Timestamps.format(session.expiresAt()));
    }
}
