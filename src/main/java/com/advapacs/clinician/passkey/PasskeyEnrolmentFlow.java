package com.advapacs.clinician.passkey;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.settings.mfa.PasskeyEnrolment;
import com.advapacs.clinician.ui.Background;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/** Opens the add-passkey window for the signed-in user. */
public final class PasskeyEnrolmentFlow implements PasskeyEnrolment {

    private final PortalSession portal;
    private final Supplier<SecurityKeys> keys;
    private final PlatformAuthenticator platform;
    private final Supplier<Diagnostics> diagnostics;

    /**
     * @param keys returns the security keys, or null when libfido2 cannot be loaded
     */
    public PasskeyEnrolmentFlow(PortalSession portal, Supplier<SecurityKeys> keys,
            PlatformAuthenticator platform, Supplier<Diagnostics> diagnostics) {
        this.portal = portal;
        this.keys = keys;
        this.platform = platform;
        this.diagnostics = diagnostics;
    }

    /** Opens the window once it is known whether the platform option can be offered. */
    @Override
    public void start(Window owner, Start start, boolean adviseOneDevice,
            BiConsumer<String, FollowUp> onAdded) {
        Background.run(platform::unavailableReason,
                reason -> new AddPasskeyWindow(owner, portal, keys.get(), reason,
                        diagnostics.get(), adviseOneDevice, onAdded).show(start),
                failure -> new AddPasskeyWindow(owner, portal, keys.get(),
                        Messages.get("passkey.platform.checkFailed"), diagnostics.get(),
                        adviseOneDevice, onAdded).show(start));
    }
}
