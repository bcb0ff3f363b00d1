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

    /** The path under which libfido2 lists Windows Hello ({@code FIDO_WINHELLO_PATH}). */
    public static final String WINDOWS_HELLO_PATH = "windows://hello";

    public DeviceEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(transport, "transport");
        boolean openedByPath = transport == Transport.USB
                || transport == Transport.WINDOWS_HELLO;
        if ((connector == null) != openedByPath) {
            throw new IllegalArgumentException("A " + transport + " key needs "
                    + (openedByPath ? "no connector" : "a connector"));
        }
    }

    /** Describes a key that libfido2 opens by its path. */
    public static DeviceEntry usb(String path, String product, String manufacturer) {
        return new DeviceEntry(path, product, manufacturer, Transport.USB, null);
    }

    /**
     * Describes an entry of libfido2's own device list ({@code fido_dev_info_manifest}):
     * Windows Hello when the path is {@value #WINDOWS_HELLO_PATH}, else a USB key.
     */
    public static DeviceEntry listed(String path, String product, String manufacturer) {
        Transport transport = WINDOWS_HELLO_PATH.equals(path)
                ? Transport.WINDOWS_HELLO : Transport.USB;
        return new DeviceEntry(path, product, manufacturer, transport, null);
    }
}
