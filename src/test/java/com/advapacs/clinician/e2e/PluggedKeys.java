package com.advapacs.clinician.e2e;

import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.DeviceSource;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import com.advapacs.clinician.fido.virtual.VirtualDeviceSource;
import java.util.List;

/**
 * The virtual security keys "plugged into" the app under test. Registered as a
 * {@link DeviceSource} service on the test class path only, so the app finds these keys
 * beside the real USB ones while production builds list only real keys.
 */
public final class PluggedKeys implements DeviceSource {

    private static volatile VirtualDeviceSource plugged = new VirtualDeviceSource();

    /** Plugs {@code key} in; it is found at the app's next look for keys. */
    static synchronized void plugIn(VirtualAuthenticator key) {
        plugged.add(key);
    }

    static synchronized void unplugAll() {
        plugged = new VirtualDeviceSource();
    }

    @Override
    public List<DeviceEntry> devices() {
        return plugged.devices();
    }
}
