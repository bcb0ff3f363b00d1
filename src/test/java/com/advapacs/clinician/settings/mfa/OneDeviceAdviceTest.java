package com.advapacs.clinician.settings.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.advapacs.clinician.portal.Account;
import com.advapacs.clinician.portal.Passkey;
import com.advapacs.clinician.portal.TotpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The advice shows exactly when every method the account has is a platform passkey, and in
 * the success step when a new platform passkey would make that so.
 */
class OneDeviceAdviceTest {

    @ParameterizedTest(name = "app={0} platform={1} keys={2} -> {3}")
    @CsvSource({
        "false, 0, 0, false",
        "false, 1, 0, true",
        "false, 2, 0, true",
        "false, 1, 1, false",
        "false, 0, 1, false",
        "true, 0, 0, false",
        "true, 1, 0, false",
        "true, 2, 1, false",
        "true, 0, 2, false",
    })
    void everyCombination(boolean app, int platformPasskeys, int securityKeys,
            boolean expected) {
        assertEquals(expected, OneDeviceAdvice.applies(
                account(app, platformPasskeys, securityKeys)));
    }

    @ParameterizedTest(name = "app={0} platform={1} keys={2} -> {3}")
    @CsvSource({
        "false, 0, 0, true",
        "false, 1, 0, true",
        "false, 2, 0, true",
        "false, 1, 1, false",
        "false, 0, 1, false",
        "true, 0, 0, false",
        "true, 1, 0, false",
        "true, 0, 1, false",
    })
    void afterPlatformPasskey(boolean app, int platformPasskeys, int securityKeys,
            boolean expected) {
        assertEquals(expected, OneDeviceAdvice.appliesAfterPlatformPasskey(
                account(app, platformPasskeys, securityKeys)));
    }

    @Test
    void unknownAttachmentIsNoPlatform() {
        Account account = new Account("a@b.example", "A", null, false, false, TotpStatus.NONE,
                List.of(passkey("old", null)));

        assertFalse(OneDeviceAdvice.applies(account));
    }

    private static Account account(boolean app, int platformPasskeys, int securityKeys) {
        List<Passkey> passkeys = new ArrayList<>();
        for (int i = 0; i < platformPasskeys; i++) {
            passkeys.add(passkey("platform-" + i, "platform"));
        }
        for (int i = 0; i < securityKeys; i++) {
            passkeys.add(passkey("key-" + i, "cross-platform"));
        }
        TotpStatus totp = app ? new TotpStatus(true, "Phone", Instant.EPOCH, null)
                : TotpStatus.NONE;
        return new Account("a@b.example", "A", null, false, false, totp, passkeys);
    }

    private static Passkey passkey(String id, String attachment) {
        return new Passkey(id, id, null, null, attachment, List.of(), Instant.EPOCH, null, false);
    }
}
