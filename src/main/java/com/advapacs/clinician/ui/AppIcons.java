package com.advapacs.clinician.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The app icon for window title bars, task bars and the window switcher. The PNG files are
 * rendered from {@code icons/advapacs-clinician.svg} by {@code scripts/make-icons.sh}.
 */
public final class AppIcons {

    /** Sizes in pixels, each in {@code icons/app-SIZE.png}; JavaFX picks the closest fit. */
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private static List<Image> images;

    private AppIcons() {
    }

    /** Sets the app icon on {@code stage}. Call on the JavaFX application thread. */
    public static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }

    private static List<Image> images() {
        if (images == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                String name = "icons/app-" + size + ".png";
                var url = AppIcons.class.getResource(name);
                if (url == null) {
                    throw new IllegalStateException("The window icon " + name
                            + " is missing from the class path; run scripts/make-icons.sh.");
                }
                loaded.add(new Image(url.toExternalForm()));
            }
            images = List.copyOf(loaded);
        }
        return images;
    }
}
