package com.advapacs.clinician.server.store;

/** Ceremony a WebAuthn challenge was issued for. */
public enum WebAuthnCeremonyKind {
    REGISTRATION("registration"),
    ASSERTION("assertion");

    private final String column;

    WebAuthnCeremonyKind(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static WebAuthnCeremonyKind fromColumn(String value) {
        for (WebAuthnCeremonyKind kind : values()) {
            if (kind.column.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown WebAuthn ceremony kind: " + value);
    }
}
