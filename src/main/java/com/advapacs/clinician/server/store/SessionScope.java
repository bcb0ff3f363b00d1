package com.advapacs.clinician.server.store;

/**
 * Permission level of a session. {@code FULL} may call everything, {@code ENROLMENT} only what
 * a user needs to set up the MFA that their policy requires.
 */
public enum SessionScope {
    FULL("full"),
    ENROLMENT("enrolment");

    private final String wireName;

    SessionScope(String wireName) {
        this.wireName = wireName;
    }

    /** Name used in the database and in API responses. */
    public String wireName() {
        return wireName;
    }

    static SessionScope fromWireName(String value) {
        for (SessionScope scope : values()) {
            if (scope.wireName.equals(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown session scope: " + value);
    }
}
