package com.advapacs.clinician.server.store;

/** Life cycle of a TOTP factor: pending until confirmed with a code, then active. */
public enum TotpFactorState {
    PENDING("pending"),
    ACTIVE("active");

    private final String column;

    TotpFactorState(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static TotpFactorState fromColumn(String value) {
        for (TotpFactorState state : values()) {
            if (state.column.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown TOTP factor state: " + value);
    }
}
