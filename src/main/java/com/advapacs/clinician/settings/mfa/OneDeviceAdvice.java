package com.advapacs.clinician.settings.mfa;

import com.advapacs.clinician.portal.Account;
import com.advapacs.clinician.portal.Passkey;

/**
 * The rule for advising a second kind of method: a platform passkey lives on one computer,
 * so an account whose only methods are platform passkeys is locked out when that computer
 * is replaced or lost.
 */
final class OneDeviceAdvice {

    private OneDeviceAdvice() {
    }

    /** True when the account has at least one method and every method is a platform passkey. */
    static boolean applies(Account account) {
        return !account.totp().active() && !account.passkeys().isEmpty()
                && account.passkeys().stream().allMatch(Passkey::platform);
    }

    /**
     * True when the rule applies once a platform passkey is added: the account has no
     * authenticator app and no passkey other than platform ones.
     */
    static boolean appliesAfterPlatformPasskey(Account account) {
        return !account.totp().active()
                && account.passkeys().stream().allMatch(Passkey::platform);
    }
}
