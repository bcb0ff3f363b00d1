package com.advapacs.clinician.passkey;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.settings.mfa.PasskeyEnrolment;
import com.advapacs.clinician.ui.Background;
import java.util.function.Consumer;
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
    public void start(Window owner, Consumer<String> onAdded) {
        Background.run(platform::unavailableReason,
                reason -> open(owner, reason, onAdded),
                failure -> open(owner, Messages.get("passkey.platform.checkFailed"), onAdded));
    }

    private void open(Window owner, String platformUnavailableReason,
            Consumer<String> onAdded) {
        new AddPasskeyWindow(owner, portal, keys.get(), platformUnavailableReason,
                diagnostics.get(), onAdded).show();
    }
}
