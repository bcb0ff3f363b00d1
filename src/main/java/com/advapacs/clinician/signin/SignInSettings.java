package com.advapacs.clinician.signin;

import com.advapacs.clinician.passkey.Diagnostics;
import com.advapacs.clinician.passkey.SecurityKeys;
import com.advapacs.clinician.portal.PortalAddress;
import com.advapacs.clinician.portal.PortalClient;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Settings and services the sign-in window gets from the rest of the app.
 *
 * @param portalAddress preset address, or null
 * @param addressLocked true when IT has locked the address
 * @param configurationProblems configuration messages to show once, may be empty
 * @param demoAccount demo credentials to show, or null outside demo mode
 * @param clientFactory creates the portal client for the address the user entered
 * @param onAddressUsed called with the address after the portal accepted a request
 * @param securityKeys returns the security keys, or null when libfido2 is missing
 * @param diagnostics creates the support summary for a security-key ceremony
 */
public record SignInSettings(
        String portalAddress,
        boolean addressLocked,
        List<String> configurationProblems,
        DemoAccount demoAccount,
        Function<PortalAddress, PortalClient> clientFactory,
        Consumer<String> onAddressUsed,
        Supplier<SecurityKeys> securityKeys,
        Supplier<Diagnostics> diagnostics) {
}
