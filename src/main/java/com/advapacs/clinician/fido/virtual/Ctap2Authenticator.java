package com.advapacs.clinician.fido.virtual;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CTAP2 command layer of a virtual key: decodes a CTAPHID_CBOR message (command byte,
 * then CBOR), runs the command and returns the status byte followed by the CBOR response.
 */
final class Ctap2Authenticator {

    static final int MAKE_CREDENTIAL = 0x01;
    static final int GET_ASSERTION = 0x02;
    static final int GET_INFO = 0x04;
    static final int CLIENT_PIN = 0x06;
    static final int RESET = 0x07;
    static final int GET_NEXT_ASSERTION = 0x08;

    private final AuthenticatorConfig config;
    private final CredentialStore store = new CredentialStore();
    private final PinState pin = new PinState();
    private final UserPresence presence;
    private final MakeCredentialCommand makeCredential;
    private final GetAssertionCommand getAssertion;
    private final ClientPinCommand clientPin;
    private long powerUpNanos = System.nanoTime();

    Ctap2Authenticator(AuthenticatorConfig config, UserPresence presence) {
        this.config = config;
        this.presence = presence;
        if (config.initialPin != null) {
            pin.setPin(config.initialPin.getBytes(StandardCharsets.UTF_8));
        }
        UserVerification verification = new UserVerification(config, pin, presence);
        makeCredential = new MakeCredentialCommand(config, store, verification, presence);
        getAssertion = new GetAssertionCommand(store, verification, presence);
        clientPin = new ClientPinCommand(config, pin);
    }

    synchronized byte[] handle(byte[] message, CommandContext context) {
        if (message.length == 0) {
            return new byte[] {(byte) CtapStatus.INVALID_LENGTH};
        }
        int command = message[0] & 0xff;
        byte[] payload = Arrays.copyOfRange(message, 1, message.length);
        try {
            if (command != GET_NEXT_ASSERTION) {
                getAssertion.endSeries();
            }
            Map<Object, Object> response = dispatch(command, payload, context);
            return success(response);
        } catch (CtapException e) {
            return new byte[] {(byte) e.status()};
        }
    }

    private Map<Object, Object> dispatch(int command, byte[] payload, CommandContext context)
            throws CtapException {
        switch (command) {
            case GET_INFO:
                return info();
            case MAKE_CREDENTIAL:
                return makeCredential.handle(CtapRequest.parse(payload), context);
            case GET_ASSERTION:
                return getAssertion.handle(CtapRequest.parse(payload), context);
            case GET_NEXT_ASSERTION:
                return getAssertion.next();
            case CLIENT_PIN:
                return clientPin.handle(CtapRequest.parse(payload));
            case RESET:
                reset(context);
                return Map.of();
            default:
                throw new CtapException(CtapStatus.INVALID_COMMAND, "command " + command);
        }
    }

    /** authenticatorGetInfo response (CTAP 2.1 section 6.4). */
    Map<Object, Object> info() {
        Map<Object, Object> options = new LinkedHashMap<>();
        options.put("rk", true);
        options.put("up", true);
        options.put("plat", false);
        options.put("clientPin", pin.isSet());
        if (config.builtInUv) {
            options.put("uv", true);
        }
        if (config.pinUvAuthToken) {
            options.put("pinUvAuthToken", true);
        }
        if (config.credentialManagement) {
            options.put("credMgmt", true);
        }
        if (config.alwaysUv) {
            options.put("alwaysUv", true);
        }
        options.put("makeCredUvNotRqd", config.makeCredUvNotRequired);

        Map<Object, Object> info = new LinkedHashMap<>();
        info.put(1, List.of("FIDO_2_0", "FIDO_2_1"));
        info.put(2, List.of("credProtect"));
        info.put(3, config.aaguid);
        info.put(4, options);
        info.put(5, 1200);
        info.put(6, config.pinUvAuthProtocols);
        info.put(7, 8);
        info.put(8, 128);
        info.put(9, List.of("usb", "nfc"));
        info.put(10, List.of(Map.of("alg", -7, "type", "public-key")));
        info.put(13, config.minPinLength);
        info.put(14, config.firmwareVersion);
        info.put(20, Math.max(0, config.maxResidentKeys - store.discoverableCount()));
        return info;
    }

    /** authenticatorReset: only within the reset window after power-up, after a touch. */
    private void reset(CommandContext context) throws CtapException {
        if (System.nanoTime() - powerUpNanos > config.resetWindow.toNanos()) {
            throw new CtapException(CtapStatus.NOT_ALLOWED, "reset window passed");
        }
        presence.awaitTouch(context);
        store.clear();
        pin.clear();
    }

    synchronized void powerUp() {
        powerUpNanos = System.nanoTime();
        pin.powerUp();
        getAssertion.endSeries();
    }

    synchronized int credentialCount() {
        return store.size();
    }

    synchronized int pinRetries() {
        return pin.retries();
    }

    synchronized boolean pinSet() {
        return pin.isSet();
    }

    private static byte[] success(Map<Object, Object> response) {
        if (response.isEmpty()) {
            return new byte[] {(byte) CtapStatus.OK};
        }
        byte[] body = Cbor.encode(response);
        byte[] message = new byte[body.length + 1];
        System.arraycopy(body, 0, message, 1, body.length);
        return message;
    }
}
