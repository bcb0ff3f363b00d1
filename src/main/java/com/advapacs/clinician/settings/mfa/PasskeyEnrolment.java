package com.advapacs.clinician.settings.mfa;

import java.util.function.Consumer;
import javafx.stage.Window;

/** Opens the flow that adds a passkey, and reports the new passkey's name when it is stored. */
@FunctionalInterface
public interface PasskeyEnrolment {

    void start(Window owner, Consumer<String> onAdded);
}
