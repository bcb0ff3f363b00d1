package com.advapacs.clinician.portal;

/**
 * Kinds of failure the portal client reports, each with its own message for the user.
 */
public enum PortalProblem {
    WRONG_CREDENTIALS,
    THROTTLED,
    INVALID_CODE,
    CODE_REUSED,
    FACTOR_LOCKED,
    SIGN_IN_EXPIRED,
    SESSION_ENDED,
    ENROLMENT_EXPIRED,
    REQUIRED_BY_POLICY,
    NOT_ENROLLED,
    WRONG_PASSWORD,
    LAST_METHOD,
    PASSKEY_ALREADY_REGISTERED,
    PASSKEY_NOT_RECOGNISED,
    PASSKEY_INVALID,
    INVALID_ADDRESS,
    UNREACHABLE,
    TLS_CERTIFICATE,
    PROXY,
    TIMEOUT,
    SERVER_ERROR,
    NOT_A_PORTAL,
    REJECTED_REQUEST
}
