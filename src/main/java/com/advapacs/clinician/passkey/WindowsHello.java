package com.advapacs.clinician.passkey;

import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.DeviceSource;
import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.Transport;
import com.advapacs.clinician.i18n.Messages;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows Hello, offered when libfido2's device list contains its
 * {@value DeviceEntry#WINDOWS_HELLO_PATH} entry. libfido2 lists that entry only when it was
 * built with Windows Hello support and can load {@code webauthn.dll}.
 */
final class WindowsHello implements PlatformAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(WindowsHello.class);

    private final DeviceSource devices;

    WindowsHello(DeviceSource devices) {
        this.devices = devices;
    }

    @Override
    public String unavailableReason() {
        try {
            List<DeviceEntry> listed = devices.devices();
            if (listed.stream().anyMatch(entry -> entry.transport() == Transport.WINDOWS_HELLO)) {
                return null;
            }
            LOG.info("libfido2 lists no Windows Hello device among {} devices", listed.size());
        } catch (FidoException e) {
            LOG.warn("Listing devices to find Windows Hello failed: {}", e.getMessage());
        }
        return Messages.get("passkey.platform.windowsMissing");
    }
}
