package com.advapacs.clinician.portal;

/**
 * Result of confirming an enrolment. {@code newSession} is non-null only when the enrolment
 * was made from a restricted session, which the portal then replaces with a full one.
 */
public record TotpConfirmation(TotpStatus totp, Session newSession) {
}
