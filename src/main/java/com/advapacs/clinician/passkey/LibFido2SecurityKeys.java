package com.advapacs.clinician.passkey;

import com.advapacs.clinician.fido.AssertionCeremony;
import com.advapacs.clinician.fido.AssertionRequest;
import com.advapacs.clinician.fido.AssertionResult;
import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.DeviceInfo;
import com.advapacs.clinician.fido.DeviceSource;
import com.advapacs.clinician.fido.FidoDevice;
import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.FidoProblem;
import com.advapacs.clinician.fido.PinManager;
import com.advapacs.clinician.fido.RegistrationCeremony;
import com.advapacs.clinician.fido.RegistrationRequest;
import com.advapacs.clinician.fido.RegistrationResult;
import com.advapacs.clinician.fido.TouchSelector;
import com.advapacs.clinician.fido.Transport;
import com.advapacs.clinician.fido.UserVerificationRequirement;
import com.advapacs.clinician.fido.nfc.PcscDeviceSource;
import com.advapacs.clinician.webauthn.ClientData;
import com.advapacs.clinician.webauthn.CreationOptions;
import com.advapacs.clinician.webauthn.CredentialDescriptor;
import com.advapacs.clinician.webauthn.RequestOptions;
import com.advapacs.clinician.webauthn.ResponseJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/** {@link SecurityKeys} through the system libfido2. */
public final class LibFido2SecurityKeys implements SecurityKeys {

    /** Budget for one call on a key, including the time the user takes to touch it. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final List<DeviceSource> sources;
    private final List<DeviceEntry> lastSeen = new ArrayList<>();
    private volatile TouchSelector selection;

    public LibFido2SecurityKeys(List<DeviceSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public synchronized List<KeySummary> present() throws FidoException {
        lastSeen.clear();
        for (DeviceSource source : sources) {
            lastSeen.addAll(source.devices());
        }
        List<KeySummary> summaries = new ArrayList<>();
        for (DeviceEntry entry : lastSeen) {
            summaries.add(new KeySummary(entry.path(), entry.product(),
                    entry.transport().name().toLowerCase(Locale.ROOT),
                    entry.transport() == Transport.NFC ? entry.manufacturer() : null,
                    entry.transport() == Transport.WINDOWS_HELLO));
        }
        return summaries;
    }

    @Override
    public List<String> nfcReaders() {
        List<String> readers = new ArrayList<>();
        for (DeviceSource source : sources) {
            if (source instanceof PcscDeviceSource pcsc) {
                readers.addAll(pcsc.readers());
            }
        }
        return readers;
    }

    @Override
    public Key select(List<KeySummary> keys, Duration wait) throws FidoException {
        List<DeviceEntry> entries = new ArrayList<>();
        synchronized (this) {
            for (KeySummary summary : keys) {
                lastSeen.stream().filter(entry -> entry.path().equals(summary.path()))
                        .findFirst().ifPresent(entries::add);
            }
        }
        if (entries.isEmpty()) {
            throw FidoException.of(FidoProblem.KEY_NOT_FOUND, "no key to select");
        }
        TouchSelector selector = new TouchSelector();
        selection = selector;
        try {
            // The wait is also each opened key's budget per call, touch included.
            return new OpenedKey(selector.select(entries, wait.compareTo(CALL_TIMEOUT) > 0
                    ? wait : CALL_TIMEOUT));
        } finally {
            selection = null;
        }
    }

    @Override
    public void cancelSelection() {
        TouchSelector selector = selection;
        if (selector != null) {
            selector.cancel();
        }
    }

    /**
     * Builds the {@code RegistrationResponseJSON} for a new credential.
     *
     * @param attestation the relying party's attestation preference; "none" strips the
     *     attestation statement
     * @param transport how the app reached the authenticator; for Windows Hello, libfido2
     *     created the credential through Windows' dialog
     */
    public static ObjectNode registrationResponse(RegistrationResult result,
            ClientData clientData, String attestation, Transport transport,
            boolean residentKey) {
        byte[] attestationObject = "none".equals(attestation)
                ? result.anonymousAttestationObject() : result.attestationObject();
        CredentialAttachment attachment = CredentialAttachment.of(transport, result.aaguid());
        return ResponseJson.registration(result.credentialId(), clientData, attestationObject,
                result.authenticatorData(), attachment.transports(), attachment.attachment(),
                residentKey);
    }

    /** An opened key adapted to what the passkey screens need. */
    private static final class OpenedKey implements Key {

        private final FidoDevice device;

        OpenedKey(FidoDevice device) {
            this.device = device;
        }

        @Override
        public KeyDetails details() {
            DeviceInfo info = device.info();
            int retries = -1;
            // Windows Hello reports clientPin but has no PIN retry counter to read.
            if (info.fido2() && info.pinSet() && !device.windowsHello()) {
                try {
                    retries = PinManager.retries(device);
                } catch (FidoException e) {
                    retries = -1;
                }
            }
            return new KeyDetails(info.product(), info.manufacturer(),
                    info.transport().name().toLowerCase(Locale.ROOT),
                    info.aaguid().map(Object::toString).orElse(null),
                    info.firmwareVersion() == 0 ? null : Long.toString(info.firmwareVersion()),
                    info.fido2(), info.pinSet(), info.supportsPin(),
                    info.builtInUserVerification(), info.alwaysUserVerification(),
                    info.minPinLength(), retries, device.windowsHello());
        }

        @Override
        public void setPin(char[] pin) throws FidoException {
            PinManager.setPin(device, pin);
        }

        @Override
        public ObjectNode makeCredential(CreationOptions options, ClientData clientData,
                char[] pin) throws FidoException {
            boolean residentKey = options.residentKeyRequired()
                    || (options.residentKeyPreferred() && device.info().residentKeys());
            RegistrationRequest.Builder request = RegistrationRequest.builder(options.rpId(),
                    com.advapacs.clinician.fido.ClientData.ofJson(clientData.json()),
                    options.userId(), options.userName())
                    .rpName(options.rpName())
                    .userDisplayName(options.userDisplayName())
                    .residentKey(residentKey)
                    .userVerification(requirement(options.userVerification()));
            for (CredentialDescriptor excluded : options.excludeCredentials()) {
                request.exclude(excluded.id());
            }
            RegistrationResult result = RegistrationCeremony.makeCredential(device,
                    request.build(), pin);
            return registrationResponse(result, clientData, options.attestation(),
                    device.windowsHello() ? Transport.WINDOWS_HELLO : device.entry().transport(),
                    residentKey);
        }

        @Override
        public List<Assertion> getAssertion(RequestOptions options, ClientData clientData,
                char[] pin) throws FidoException {
            AssertionRequest.Builder request = AssertionRequest.builder(options.rpId(),
                    com.advapacs.clinician.fido.ClientData.ofJson(clientData.json()))
                    .userVerification(requirement(options.userVerification()));
            for (CredentialDescriptor allowed : options.allowCredentials()) {
                request.allow(allowed.id());
            }
            List<Assertion> assertions = new ArrayList<>();
            for (AssertionResult result : AssertionCeremony.getAssertion(device, request.build(),
                    pin)) {
                assertions.add(new Assertion(result.userName(), result.userDisplayName(),
                        ResponseJson.authentication(result.credentialId(), clientData,
                                result.authenticatorData(), result.signature(),
                                result.userHandle(), "cross-platform")));
            }
            return assertions;
        }

        @Override
        public void cancel() {
            device.cancel();
        }

        @Override
        public void close() {
            device.close();
        }

        private static UserVerificationRequirement requirement(String value) {
            return switch (value) {
                case "required" -> UserVerificationRequirement.REQUIRED;
                case "discouraged" -> UserVerificationRequirement.DISCOURAGED;
                default -> UserVerificationRequirement.PREFERRED;
            };
        }
    }
}
