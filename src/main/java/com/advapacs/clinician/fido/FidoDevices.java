package com.advapacs.clinician.fido;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists keys from several {@link DeviceSource}s. {@link #system()} lists the USB keys and,
 * when the developer option {@value UdpSimulatorSource#PROPERTY} is set, key simulators.
 */
public final class FidoDevices {

    private final List<DeviceSource> sources;

    public FidoDevices(List<DeviceSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Returns the production sources; an invalid simulator address raises an exception. */
    public static FidoDevices system() {
        List<DeviceSource> sources = new ArrayList<>();
        sources.add(new HidDeviceSource());
        if (!System.getProperty(UdpSimulatorSource.PROPERTY, "").isBlank()) {
            sources.add(UdpSimulatorSource.fromSystemProperty());
        }
        return new FidoDevices(sources);
    }

    /** Returns every key the sources list now, in source order. */
    public List<DeviceEntry> list() throws FidoException {
        List<DeviceEntry> entries = new ArrayList<>();
        for (DeviceSource source : sources) {
            entries.addAll(source.devices());
        }
        return entries;
    }
}
