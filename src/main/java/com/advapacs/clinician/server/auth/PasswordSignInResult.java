package com.advapacs.clinician.server.auth;

import com.advapacs.clinician.server.session.IssuedSession;
import com.advapacs.clinician.server.store.UserRecord;
import java.time.Instant;
import java.util.List;

/** Outcome of a correct password: a session, an MFA challenge or an enrolment session. */
public sealed interface PasswordSignInResult {

    /** No MFA needed: a full session. */
    record SignedIn(IssuedSession session, UserRecord user) implements PasswordSignInResult {
    }

    /** The account has active methods: the client must complete a second step. */
    record MfaRequired(String mfaToken, Instant expiresAt, List<String> methods)
            implements PasswordSignInResult {
    }

    /** MFA is required but not set up: an enrolment-scope session. */
    record EnrolmentRequired(IssuedSession session, UserRecord user)
            implements PasswordSignInResult {
    }
}
