package com.advapacs.clinician.signin;

import com.advapacs.clinician.portal.PortalAddress;
import com.advapacs.clinician.portal.PortalClient;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the sign-in window needs from the rest of the app.
 *
 * @param portalAddress preset address, or null
 * @param addressLocked true when IT has locked the address
 * @param configurationProblems configuration messages to show once, may be empty
 * @param demoAccount demo credentials to show, or null outside demo mode
 * @param clientFactory creates the portal client for the address the user entered
 * @param onAddressUsed called with the address after the portal accepted a request
 */
public record SignInSettings(
        String portalAddress,
        boolean addressLocked,
        List<String> configurationProblems,
        DemoAccount demoAccount,
        Function<PortalAddress, PortalClient> clientFactory,
        Consumer<String> onAddressUsed) {
}
