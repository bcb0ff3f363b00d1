package com.advapacs.clinician.settings.mfa;

import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.util.Duration;

/**
 * Puts a secret on the system clipboard and clears it again after a delay, unless the user
 * has copied something else in the meantime. Must be used on the FX thread.
 */
final class ClipboardWiper {

    static final Duration DEFAULT_DELAY = Duration.seconds(60);

    private final Duration delay;
    private PauseTransition pending;

    ClipboardWiper(Duration delay) {
        this.delay = delay;
    }

    void copy(String secret) {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        clipboard.setContent(Map.of(DataFormat.PLAIN_TEXT, secret));
        if (pending != null) {
            pending.stop();
        }
        pending = new PauseTransition(delay);
        pending.setOnFinished(event -> clearIfUnchanged(secret));
        pending.play();
    }

    /** Clears the clipboard now if it still contains {@code secret}. */
    void clearIfUnchanged(String secret) {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (secret.equals(clipboard.getString())) {
            clipboard.clear();
        }
    }
}
