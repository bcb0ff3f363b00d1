package com.advapacs.clinician.app;

import com.advapacs.clinician.config.AppDirectories;
import com.advapacs.clinician.config.ClientConfiguration;
import com.advapacs.clinician.fido.jna.LibFido2;
import com.advapacs.clinician.fido.jna.LibFido2Loader;
import com.advapacs.clinician.fido.jna.LibFido2UnavailableException;
import com.advapacs.clinician.fido.nfc.PcscDeviceSource;
import com.advapacs.clinician.signin.SignInSettings;
import com.advapacs.clinician.signin.SignInWindow;
import com.sun.jna.Library;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * The {@code --self-check} run, for IT staff and the installer test: loads libfido2, lists
 * the NFC readers, reads the configuration files and shows the sign-in window once, then
 * prints one line per part.
 *
 * <p>It starts no portal and opens no network connection. The sign-in window gets a portal
 * client factory that rejects every use, and it closes before anyone could submit the form.
 */
public final class SelfCheck {

    /** Exit status when every part passed. */
    public static final int PASSED = 0;
    /** Exit status when at least one part failed. */
    public static final int FAILED = 1;

    /** Time allowed for the JavaFX toolkit to start and the window to render a frame. */
    static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);

    /** Matches the version in a versioned library file name, e.g. libfido2.so.1.12.0. */
    private static final Pattern FILE_VERSION =
            Pattern.compile("fido2(?:\\.so)?\\.(\\d+\\.\\d+\\.\\d+)(?:\\.dylib)?$");

    /**
     * The outcome of one part of the check.
     *
     * @param part what was checked, e.g. "libfido2"
     * @param passed true when the part works
     * @param detail what was found, or what failed and how to fix it
     */
    public record Result(String part, boolean passed, String detail) {

        String line() {
            String status = passed ? "ok    " : "FAILED";
            return String.format("  %-16s %s  %s", part + ":", status, detail);
        }
    }

    private SelfCheck() {
    }

    /** Runs every part, prints the report to {@code out} and returns the exit status. */
    public static int run(PrintStream out, AppDirectories directories) {
        out.println("AdvaPACS Clinician self-check");
        List<Result> results = new ArrayList<>();
        results.add(checkLibFido2());
        printLast(out, results);
        results.add(checkNfcReaders());
        printLast(out, results);
        ClientConfiguration configuration = ClientConfiguration.load(directories);
        results.add(checkConfiguration(configuration, directories));
        printLast(out, results);
        results.add(checkSignInWindow(configuration, WINDOW_TIMEOUT));
        printLast(out, results);

        List<String> failed = results.stream().filter(result -> !result.passed())
                .map(Result::part).toList();
        if (failed.isEmpty()) {
            out.println("Self-check passed.");
            return PASSED;
        }
        out.println("Self-check failed: " + String.join(", ", failed) + ".");
        return FAILED;
    }

    private static void printLast(PrintStream out, List<Result> results) {
        out.println(results.get(results.size() - 1).line());
        out.flush();
    }

    /** Loads libfido2 as the security-key code does and names the file and its version. */
    static Result checkLibFido2() {
        LibFido2 library;
        try {
            library = LibFido2Loader.load();
        } catch (LibFido2UnavailableException e) {
            return new Result("libfido2", false, e.getMessage());
        }
        Optional<File> file = libraryFile(library);
        if (file.isEmpty()) {
            return new Result("libfido2", true, "loaded (1.12 or newer)");
        }
        return new Result("libfido2", true, describeLibrary(file.get()));
    }

    /**
     * Lists the contactless readers that PC/SC reports. This part always passes, because
     * most workstations have no NFC reader. The detail gives the reason when none are seen.
     */
    static Result checkNfcReaders() {
        return new Result("NFC readers", true, new PcscDeviceSource().describeReaders());
    }

    /** Names the version from the file name when it has one, else only the 1.12 minimum. */
    static String describeLibrary(File file) {
        File real = file;
        try {
            real = file.toPath().toRealPath().toFile();
        } catch (IOException e) {
            // Keep the name JNA reported; the version is then read from that name.
        }
        Matcher matcher = FILE_VERSION.matcher(real.getName());
        String version = matcher.find() ? matcher.group(1) : "1.12 or newer";
        return "version " + version + " from " + real;
    }

    private static Optional<File> libraryFile(LibFido2 library) {
        if (!Proxy.isProxyClass(library.getClass())
                || !(Proxy.getInvocationHandler(library) instanceof Library.Handler handler)) {
            return Optional.empty();
        }
        return Optional.ofNullable(handler.getNativeLibrary().getFile());
    }

    /** Reports the problems the app would show on the sign-in window, or the settings read. */
    static Result checkConfiguration(ClientConfiguration configuration,
            AppDirectories directories) {
        String files = directories.machineConfig().resolve(ClientConfiguration.FILE_NAME)
                + " and " + directories.config().resolve(ClientConfiguration.FILE_NAME);
        if (!configuration.problems().isEmpty()) {
            return new Result("configuration", false,
                    String.join(" ", configuration.problems()));
        }
        String address = configuration.portalUrl() == null ? "portal address not set"
                : "portal address " + configuration.portalUrl()
                        + (configuration.portalUrlLocked() ? " (locked)" : "");
        return new Result("configuration", true, address + ", read from " + files);
    }

    /**
     * Shows the real sign-in window on a new stage, waits for its first rendered frame,
     * checks that the frame is not blank and closes the window.
     */
    static Result checkSignInWindow(ClientConfiguration configuration, Duration timeout) {
        CompletableFuture<String> frame = new CompletableFuture<>();
        boolean startedHere;
        try {
            startedHere = startToolkit(() -> showAndClose(configuration, frame));
        } catch (RuntimeException e) {
            return new Result("sign-in window", false, "JavaFX could not start ("
                    + e.getMessage() + "). Run the check in a desktop session, or without one "
                    + "under a virtual display: xvfb-run advapacs-clinician --self-check");
        }
        try {
            return new Result("sign-in window", true,
                    frame.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return new Result("sign-in window", false, "no frame was rendered within "
                    + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Result("sign-in window", false, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result("sign-in window", false, "interrupted");
        } finally {
            if (startedHere) {
                Platform.exit();
            }
        }
    }

    /**
     * Starts the JavaFX toolkit with {@code task} and returns true, or queues the task and
     * returns false when the toolkit runs already.
     */
    private static boolean startToolkit(Runnable task) {
        try {
            Platform.startup(task);
            return true;
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(task);
            return false;
        }
    }

    private static void showAndClose(ClientConfiguration configuration,
            CompletableFuture<String> frame) {
        try {
            Stage stage = new Stage();
            SignInWindow window = new SignInWindow(stage, settings(configuration), session -> {
                throw new IllegalStateException("The self-check does not sign in.");
            });
            window.show(null, null);
            Scene scene = stage.getScene();
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    // Two pulses: the first lays out and renders the window, and Quantum
                    // starts the second only after the renderer has finished that frame.
                    if (++frames < 2) {
                        return;
                    }
                    stop();
                    Instant frameTime = Instant.now();
                    try {
                        frame.complete(describeFrame(scene, frameTime));
                    } catch (RuntimeException e) {
                        frame.completeExceptionally(e);
                    } finally {
                        stage.close();
                    }
                }
            }.start();
        } catch (RuntimeException e) {
            frame.completeExceptionally(e);
        }
    }

    private static String describeFrame(Scene scene, Instant frameTime) {
        WritableImage image = scene.snapshot(null);
        if (!hasTwoColours(image)) {
            throw new IllegalStateException("The sign-in window rendered a blank frame.");
        }
        String size = (int) image.getWidth() + "x" + (int) image.getHeight();
        return ProcessHandle.current().info().startInstant()
                .map(start -> "shown " + size + ", first frame "
                        + Duration.between(start, frameTime).toMillis()
                        + " ms after the process started")
                .orElse("shown " + size);
    }

    private static boolean hasTwoColours(WritableImage image) {
        PixelReader pixels = image.getPixelReader();
        int first = pixels.getArgb(0, 0);
        for (int y = 0; y < (int) image.getHeight(); y += 4) {
            for (int x = 0; x < (int) image.getWidth(); x += 4) {
                if (pixels.getArgb(x, y) != first) {
                    return true;
                }
            }
        }
        return false;
    }

    private static SignInSettings settings(ClientConfiguration configuration) {
        return new SignInSettings(configuration.portalUrl(), configuration.portalUrlLocked(),
                configuration.problems(), null,
                address -> {
                    throw new IllegalStateException("The self-check does not connect to a portal.");
                },
                address -> { },
                () -> null,
                () -> {
                    throw new IllegalStateException("The self-check does not sign in.");
                });
    }
}
