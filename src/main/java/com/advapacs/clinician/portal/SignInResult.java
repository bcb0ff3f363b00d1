package com.advapacs.clinician.portal;

import java.time.Instant;
import java.util.List;

/** Outcome of a sign-in step that the portal accepted. */
public sealed interface SignInResult {

    /** The user is signed in with full access. */
    record SignedIn(Session session, String email, String displayName) implements SignInResult {
    }

    /** The password was right; the portal now wants a second factor of one of the methods. */
    record MfaRequired(String mfaToken, Instant expiresAt, List<String> methods)
            implements SignInResult {

        @Override
        public String toString() {
            return "MfaRequired[expiresAt=" + expiresAt + ", methods=" + methods + "]";
        }
    }

    /**
     * The password was right, but the portal's policy requires a second factor that the
     * account does not have yet. The session may only be used to enrol one.
     */
    record EnrolmentRequired(Session session, String email, String displayName)
            implements SignInResult {
    }
}
