package com.advapacs.clinician.fido.nfc;

import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one entry to PC/SC: lists the readers through {@code javax.smartcardio}
 * (pcsc-lite on Linux, WinSCard on Windows, the PC/SC framework on macOS).
 *
 * <p>It first turns off the JDK's own GET RESPONSE handling. By default the JDK handles SW
 * 61xx itself with a GET RESPONSE that repeats the command's class byte, which FIDO keys
 * may refuse for CTAP commands (class 0x80); {@link CtapNfcSession} sends GET RESPONSE as
 * ISO 7816 defines it instead. The JDK reads these properties once, when its channel class
 * loads, so they are set before any other use of {@code javax.smartcardio}.
 */
final class PcscReaders {

    private static final Logger LOG = LoggerFactory.getLogger(PcscReaders.class);

    static {
        System.setProperty("sun.security.smartcardio.t0GetResponse", "false");
        System.setProperty("sun.security.smartcardio.t1GetResponse", "false");
    }

    private static boolean unavailableLogged;
    private static volatile String lastProblem;

    private PcscReaders() {
    }

    /**
     * Returns the readers attached now; none when PC/SC is missing or not running.
     *
     * <p>NOTE: the JDK establishes one PC/SC context per JVM and keeps it, so once pcscd
     * restarts every call fails with SCARD_E_NO_SERVICE until the app restarts (seen with
     * OpenJDK 17 and pcsc-lite 1.9.9). A JVM started while pcscd is down recovers.
     */
    static List<CardTerminal> list() {
        try {
            TerminalFactory factory = TerminalFactory.getInstance("PC/SC", null);
            List<CardTerminal> readers = factory.terminals().list();
            unavailableLogged = false;
            lastProblem = null;
            return readers;
        } catch (CardException | java.security.NoSuchAlgorithmException
                | RuntimeException e) {
            lastProblem = reason(e);
            logUnavailable(lastProblem);
            return List.of();
        }
    }

    /**
     * Returns why the last listing found no readers because of PC/SC itself, such as
     * SCARD_E_NO_SERVICE when pcscd is not running; null when it succeeded.
     */
    static String lastProblem() {
        return lastProblem;
    }

    /** Returns PC/SC's own error name (such as SCARD_E_NO_SERVICE) when there is one. */
    static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.startsWith("SCARD_")) {
                return message;
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static synchronized void logUnavailable(String reason) {
        // SCARD_E_NO_READERS_AVAILABLE is the normal state of most computers.
        if (!unavailableLogged && !reason.contains("NO_READERS")) {
            LOG.info("No NFC readers: PC/SC is not available ({})", reason);
        }
        unavailableLogged = true;
    }
}
