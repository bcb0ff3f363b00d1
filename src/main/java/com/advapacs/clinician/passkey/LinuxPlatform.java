package com.advapacs.clinician.passkey;

import com.advapacs.clinician.i18n.Messages;

/** Linux and other systems, which have no platform authenticator that libfido2 reaches. */
final class LinuxPlatform implements PlatformAuthenticator {

    @Override
    public String unavailableReason() {
        return Messages.get("passkey.platform.linux");
    }
}
