package com.advapacs.clinician.e2e;

import com.advapacs.clinician.fido.Transport;
import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.FidoDevice;
import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.FidoProblem;
import com.advapacs.clinician.fido.RegistrationCeremony;
import com.advapacs.clinician.fido.RegistrationRequest;
import com.advapacs.clinician.fido.RegistrationResult;
import com.advapacs.clinician.fido.UserVerificationRequirement;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import com.advapacs.clinician.fido.virtual.VirtualDeviceSource;
import com.advapacs.clinician.passkey.LibFido2SecurityKeys;
import com.advapacs.clinician.passkey.SecurityKeys;
import com.advapacs.clinician.webauthn.ClientData;
import com.advapacs.clinician.webauthn.CreationOptions;
import com.advapacs.clinician.webauthn.CredentialDescriptor;
import com.advapacs.clinician.webauthn.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for libfido2's Windows Hello device, which exists only on Windows. It lists one
 * device that shows a system dialog, as {@code windows://hello} does, and creates each
 * credential on a virtual key with Windows Hello's AAGUID through the real libfido2. The
 * response is built by the code that builds it for Windows Hello. Until
 * {@link #closeDialog()}, each registration waits, as Windows' own dialog would.
 */
final class WindowsHelloStandIn implements SecurityKeys, AutoCloseable {

    private static final String AAGUID = "08987058cadc4b81b6e130de50dcbe96";

    private final VirtualAuthenticator virtualKey = new VirtualAuthenticator(
            new AuthenticatorConfig().aaguid(HexFormat.of().parseHex(AAGUID)));
    private final DeviceEntry entry = new VirtualDeviceSource().add(virtualKey).devices().get(0);
    private final CountDownLatch dialogClosed = new CountDownLatch(1);
    /** Whether each registration was given a PIN. The app must send none to Windows Hello. */
    final List<Boolean> pinsGiven = new ArrayList<>();

    /** Lets the waiting registration, and any later one, finish. */
    void closeDialog() {
        dialogClosed.countDown();
    }

    @Override
    public List<String> nfcReaders() {
        return List.of();
    }

    @Override
    public List<KeySummary> present() {
        return List.of(new KeySummary("windows://hello", "Windows Hello", "windows_hello",
                null, true));
    }

    @Override
    public Key select(List<KeySummary> keys, Duration wait) {
        return new HelloKey();
    }

    @Override
    public void cancelSelection() {
    }

    @Override
    public void close() {
        virtualKey.close();
    }

    /** The opened device, with the getInfo that libfido2 reports for Windows Hello. */
    private final class HelloKey implements Key {

        @Override
        public KeyDetails details() {
            return new KeyDetails("Windows Hello", "Microsoft Corporation", "windows_hello",
                    null, null, true, true, true, false, false, 4, -1, true);
        }

        @Override
        public void setPin(char[] pin) throws FidoException {
            throw FidoException.of(FidoProblem.UNSUPPORTED_BY_KEY, "Windows Hello has no PIN");
        }

        @Override
        public ObjectNode makeCredential(CreationOptions options, ClientData clientData,
                char[] pin) throws FidoException {
            synchronized (pinsGiven) {
                pinsGiven.add(pin != null);
            }
            try {
                if (!dialogClosed.await(UiDriver.WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw FidoException.of(FidoProblem.TIMED_OUT, "the test did not close the dialog");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw FidoException.of(FidoProblem.CANCELLED, "interrupted");
            }
            boolean residentKey = options.residentKeyRequired() || options.residentKeyPreferred();
            RegistrationRequest.Builder request = RegistrationRequest.builder(options.rpId(),
                    com.advapacs.clinician.fido.ClientData.ofJson(clientData.json()),
                    options.userId(), options.userName())
                    .rpName(options.rpName())
                    .userDisplayName(options.userDisplayName())
                    .residentKey(residentKey)
                    .userVerification(UserVerificationRequirement.DISCOURAGED);
            for (CredentialDescriptor excluded : options.excludeCredentials()) {
                request.exclude(excluded.id());
            }
            try (FidoDevice device = FidoDevice.open(entry, Duration.ofSeconds(10))) {
                RegistrationResult result = RegistrationCeremony.makeCredential(device,
                        request.build(), null);
                return LibFido2SecurityKeys.registrationResponse(result, clientData,
                        options.attestation(), Transport.WINDOWS_HELLO, residentKey);
            }
        }

        @Override
        public List<Assertion> getAssertion(RequestOptions options, ClientData clientData,
                char[] pin) throws FidoException {
            throw FidoException.of(FidoProblem.UNSUPPORTED_BY_KEY, "registration only");
        }

        @Override
        public void cancel() {
            dialogClosed.countDown();
        }

        @Override
        public void close() {
        }
    }
}
