package com.advapacs.clinician.app;

import com.advapacs.clinician.fido.DeviceSource;
import com.advapacs.clinician.fido.HidDeviceSource;
import com.advapacs.clinician.fido.UdpSimulatorSource;
import com.advapacs.clinician.fido.jna.LibFido2Loader;
import com.advapacs.clinician.fido.jna.LibFido2UnavailableException;
import com.advapacs.clinician.passkey.LibFido2SecurityKeys;
import com.advapacs.clinician.passkey.SecurityKeys;
import com.sun.jna.NativeLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the app's access to security keys: the USB keys libfido2 finds, firmware
 * simulators when the developer option names them, and any {@link DeviceSource} registered
 * through {@link ServiceLoader}, which only the test class path provides (virtual keys).
 */
final class SecurityKeysFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityKeysFactory.class);

    private SecurityKeysFactory() {
    }

    /** Returns the keys, or null when libfido2 cannot be loaded. */
    static SecurityKeys create() {
        try {
            LibFido2Loader.load();
        } catch (LibFido2UnavailableException e) {
            LOG.warn("libfido2 is not available: {}", e.getMessage());
            return null;
        }
        List<DeviceSource> sources = new ArrayList<>();
        sources.add(new HidDeviceSource());
        sources.add(UdpSimulatorSource.fromSystemProperty());
        for (DeviceSource extra : ServiceLoader.load(DeviceSource.class)) {
            LOG.info("Security keys also come from {}", extra.getClass().getName());
            sources.add(extra);
        }
        return new LibFido2SecurityKeys(sources);
    }

    /** Describes the loaded libfido2 for diagnostics, or why it is missing. */
    static String libraryDescription() {
        try {
            LibFido2Loader.load();
            return NativeLibrary.getInstance("fido2").getFile().getPath();
        } catch (LibFido2UnavailableException | UnsatisfiedLinkError e) {
            return "not available: " + e.getMessage();
        }
    }
}
