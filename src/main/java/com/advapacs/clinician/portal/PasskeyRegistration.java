package com.advapacs.clinician.portal;

/**
 * A passkey the portal has verified and stored. {@code newSession} is non-null only when
 * the registration was made from a restricted session, which the portal then replaces.
 */
public record PasskeyRegistration(Passkey passkey, Session newSession) {
}
