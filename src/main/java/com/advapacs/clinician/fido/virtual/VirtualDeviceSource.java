package com.advapacs.clinician.fido.virtual;

import com.advapacs.clinician.fido.DeviceConnector;
import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.DeviceSource;
import com.advapacs.clinician.fido.Transport;
import java.util.ArrayList;
import java.util.List;

/** Lists virtual keys as devices, the test counterpart of the HID device source. */
public final class VirtualDeviceSource implements DeviceSource {

    private final List<VirtualAuthenticator> keys = new ArrayList<>();

    public VirtualDeviceSource add(VirtualAuthenticator key) {
        keys.add(key);
        return this;
    }

    @Override
    public List<DeviceEntry> devices() {
        List<DeviceEntry> entries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            VirtualAuthenticator key = keys.get(i);
            entries.add(new DeviceEntry("virtual://" + i, key.config().product,
                    key.config().manufacturer, Transport.CUSTOM,
                    DeviceConnector.hidReports(key::openLink)));
        }
        return entries;
    }
}
