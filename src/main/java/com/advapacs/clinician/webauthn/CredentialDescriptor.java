package com.advapacs.clinician.webauthn;

import java.util.List;

/** A credential the portal names in an exclude or allow list, with its transports. */
public record CredentialDescriptor(byte[] id, List<String> transports) {

    public CredentialDescriptor {
        id = id.clone();
        transports = List.copyOf(transports);
    }

    @Override
    public byte[] id() {
        return id.clone();
    }
}
