package com.advapacs.clinician.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app icon for window title bars, task bars and the window switcher. The PNG files are
 * rendered from {@code icons/advapacs-clinician.svg} by {@code scripts/make-icons.sh}.
 *
 * <p>Decoding the seven PNG files took 40 to 100 ms in a fresh JVM on a 2-core machine,
 * which delayed the sign-in window's first frame. So they are decoded once on a background
 * thread, and each window gets its icon when they are ready, which may be after it is shown.
 */
public final class AppIcons {

    private static final Logger LOG = LoggerFactory.getLogger(AppIcons.class);

    /** Sizes in pixels, each in {@code icons/app-SIZE.png}; JavaFX picks the closest fit. */
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private static CompletableFuture<List<Image>> images;

    private AppIcons() {
    }

    /** Sets the app icon on {@code stage} once it is decoded. Call on the JavaFX thread. */
    public static void apply(Stage stage) {
        images().thenAcceptAsync(icons -> stage.getIcons().setAll(icons), Platform::runLater)
                .exceptionally(failure -> {
                    LOG.error("The window icon could not be set", failure);
                    return null;
                });
    }

    private static synchronized CompletableFuture<List<Image>> images() {
        if (images == null) {
            CompletableFuture<List<Image>> loading = new CompletableFuture<>();
            Thread loader = new Thread(() -> {
                try {
                    loading.complete(load());
                } catch (RuntimeException e) {
                    loading.completeExceptionally(e);
                }
            }, "app-icons");
            loader.setDaemon(true);
            loader.start();
            images = loading;
        }
        return images;
    }

    private static List<Image> load() {
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
        return List.copyOf(loaded);
    }
}
