package com.advapacs.clinician.fido;

import java.util.Objects;

/**
 * A key found by a {@link DeviceSource}, not yet opened.
 *
 * @param path libfido2's device path (such as {@code /dev/hidraw3}) or a label for keys
 *     on a custom link
 * @param connector installs the handlers for keys libfido2 cannot open itself; null for
 *     keys that libfido2 opens by {@code path}
 */
public record DeviceEntry(String path, String product, String manufacturer,
        Transport transport, DeviceConnector connector) {

    public DeviceEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(transport, "transport");
        if ((connector == null) != (transport == Transport.USB)) {
            throw new IllegalArgumentException("A " + transport + " key needs "
                    + (transport == Transport.USB ? "no connector" : "a connector"));
        }
    }

    /** Describes a key that libfido2 opens by its path. */
    public static DeviceEntry usb(String path, String product, String manufacturer) {
        return new DeviceEntry(path, product, manufacturer, Transport.USB, null);
    }
}
