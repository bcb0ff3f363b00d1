package com.advapacs.clinician.passkey;

import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.webauthn.ClientData;
import com.advapacs.clinician.webauthn.CreationOptions;
import com.advapacs.clinician.webauthn.RequestOptions;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access to security keys for the passkey screens. Every method blocks, so call them from
 * a background thread. {@link Key#cancel()} may be called from any thread.
 */
public interface SecurityKeys {

    /** Lists the keys present now: USB, NFC, and developer simulators when enabled. */
    List<KeySummary> present() throws FidoException;

    /** Names the contactless readers attached now, where a key can be held. */
    List<String> nfcReaders();

    /**
     * Opens the one key present, or, when several are, makes each blink and returns the
     * one the user touches within {@code wait}.
     */
    Key select(List<KeySummary> keys, Duration wait) throws FidoException;

    /** Stops a running {@link #select}, from any thread; it then fails as cancelled. */
    void cancelSelection();

    /**
     * A key present on this computer, not yet opened.
     *
     * @param transport "usb", "nfc" or another {@code Transport} name in lower case
     * @param reader the contactless reader holding an NFC key, otherwise null
     * @param systemDialog true for Windows Hello, where the operating system shows its own
     *     dialog and that dialog also reaches USB keys
     */
    record KeySummary(String path, String product, String transport, String reader,
            boolean systemDialog) {
    }

    /** An opened key. */
    interface Key extends AutoCloseable {

        KeyDetails details();

        /** Sets the first PIN of a key that has none; the array is wiped afterwards. */
        void setPin(char[] pin) throws FidoException;

        /**
         * Creates a credential and returns the {@code RegistrationResponseJSON} for the
         * portal. {@code pin} may be null when the key needs none; it is wiped afterwards.
         */
        ObjectNode makeCredential(CreationOptions options, ClientData clientData, char[] pin)
                throws FidoException;

        /**
         * Signs in and returns one {@code AuthenticationResponseJSON} per credential the key
         * offers (several only for a discoverable request with several accounts).
         */
        List<Assertion> getAssertion(RequestOptions options, ClientData clientData, char[] pin)
                throws FidoException;

        /** Abandons the running request, from any thread. */
        void cancel();

        @Override
        void close();
    }

    /**
     * Key facts the screens show and decide with.
     *
     * @param pinSet whether a PIN is set on the key
     * @param minPinLength the key's minimum PIN length in Unicode code points
     * @param pinRetries attempts left before the PIN is blocked, or -1 when unknown
     * @param systemDialog true for Windows Hello, whose own dialog verifies the user, so the
     *     app shows no PIN or touch step
     */
    record KeyDetails(String product, String manufacturer, String transport, String aaguid,
            String firmware, boolean fido2, boolean pinSet, boolean pinSupported,
            boolean builtInUserVerification, boolean alwaysUserVerification,
            int minPinLength, int pinRetries, boolean systemDialog) {
    }

    /** One account a key can sign in with, and the response for it. */
    record Assertion(String userName, String userDisplayName, ObjectNode response) {
    }
}
