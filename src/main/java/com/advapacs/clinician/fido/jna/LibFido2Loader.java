package com.advapacs.clinician.fido.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads libfido2 once per process and calls {@code fido_init}.
 *
 * <p>A bundled copy named by the system property {@value #PATH_PROPERTY} (for an installer
 * that ships one beside the app) is tried first, then the system library by its name
 * {@code fido2}. JNA also finds a versioned file such as Debian's {@code libfido2.so.1}.
 */
public final class LibFido2Loader {

    /** System property naming a bundled libfido2 file to load before the system one. */
    public static final String PATH_PROPERTY = "advapacs.libfido2.path";

    /** A symbol of libfido2 1.12 that this binding calls, checked at load time. */
    private static final String NEWEST_REQUIRED_SYMBOL = "fido_cbor_info_rk_remaining";

    /**
     * UTF-8 for every {@code char *}: under {@code LANG=C} JNA's platform default would
     * send "Zoë" as "Zo?", and a wrong PIN costs one of the key's retries.
     */
    private static final Map<String, Object> OPTIONS =
            Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");

    private static LibFido2 instance;

    private LibFido2Loader() {
    }

    /** Returns the loaded library, loading it on first use. */
    public static synchronized LibFido2 load() throws LibFido2UnavailableException {
        if (instance == null) {
            instance = loadFirst(candidates());
        }
        return instance;
    }

    /** Loads the first of {@code candidates} (paths or library names) that works. */
    static LibFido2 loadFirst(List<String> candidates) throws LibFido2UnavailableException {
        List<String> failures = new ArrayList<>();
        UnsatisfiedLinkError lastError = null;
        for (String candidate : candidates) {
            try {
                LibFido2 library = loadFrom(candidate);
                library.fido_init(0);
                return library;
            } catch (UnsatisfiedLinkError e) {
                failures.add(candidate + ": " + e.getMessage());
                lastError = e;
            }
        }
        throw new LibFido2UnavailableException("The security key library libfido2 (1.12 or "
                + "newer) could not be loaded. On Debian or Ubuntu install it with "
                + "'sudo apt-get install libfido2-1'; elsewhere install your system's "
                + "libfido2 package or set -D" + PATH_PROPERTY + " to a copy of the library. "
                + "Tried " + String.join("; ", failures), lastError);
    }

    private static List<String> candidates() {
        List<String> candidates = new ArrayList<>();
        String bundled = System.getProperty(PATH_PROPERTY);
        if (bundled != null && !bundled.isBlank()) {
            candidates.add(Path.of(bundled).toAbsolutePath().toString());
        }
        candidates.add("fido2");
        return candidates;
    }

    private static LibFido2 loadFrom(String nameOrPath) {
        if (nameOrPath.contains("/") || nameOrPath.contains("\\")) {
            if (!Files.isRegularFile(Path.of(nameOrPath))) {
                throw new UnsatisfiedLinkError("file not found");
            }
        }
        NativeLibrary library = NativeLibrary.getInstance(nameOrPath, OPTIONS);
        library.getFunction(NEWEST_REQUIRED_SYMBOL);
        return Native.load(nameOrPath, LibFido2.class, OPTIONS);
    }
}
