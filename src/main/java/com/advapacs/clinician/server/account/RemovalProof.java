package com.advapacs.clinician.server.account;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.RequestFields;

/**
 * Body of a removal request: exactly one proof of presence, a TOTP code or the password, and
 * the optional {@code confirmLastMethod} flag.
 *
 * @param code six-digit code, or null when the password is given
 * @param password the account password, or null when a code is given
 */
public record RemovalProof(String code, String password, boolean confirmLastMethod) {

    public static RemovalProof read(RequestFields fields) {
        boolean hasCode = fields.has("code");
        boolean hasPassword = fields.has("password");
        if (hasCode && hasPassword) {
            throw ApiErrors.invalidField("password",
                    "Send either \"code\" or \"password\", not both.");
        }
        if (!hasCode && !hasPassword) {
            throw ApiErrors.missingField("code");
        }
        boolean confirm = fields.optionalFlag("confirmLastMethod");
        return hasCode
                ? new RemovalProof(fields.totpCode("code"), null, confirm)
                : new RemovalProof(null, fields.password("password"), confirm);
    }
}
