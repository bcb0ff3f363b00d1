package com.advapacs.clinician.settings.mfa;

import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/** The portal's rule for passkey names, applied while the user types. */
public final class PasskeyNames {

    /** The portal accepts names of 1 to this many UTF-16 characters after trimming. */
    public static final int MAX_LENGTH = 64;

    private PasskeyNames() {
    }

    /** Stops {@code field} from taking more characters than the portal accepts. */
    public static void limit(TextField field) {
        field.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= MAX_LENGTH ? change : null));
    }
}
