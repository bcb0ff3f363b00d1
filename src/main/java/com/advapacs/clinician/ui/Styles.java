package com.advapacs.clinician.ui;

import javafx.scene.Scene;

/** Applies the app's stylesheet to a scene. */
public final class Styles {

    private static final String STYLESHEET =
            Styles.class.getResource("/com/advapacs/clinician/ui/clinician.css").toExternalForm();

    private Styles() {
    }

    public static void apply(Scene scene) {
        scene.getStylesheets().add(STYLESHEET);
    }
}
