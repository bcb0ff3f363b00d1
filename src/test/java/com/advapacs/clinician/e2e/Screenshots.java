package com.advapacs.clinician.e2e;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Saves what a window shows as a PNG, for looking at the screens after a UI test run.
 * Active only when the system property {@code advapacs.screenshots} names a directory.
 */
final class Screenshots {

    private static final String DIRECTORY = System.getProperty("advapacs.screenshots");

    private Screenshots() {
    }

    static void save(FxRobot robot, Scene scene, String name) {
        if (DIRECTORY == null) {
            return;
        }
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        int width = (int) image.get().getWidth();
        int height = (int) image.get().getHeight();
        int[] argb = new int[width * height];
        image.get().getPixelReader().getPixels(0, 0, width, height,
                PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        try {
            Path directory = Files.createDirectories(Path.of(DIRECTORY));
            ImageIO.write(png, "png", directory.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
