package com.advapacs.clinician.fido.nfc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/**
 * Makes sure pcscd runs with the readers of the vpcd driver (Debian package
 * vsmartcard-vpcd), so tests can reach a virtual card through the real PC/SC stack. When no
 * vpcd reader is listed, it starts {@code pcscd --foreground} as a child process and stops
 * it when the JVM exits. A missing pcscd or vpcd fails the caller and names the packages.
 */
public final class PcscDaemon {

    static {
        // The JDK's PC/SC provider reads these once per JVM, when its channel class is first
        // initialised. By default it sends GET RESPONSE itself after SW 61xx, under the
        // command's own CLA. That would hide response chaining from the code under test, and
        // the strict FIDO applet rejects GET RESPONSE with CLA 0x80.
        System.setProperty("sun.security.smartcardio.t0GetResponse", "false");
        System.setProperty("sun.security.smartcardio.t1GetResponse", "false");
    }

    /** The vpcd reader names start with the FRIENDLYNAME of its reader.conf entry. */
    static final String VPCD_READER_PREFIX = "Virtual PCD";
    static final String PACKAGES = "pcscd vsmartcard-vpcd";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Path READER_CONF_DIRECTORY = Path.of("/etc/reader.conf.d");
    private static final String VPCD_DRIVER = "libifdvpcd";

    private static Process started;
    private static Path startedLog;

    private PcscDaemon() {
    }

    /**
     * Returns the PC/SC readers once the vpcd readers are listed, after starting pcscd if
     * none is.
     *
     * @throws IllegalStateException when pcscd or the vpcd driver is not installed, or when
     *     the readers do not appear within 10 seconds
     */
    public static synchronized CardTerminals ensureRunning() {
        CardTerminals terminals = connect();
        if (terminals != null && !vpcdReaders(terminals).isEmpty()) {
            return terminals;
        }
        if (started != null && started.isAlive()) {
            throw new IllegalStateException("pcscd started by this test run lists no "
                    + VPCD_READER_PREFIX + " reader; its log is " + startedLog);
        }
        Path pcscd = findPcscd().orElseThrow(() -> new IllegalStateException(
                "pcscd is not installed. Install it with: sudo apt-get install " + PACKAGES));
        requireVpcdDriver();
        start(pcscd);
        return awaitReaders();
    }

    /**
     * Connects to pcscd, or returns null when the JDK cannot: pcscd is not running, or the
     * PC/SC library is missing. A new factory is asked each time, because the JDK's default
     * factory stays without PC/SC once its first attempt failed.
     */
    private static CardTerminals connect() {
        try {
            return TerminalFactory.getInstance("PC/SC", null).terminals();
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Returns the reader named {@code name}, or fails with the list of vpcd readers. */
    static CardTerminal terminal(CardTerminals terminals, String name) {
        CardTerminal terminal = terminals.getTerminal(name);
        if (terminal == null) {
            throw new IllegalStateException("PC/SC reader \"" + name + "\" not found; pcscd "
                    + "lists " + vpcdReaders(terminals));
        }
        return terminal;
    }

    private static List<String> vpcdReaders(CardTerminals terminals) {
        List<String> names = new ArrayList<>();
        try {
            for (CardTerminal terminal : terminals.list()) {
                if (terminal.getName().startsWith(VPCD_READER_PREFIX)) {
                    names.add(terminal.getName());
                }
            }
        } catch (CardException e) {
            // SCardEstablishContext or SCardListReaders fails while pcscd is not running.
        }
        return names;
    }

    private static Optional<Path> findPcscd() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                candidates.add(Path.of(directory, "pcscd"));
            }
        }
        candidates.add(Path.of("/usr/sbin/pcscd"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Fails unless a reader.conf entry of pcscd loads the vpcd driver. */
    private static void requireVpcdDriver() {
        boolean configured = false;
        if (Files.isDirectory(READER_CONF_DIRECTORY)) {
            try (Stream<Path> files = Files.list(READER_CONF_DIRECTORY)) {
                configured = files.anyMatch(PcscDaemon::loadsVpcd);
            } catch (IOException e) {
                throw new IllegalStateException("Failed to read " + READER_CONF_DIRECTORY, e);
            }
        }
        if (!configured) {
            throw new IllegalStateException("The vpcd reader driver is not installed: no file "
                    + "in " + READER_CONF_DIRECTORY + " loads " + VPCD_DRIVER + ". Install it "
                    + "with: sudo apt-get install " + PACKAGES);
        }
    }

    private static boolean loadsVpcd(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(VPCD_DRIVER);
        } catch (IOException e) {
            return false;
        }
    }

    private static void start(Path pcscd) {
        try {
            startedLog = Files.createTempFile("pcscd-", ".log");
            started = new ProcessBuilder(pcscd.toString(), "--foreground")
                    .redirectErrorStream(true)
                    .redirectOutput(startedLog.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Failed to start " + pcscd + ": " + e.getMessage(),
                    e);
        }
        Process process = started;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process),
                "pcscd-stop"));
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static CardTerminals awaitReaders() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            CardTerminals terminals = connect();
            if (terminals != null && !vpcdReaders(terminals).isEmpty()) {
                return terminals;
            }
            if (!started.isAlive()) {
                throw new IllegalStateException("pcscd exited with status "
                        + started.exitValue() + " at start (it must run as root): "
                        + logTail());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException((terminals == null
                        ? "The JDK could not reach pcscd through the PC/SC library (install "
                                + "libpcsclite1)"
                        : "pcscd listed no " + VPCD_READER_PREFIX + " reader")
                        + " within " + START_TIMEOUT.toSeconds() + " s: " + logTail());
            }
            pause(50);
        }
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(startedLog, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20),
                    lines.size()));
        } catch (IOException e) {
            return "(log " + startedLog + " unreadable: " + e.getMessage() + ")";
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pcscd", e);
        }
    }
}
