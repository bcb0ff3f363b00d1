package com.advapacs.clinician.app;

import com.advapacs.clinician.fido.DeviceSource;
import com.advapacs.clinician.fido.HidDeviceSource;
import com.advapacs.clinician.fido.UdpSimulatorSource;
import com.advapacs.clinician.fido.jna.LibFido2Loader;
import com.advapacs.clinician.fido.nfc.PcscDeviceSource;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import com.advapacs.clinician.fido.virtual.VirtualDeviceSource;
import com.advapacs.clinician.i18n.Messages;
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
 * Builds the app's access to security keys: the USB keys libfido2 finds, keys held on
 * contactless readers (PC/SC), firmware simulators when the developer option names them,
 * any {@link DeviceSource} registered through {@link ServiceLoader}, which only the test
 * class path provides, and in demo mode
 * (unless such a source is registered) one virtual key, named as such, so that passkeys can
 * be tried without a real key.
 */
final class SecurityKeysFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityKeysFactory.class);

    private SecurityKeysFactory() {
    }

    private static VirtualAuthenticator demoKey;

    /** Returns the keys, or null when libfido2 cannot be loaded. */
    static SecurityKeys create(boolean demo) {
        try {
            LibFido2Loader.load();
        } catch (LibFido2UnavailableException e) {
            LOG.warn("libfido2 is not available: {}", e.getMessage());
            return null;
        }
        List<DeviceSource> sources = new ArrayList<>();
        sources.add(new HidDeviceSource());
        sources.add(new PcscDeviceSource());
        sources.add(UdpSimulatorSource.fromSystemProperty());
        boolean registered = false;
        for (DeviceSource extra : ServiceLoader.load(DeviceSource.class)) {
            LOG.info("Security keys also come from {}", extra.getClass().getName());
            sources.add(extra);
            registered = true;
        }
        // Registered sources are the tests' own virtual keys, which replace the demo key.
        if (demo && !registered) {
            sources.add(new VirtualDeviceSource().add(demoKey()));
        }
        return new LibFido2SecurityKeys(sources);
    }

    /**
     * Returns the demo key, one per app run. It keeps its passkeys in memory only, so they are gone
     * when the app closes, while the demo portal still lists them.
     */
    private static synchronized VirtualAuthenticator demoKey() {
        if (demoKey == null) {
            // A short delay keeps the "Touch your security key" step on screen, as with a
            // real key.
            demoKey = new VirtualAuthenticator(new AuthenticatorConfig()
                    .product(Messages.get("passkey.demoKey"))
                    .touch(AuthenticatorConfig.Touch.AFTER_DELAY)
                    .touchDelay(java.time.Duration.ofMillis(1500)));
        }
        return demoKey;
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
