package com.advapacs.clinician.settings.mfa;

import java.util.function.BiConsumer;
import javafx.stage.Window;

/** Opens the flow that adds a passkey, and reports the new passkey once it is stored. */
@FunctionalInterface
public interface PasskeyEnrolment {

    /** The first step of the flow. */
    enum Start {
        /** The choice between a security key and this computer. */
        CHOOSE_KIND,
        /** The security-key steps, for a user who has already chosen a security key. */
        SECURITY_KEY
    }

    /** The setup that the user chose in the success step's advice, to be opened next. */
    enum FollowUp { NONE, SECURITY_KEY, AUTHENTICATOR_APP }

    /**
     * Opens the flow.
     *
     * @param adviseOneDevice whether the success step after a platform passkey recommends a
     *     security key or an authenticator app as well, with a button for each
     * @param onAdded gets the new passkey's name and the follow-up the user chose
     */
    void start(Window owner, Start start, boolean adviseOneDevice,
            BiConsumer<String, FollowUp> onAdded);
}
