package com.advapacs.clinician.fido;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists key firmware simulators reached over loopback UDP, a developer option. Production
 * builds list them only when {@link #PROPERTY} names at least one address.
 */
public final class UdpSimulatorSource implements DeviceSource {

    /** System property with comma-separated simulator addresses, such as udp://127.0.0.1:8111. */
    public static final String PROPERTY = "advapacs.fido.udpSimulators";

    private final List<UdpSimulatorAddress> addresses;

    public UdpSimulatorSource(List<UdpSimulatorAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /** Reads {@link #PROPERTY}; an invalid or non-loopback address raises an exception. */
    public static UdpSimulatorSource fromSystemProperty() {
        List<UdpSimulatorAddress> addresses = new ArrayList<>();
        String value = System.getProperty(PROPERTY, "");
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                addresses.add(UdpSimulatorAddress.parse(item));
            }
        }
        return new UdpSimulatorSource(addresses);
    }

    @Override
    public List<DeviceEntry> devices() {
        List<DeviceEntry> entries = new ArrayList<>();
        for (UdpSimulatorAddress address : addresses) {
            entries.add(address.entry());
        }
        return entries;
    }
}
