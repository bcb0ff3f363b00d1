package com.advapacs.clinician.fido.virtual;

/**
 * The NFC interface of a {@link VirtualAuthenticator}: a contactless ISO/IEC 7816-4 card
 * with the FIDO applet, for a PC/SC reader emulation to serve. A new card is powered on,
 * as if held in a reader's field.
 */
public final class NfcCard {

    private final NfcApplet applet;

    NfcCard(NfcApplet applet) {
        this.applet = applet;
    }

    /** Returns the ATR {@code 3B 80 80 01 01}: a PC/SC contactless card, T=1. */
    public byte[] atr() {
        return NfcApplet.ATR.clone();
    }

    /**
     * Processes a command APDU and returns the response APDU: data, then SW1 SW2. An
     * NFCCTAP_MSG without status updates (P1 0x00) blocks until the CTAP command finishes,
     * e.g. until {@link VirtualAuthenticator#touch()}.
     *
     * @throws IllegalStateException when the card is powered off, when another call is in
     *     progress, or when {@link #powerOff()} or {@link #reset()} ends the command first
     */
    public byte[] transmit(byte[] commandApdu) {
        return applet.transmit(commandApdu.clone());
    }

    /** Brings the card back into a field after {@link #powerOff()}, power-cycling the key. */
    public void powerOn() {
        applet.powerOn();
    }

    /**
     * Takes the card out of the field: the applet is deselected, and a running CTAP command
     * ends as on unplugging a USB key, without a response.
     */
    public void powerOff() {
        applet.powerOff();
    }

    /** Resets the card: the applet is deselected and a running CTAP command is dropped. */
    public void reset() {
        applet.reset();
    }

    public boolean poweredOn() {
        return applet.poweredOn();
    }

    /** Returns how many NFCCTAP status updates (SW 9100) the card has sent so far. */
    public int keepAlivesSent() {
        return applet.keepAlivesSent();
    }
}
