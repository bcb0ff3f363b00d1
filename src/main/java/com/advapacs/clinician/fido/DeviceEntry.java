package com.advapacs.clinician.fido;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A key found by a {@link DeviceSource}, not yet opened.
 *
 * @param path libfido2's device path (such as {@code /dev/hidraw3}) or a label for keys
 *     on a custom link
 * @param linkOpener opens the report link for keys libfido2 cannot open itself; null for
 *     keys that libfido2 opens by {@code path}
 */
public record DeviceEntry(String path, String product, String manufacturer,
        Transport transport, Supplier<HidReportLink> linkOpener) {

    public DeviceEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(transport, "transport");
        if ((linkOpener == null) != (transport == Transport.USB)) {
            throw new IllegalArgumentException("A " + transport + " key needs "
                    + (transport == Transport.USB ? "no link opener" : "a link opener"));
        }
    }

    /** Describes a key that libfido2 opens by its path. */
    public static DeviceEntry usb(String path, String product, String manufacturer) {
        return new DeviceEntry(path, product, manufacturer, Transport.USB, null);
    }
}
