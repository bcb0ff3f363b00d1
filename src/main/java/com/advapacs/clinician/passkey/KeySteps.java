package com.advapacs.clinician.passkey;

import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.FidoProblem;
import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalException;
import com.advapacs.clinician.ui.Background;
import com.advapacs.clinician.webauthn.WebAuthnException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every security-key ceremony shares: wait for a key, select it by touch when
 * several are present, enter its PIN or set a first one, then touch it while the
 * {@link KeyAction} runs. Each step is a {@link Sheet} handed to {@code show}; every sheet
 * has Cancel, and failures end in an error sheet with Try again and Get help.
 *
 * <p>Windows Hello ({@link SecurityKeys.KeyDetails#systemDialog()}) skips the PIN and touch
 * steps: Windows shows its own dialog while the action runs, and the app's sheet points the
 * user to it.
 */
final class KeySteps {

    /** The devices a run may use. */
    enum Devices {
        /** Security keys, or Windows Hello when it is the only device listed. */
        SECURITY_KEYS,
        /** Only the computer's own authenticator. */
        PLATFORM
    }

    /** The step that follows opening a key. */
    enum Step { SYSTEM_DIALOG, NOT_FIDO2, ENTER_PIN, SET_PIN, TOUCH }

    /** The work done while the user touches the key, on a background thread. */
    @FunctionalInterface
    interface KeyAction<T> {
        T run(SecurityKeys.Key key, char[] pin) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(KeySteps.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(600);
    private static final Duration SELECT_WAIT = Duration.ofSeconds(30);
    private static final String USB = "usb";
    private static final String NFC = "nfc";

    /** One look for keys: the keys present and the contactless readers attached. */
    private record Scan(List<SecurityKeys.KeySummary> present, List<String> readers) {
    }

    private final SecurityKeys keys;
    private final Diagnostics diagnostics;
    private final BiConsumer<Node, String> show;
    private final Runnable onCancel;
    private final Window window;
    private final String errorTitleKey;
    private List<String> shownReaders = List.of();

    private SecurityKeys.Key key;
    private Task<?> running;
    private PauseTransition poll;
    private boolean stopped;

    /**
     * @param errorTitleKey message key of the title shown when a step fails
     * @param show shows a sheet with the message key of its title
     * @param onCancel runs when the user cancels or closes after a failure
     */
    KeySteps(SecurityKeys keys, Diagnostics diagnostics, Window window, String errorTitleKey,
            BiConsumer<Node, String> show, Runnable onCancel) {
        this.keys = keys;
        this.errorTitleKey = errorTitleKey;
        this.diagnostics = diagnostics;
        this.window = window;
        this.show = show;
        this.onCancel = onCancel;
    }

    /**
     * Runs the steps: {@code action} once the key and PIN are ready, then
     * {@code onDone} on the FX thread with its result.
     *
     * @param userVerificationRequired whether the request needs a PIN (or built-in UV)
     * @param touchTextKey message key of the touch instruction, given the key's name
     */
    <T> void start(Devices devices, boolean userVerificationRequired, String touchTextKey,
            KeyAction<T> action, Consumer<T> onDone) {
        Flow<T> flow = new Flow<>(devices, userVerificationRequired, touchTextKey, action,
                onDone);
        if (keys == null) {
            fail("library", diagnostics.libraryProblem(), flow);
        } else {
            flow.waitForKey();
        }
    }

    /**
     * Returns the keys of {@code present} that a run for {@code devices} may use. Without
     * administrator rights, Windows lists no USB keys, and its own dialog behind Windows
     * Hello reaches them instead, so Windows Hello is used for them.
     */
    static List<SecurityKeys.KeySummary> usable(List<SecurityKeys.KeySummary> present,
            Devices devices) {
        List<SecurityKeys.KeySummary> systemDialogs = present.stream()
                .filter(SecurityKeys.KeySummary::systemDialog).toList();
        if (devices == Devices.PLATFORM) {
            return systemDialogs;
        }
        List<SecurityKeys.KeySummary> keys = present.stream()
                .filter(key -> !key.systemDialog()).toList();
        // NOTE: with administrator rights and a USB key plugged in, a security-key sign-in
        // uses the key alone, so a Windows Hello passkey cannot sign in then.
        return keys.isEmpty() ? systemDialogs : keys;
    }

    /** Returns the step after opening a key with {@code details}. */
    static Step firstStep(SecurityKeys.KeyDetails details, boolean userVerificationRequired) {
        if (details.systemDialog()) {
            return Step.SYSTEM_DIALOG;
        }
        if (!details.fido2()) {
            return Step.NOT_FIDO2;
        }
        if (details.pinSet()) {
            return Step.ENTER_PIN;
        }
        if (details.pinSupported() && !details.builtInUserVerification()
                && (userVerificationRequired || details.alwaysUserVerification())) {
            return Step.SET_PIN;
        }
        return Step.TOUCH;
    }

    /** Stops polling, cancels a running request and closes the key. */
    void stop() {
        stopped = true;
        if (poll != null) {
            poll.stop();
        }
        if (running != null && running.isRunning()) {
            if (key != null) {
                key.cancel();
            } else if (keys != null) {
                keys.cancelSelection();
            }
        }
        closeKey();
    }

    /** One run of the steps, with the request's own action. */
    private final class Flow<T> {

        private final Devices devices;
        private final boolean userVerificationRequired;
        private final String touchTextKey;
        private final KeyAction<T> action;
        private final Consumer<T> onDone;

        Flow(Devices devices, boolean userVerificationRequired, String touchTextKey,
                KeyAction<T> action, Consumer<T> onDone) {
            this.devices = devices;
            this.userVerificationRequired = userVerificationRequired;
            this.touchTextKey = touchTextKey;
            this.action = action;
            this.onDone = onDone;
        }

        void waitForKey() {
            if (devices == Devices.PLATFORM) {
                Sheet sheet = systemDialogSheet();
                sheet.cancel(Messages.get("passkey.cancel"), KeySteps.this::cancel);
                show.accept(sheet, "passkey.system.title");
            } else {
                showInsert(List.of());
            }
            pollForKeys();
        }

        /** Shows where to put a key: USB, and the contactless readers attached now. */
        private void showInsert(List<String> readers) {
            shownReaders = readers;
            Sheet sheet = readers.isEmpty()
                    ? new Sheet("key-insert", Messages.get("passkey.insert.title"),
                            Messages.get("passkey.insert.text"))
                    : new Sheet("key-insert", Messages.get("passkey.insert.nfcTitle"),
                            Messages.get("passkey.insert.nfcText", String.join(", ", readers),
                                    readers.size()));
            sheet.waiting();
            sheet.cancel(Messages.get("passkey.cancel"), KeySteps.this::cancel);
            show.accept(sheet, readers.isEmpty() ? "passkey.insert.title"
                    : "passkey.insert.nfcTitle");
        }

        private void pollForKeys() {
            running = Background.run(this::scan, scan -> {
                if (stopped) {
                    return;
                }
                if (scan.present().isEmpty() && devices == Devices.PLATFORM) {
                    fail("discovery", FidoException.of(FidoProblem.PLATFORM_NOT_FOUND,
                            "no Windows Hello device listed"), this);
                } else if (scan.present().isEmpty()) {
                    if (!scan.readers().equals(shownReaders)) {
                        showInsert(scan.readers());
                    }
                    poll = new PauseTransition(
                            javafx.util.Duration.millis(POLL_INTERVAL.toMillis()));
                    poll.setOnFinished(event -> pollForKeys());
                    poll.play();
                } else {
                    select(scan.present());
                }
            }, failure -> fail("discovery", failure, this));
        }

        /** Looks for keys, and for the readers to name only while no key is present. */
        private Scan scan() throws FidoException {
            List<SecurityKeys.KeySummary> present = usable(keys.present(), devices);
            boolean nameReaders = present.isEmpty() && devices != Devices.PLATFORM;
            return new Scan(present, nameReaders ? keys.nfcReaders() : List.of());
        }

        private void select(List<SecurityKeys.KeySummary> present) {
            if (present.size() > 1) {
                VBox list = new VBox(4);
                list.setId("key-select-list");
                for (SecurityKeys.KeySummary summary : present) {
                    Label item = new Label(Messages.get("passkey.select.item",
                            summary.product(), transportLabel(summary)));
                    item.setWrapText(true);
                    list.getChildren().add(item);
                }
                Sheet sheet = new Sheet("key-select", Messages.get("passkey.select.title"),
                        Messages.get("passkey.select.text", present.size())).content(list)
                        .waiting();
                sheet.cancel(Messages.get("passkey.cancel"), KeySteps.this::cancel);
                show.accept(sheet, "passkey.select.title");
            }
            running = Background.run(() -> keys.select(present, SELECT_WAIT), opened -> {
                if (stopped) {
                    opened.close();
                    return;
                }
                key = opened;
                diagnostics.key(opened.details());
                decidePin();
            }, failure -> fail("select", failure, this));
        }

        private void decidePin() {
            SecurityKeys.KeyDetails details = key.details();
            LOG.info("Using security key {} over {}", details.product(), details.transport());
            switch (firstStep(details, userVerificationRequired)) {
                case NOT_FIDO2 -> fail("getInfo",
                        FidoException.of(FidoProblem.UNSUPPORTED_BY_KEY, "U2F only"), this);
                case ENTER_PIN -> enterPin(null);
                case SET_PIN -> setPin();
                case SYSTEM_DIALOG, TOUCH -> touch(null);
            }
        }

        private void enterPin(String problem) {
            SecurityKeys.KeyDetails details = key.details();
            PasswordField pinField = new PasswordField();
            pinField.setId("key-pin");
            pinField.setAccessibleText(Messages.get("passkey.pin.accessible"));
            Sheet sheet = new Sheet("key-pin-sheet", Messages.get("passkey.pin.title"),
                    Messages.get("passkey.pin.text", keyName(details)))
                    .content(fieldLabel("passkey.pin.label", pinField), pinField);
            if (problem != null) {
                sheet.status.error(problem);
            } else if (details.pinRetries() >= 0 && details.pinRetries() <= 3) {
                sheet.status.info(Messages.get("passkey.pin.retries", details.pinRetries()));
            }
            sheet.cancel(Messages.get("passkey.cancel"), KeySteps.this::cancel);
            sheet.primary(Messages.get("passkey.next"), () -> {
                if (pinField.getText().isEmpty()) {
                    sheet.status.error(Messages.get("passkey.pin.missing"));
                    pinField.requestFocus();
                    return;
                }
                char[] pin = pinField.getText().toCharArray();
                pinField.clear();
                touch(pin);
            });
            show.accept(sheet, "passkey.pin.title");
            pinField.requestFocus();
        }

        private void setPin() {
            int minimum = key.details().minPinLength();
            PasswordField first = new PasswordField();
            first.setId("key-new-pin");
            PasswordField second = new PasswordField();
            second.setId("key-confirm-pin");
            Sheet sheet = new Sheet("key-set-pin-sheet", Messages.get("passkey.setPin.title"),
                    Messages.get("passkey.setPin.text", minimum)).content(
                            fieldLabel("passkey.setPin.new", first), first,
                            fieldLabel("passkey.setPin.confirm", second), second);
            sheet.cancel(Messages.get("passkey.cancel"), KeySteps.this::cancel);

            var save = sheet.primary(Messages.get("passkey.setPin.save"), () -> {
                char[] pin = first.getText().toCharArray();
                first.clear();
                second.clear();
                sheet.waiting();
                running = Background.run(() -> {
                    key.setPin(pin);
                    return Boolean.TRUE;
                }, done -> {
                    LOG.info("PIN set on security key {}", key.details().product());
                    enterPin(null);
                }, failure -> fail("setPin", failure, this));
            });
            Runnable validate = () -> save.setDisable(
                    !showPinProblem(sheet, first.getText(), second.getText(), minimum));

            first.textProperty().addListener((observable, before, after) -> validate.run());
            second.textProperty().addListener((observable, before, after) -> validate.run());
            save.setDisable(true);
            show.accept(sheet, "passkey.setPin.title");
            first.requestFocus();
        }

        /** Shows what is wrong with the new PIN, if anything; returns true when it is valid. */
        private boolean showPinProblem(Sheet sheet, String pin, String confirmation,
                int minimum) {
            String problem = PinRules.problem(pin, minimum);
            boolean match = pin.equals(confirmation);
            if (pin.isEmpty()) {
                sheet.status.clear();
            } else if (problem != null) {
                sheet.status.error(Messages.get(problem, minimum, PinRules.MAX_UTF8_BYTES));
            } else if (!confirmation.isEmpty() && !match) {
                sheet.status.error(Messages.get("passkey.setPin.mismatch"));
            } else {
                sheet.status.clear();
            }
            return problem == null && match;
        }

        private void touch(char[] pin) {
            SecurityKeys.KeyDetails details = key.details();
            boolean systemDialog = details.systemDialog();
            boolean nfc = NFC.equals(details.transport());
            Sheet sheet;
            String titleKey;
            if (systemDialog) {
                sheet = systemDialogSheet();
                titleKey = "passkey.system.title";
            } else if (nfc) {
                // On a reader, the key's presence in the field is its touch.
                sheet = new Sheet("key-touch", Messages.get("passkey.touch.nfcTitle"),
                        Messages.get(touchTextKey + ".nfc", details.manufacturer())).waiting();
                titleKey = "passkey.touch.nfcTitle";
            } else {
                sheet = new Sheet("key-touch", Messages.get("passkey.touch.title"),
                        Messages.get(touchTextKey, details.product())).waiting();
                titleKey = "passkey.touch.title";
            }
            sheet.cancel(Messages.get("passkey.cancel"), () -> {
                key.cancel();
                cancel();
            });
            show.accept(sheet, titleKey);
            running = Background.run(() -> {
                try {
                    return action.run(key, pin);
                } finally {
                    if (pin != null) {
                        Arrays.fill(pin, '\0');
                    }
                }
            }, result -> {
                closeKey();
                onDone.accept(result);
            }, failure -> {
                FidoProblem problem = failure instanceof FidoException e ? e.problem() : null;
                if (systemDialog) {
                    fail("ceremony", failure, this);
                } else if (problem == FidoProblem.PIN_INVALID) {
                    enterPin(((FidoException) failure).userMessage());
                } else if ((problem == FidoProblem.PIN_REQUIRED
                        || problem == FidoProblem.PIN_NOT_SET) && !key.details().pinSet()) {
                    setPin();
                } else {
                    fail("ceremony", failure, this);
                }
            });
        }
    }

    /** Returns how sentences name the key: its model, or "the key on the reader" for NFC. */
    private static String keyName(SecurityKeys.KeyDetails details) {
        return NFC.equals(details.transport()) ? Messages.get("passkey.nfcKeyName")
                : details.product();
    }

    /** Returns how the key chooser names a key's connection, such as "NFC, reader X". */
    private static String transportLabel(SecurityKeys.KeySummary summary) {
        return switch (summary.transport()) {
            case USB -> Messages.get("passkey.transport.usb");
            case NFC -> Messages.get("passkey.transport.nfc", summary.reader());
            default -> Messages.get("passkey.transport.other");
        };
    }

    /** Builds the sheet shown while Windows' own dialog is open. */
    private static Sheet systemDialogSheet() {
        return new Sheet("key-system-dialog", Messages.get("passkey.system.title"),
                Messages.get("passkey.system.text")).waiting();
    }

    private void cancel() {
        stop();
        onCancel.run();
    }

    private void fail(String step, Throwable failure, Flow<?> flow) {
        if (stopped) {
            return;
        }
        diagnostics.failure(step, failure);
        if (failure instanceof FidoException || failure instanceof PortalException
                || failure instanceof WebAuthnException) {
            LOG.info("Security key step {} failed: {}", step, failure.getMessage());
        } else {
            LOG.error("Security key step {} failed", step, failure);
        }
        boolean onReader = key != null && NFC.equals(key.details().transport());
        closeKey();
        String text = onReader && failure instanceof FidoException e
                && e.problem() == FidoProblem.KEY_REMOVED
                ? Messages.get("passkey.nfcRemoved") : message(failure);
        Sheet sheet = new Sheet("key-error", Messages.get(errorTitleKey), text);
        sheet.button(Messages.get("passkey.help"), () -> diagnostics.showHelp(window));
        if (keys != null && retryCanHelp(failure)) {
            sheet.cancel(Messages.get("passkey.close"), this::cancel);
            sheet.primary(Messages.get("passkey.retry"), flow::waitForKey);
        } else {
            sheet.primary(Messages.get("passkey.close"), this::cancel).setCancelButton(true);
        }
        show.accept(sheet, errorTitleKey);
    }

    /** Returns false for failures that the same key would repeat, so Try again is not offered. */
    private static boolean retryCanHelp(Throwable failure) {
        if (!(failure instanceof FidoException e)) {
            return true;
        }
        return switch (e.problem()) {
            case ALREADY_REGISTERED, PIN_BLOCKED, UV_BLOCKED, UNSUPPORTED_BY_KEY,
                    LIBRARY_MISSING -> false;
            default -> true;
        };
    }

    private void closeKey() {
        SecurityKeys.Key opened = key;
        key = null;
        if (opened != null) {
            Background.fireAndForget("Closing the security key", () -> {
                opened.close();
                return null;
            });
        }
    }

    /** Returns the user-facing message for a failure of any step. */
    static String message(Throwable failure) {
        if (failure instanceof FidoException e) {
            return e.userMessage();
        }
        if (failure instanceof PortalException || failure instanceof WebAuthnException) {
            return failure.getMessage();
        }
        return Messages.get("error.unexpected");
    }

    static Label fieldLabel(String messageKey, Node field) {
        Label label = new Label(Messages.get(messageKey));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        label.setPadding(new Insets(4, 0, 0, 0));
        return label;
    }
}
