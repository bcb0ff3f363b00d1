package com.advapacs.clinician.passkey;

import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.FidoProblem;
import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PasskeyCeremony;
import com.advapacs.clinician.portal.PasskeyRegistration;
import com.advapacs.clinician.portal.PortalException;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.ui.Background;
import com.advapacs.clinician.ui.Styles;
import com.advapacs.clinician.webauthn.ClientData;
import com.advapacs.clinician.webauthn.CreationOptions;
import com.advapacs.clinician.webauthn.WebAuthnException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The add-passkey window: choose the kind of authenticator, insert the security key,
 * select it by touch when several are present, enter or set its PIN, touch it, and name
 * the new passkey. Each state is its own {@link Sheet}; every one has Cancel.
 *
 * <p>The portal's challenge is fetched only when the key is ready, so a user who takes
 * long over the PIN does not meet an expired request.
 */
final class AddPasskeyWindow {

    private static final Logger LOG = LoggerFactory.getLogger(AddPasskeyWindow.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(600);
    private static final Duration SELECT_WAIT = Duration.ofSeconds(30);

    private final Stage stage = new Stage();
    private final StackPane root = new StackPane();
    private final PortalSession portal;
    private final SecurityKeys keys;
    private final String platformUnavailableReason;
    private final Consumer<String> onAdded;
    private final Diagnostics diagnostics;

    private SecurityKeys.Key key;
    private Task<?> running;
    private PauseTransition poll;
    private boolean closed;

    AddPasskeyWindow(Window owner, PortalSession portal, SecurityKeys keys,
            String platformUnavailableReason, Diagnostics diagnostics, Consumer<String> onAdded) {
        this.portal = portal;
        this.keys = keys;
        this.platformUnavailableReason = platformUnavailableReason;
        this.diagnostics = diagnostics;
        this.onAdded = onAdded;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        root.setPadding(new Insets(20));
        Scene scene = new Scene(root, 560, 460);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.setOnHidden(event -> shutDown());
    }

    void show() {
        chooseKind();
        stage.show();
    }

    private void chooseKind() {
        ToggleGroup kinds = new ToggleGroup();
        RadioButton securityKey = new RadioButton(Messages.get("passkey.kind.securityKey"));
        securityKey.setId("passkey-kind-security-key");
        securityKey.setToggleGroup(kinds);
        securityKey.setSelected(true);
        Label securityKeyHint = hint(Messages.get("passkey.kind.securityKeyHint"));
        RadioButton platform = new RadioButton(Messages.get("passkey.kind.platform"));
        platform.setToggleGroup(kinds);
        platform.setDisable(platformUnavailableReason != null);
        Label platformHint = hint(platformUnavailableReason != null
                ? platformUnavailableReason : Messages.get("passkey.kind.platformHint"));
        platformHint.setId("platform-unavailable");
        VBox choices = new VBox(6, securityKey, securityKeyHint, platform, platformHint);

        Sheet sheet = new Sheet("passkey-choose", Messages.get("passkey.choose.title"),
                Messages.get("passkey.choose.text")).content(choices);
        sheet.cancel(Messages.get("passkey.cancel"), stage::close);
        sheet.primary(Messages.get("passkey.next"), () -> {
            if (keys == null) {
                fail("choose", diagnostics.libraryProblem(), null);
            } else {
                waitForKey();
            }
        });
        show(sheet, "passkey.choose.title");
    }

    private void waitForKey() {
        Sheet sheet = new Sheet("passkey-insert", Messages.get("passkey.insert.title"),
                Messages.get("passkey.insert.text")).waiting();
        sheet.cancel(Messages.get("passkey.cancel"), stage::close);
        show(sheet, "passkey.insert.title");
        pollForKeys();
    }

    private void pollForKeys() {
        running = Background.run(keys::present, present -> {
            if (closed) {
                return;
            }
            if (present.isEmpty()) {
                poll = new PauseTransition(javafx.util.Duration.millis(POLL_INTERVAL.toMillis()));
                poll.setOnFinished(event -> pollForKeys());
                poll.play();
            } else {
                select(present);
            }
        }, failure -> fail("discovery", failure, null));
    }

    private void select(List<SecurityKeys.KeySummary> present) {
        if (present.size() > 1) {
            Sheet sheet = new Sheet("passkey-select", Messages.get("passkey.select.title"),
                    Messages.get("passkey.select.text", present.size())).waiting();
            sheet.cancel(Messages.get("passkey.cancel"), stage::close);
            show(sheet, "passkey.select.title");
        }
        running = Background.run(() -> keys.select(present, SELECT_WAIT), opened -> {
            if (closed) {
                opened.close();
                return;
            }
            key = opened;
            diagnostics.key(opened.details());
            decidePin();
        }, failure -> fail("select", failure, null));
    }

    private void decidePin() {
        SecurityKeys.KeyDetails details = key.details();
        LOG.info("Adding a passkey on {} ({}) for {}", details.product(), details.transport(),
                portal.email());
        if (!details.fido2()) {
            fail("getInfo", FidoException.of(FidoProblem.UNSUPPORTED_BY_KEY,
                    "U2F only"), null);
        } else if (details.pinSet()) {
            enterPin(null);
        } else if (details.pinSupported() && (details.alwaysUserVerification()
                || !details.builtInUserVerification())) {
            setPin();
        } else {
            touch(null);
        }
    }

    private void enterPin(String problem) {
        SecurityKeys.KeyDetails details = key.details();
        PasswordField pinField = new PasswordField();
        pinField.setId("passkey-pin");
        pinField.setAccessibleText(Messages.get("passkey.pin.accessible"));
        Label label = fieldLabel("passkey.pin.label", pinField);
        Sheet sheet = new Sheet("passkey-pin-sheet", Messages.get("passkey.pin.title"),
                Messages.get("passkey.pin.text", details.product())).content(label, pinField);
        if (problem != null) {
            sheet.status.error(problem);
        } else if (details.pinRetries() >= 0 && details.pinRetries() <= 3) {
            sheet.status.info(Messages.get("passkey.pin.retries", details.pinRetries()));
        }
        sheet.cancel(Messages.get("passkey.cancel"), stage::close);
        sheet.primary(Messages.get("passkey.next"), () -> {
            if (pinField.getText().isEmpty()) {
                sheet.status.error(Messages.get("passkey.pin.missing"));
                return;
            }
            char[] pin = pinField.getText().toCharArray();
            pinField.clear();
            touch(pin);
        });
        show(sheet, "passkey.pin.title");
        pinField.requestFocus();
    }

    private void setPin() {
        int minimum = key.details().minPinLength();
        PasswordField first = new PasswordField();
        first.setId("passkey-new-pin");
        PasswordField second = new PasswordField();
        second.setId("passkey-confirm-pin");
        Sheet sheet = new Sheet("passkey-set-pin-sheet", Messages.get("passkey.setPin.title"),
                Messages.get("passkey.setPin.text", minimum)).content(
                        fieldLabel("passkey.setPin.new", first), first,
                        fieldLabel("passkey.setPin.confirm", second), second);
        sheet.cancel(Messages.get("passkey.cancel"), stage::close);
        var save = sheet.primary(Messages.get("passkey.setPin.save"), () -> {
            char[] pin = first.getText().toCharArray();
            first.clear();
            second.clear();
            sheet.waiting();
            running = Background.run(() -> {
                key.setPin(pin);
                return Boolean.TRUE;
            }, done -> {
                LOG.info("PIN set on {} for {}", key.details().product(), portal.email());
                enterPin(null);
            }, failure -> fail("setPin", failure, null));
        });
        Runnable validate = () -> {
            String problem = PinRules.problem(first.getText(), minimum);
            boolean match = first.getText().equals(second.getText());
            if (first.getText().isEmpty()) {
                sheet.status.clear();
            } else if (problem != null) {
                sheet.status.error(Messages.get(problem, minimum, PinRules.MAX_UTF8_BYTES));
            } else if (!second.getText().isEmpty() && !match) {
                sheet.status.error(Messages.get("passkey.setPin.mismatch"));
            } else {
                sheet.status.clear();
            }
            save.setDisable(problem != null || !match);
        };
        first.textProperty().addListener((observable, before, after) -> validate.run());
        second.textProperty().addListener((observable, before, after) -> validate.run());
        save.setDisable(true);
        show(sheet, "passkey.setPin.title");
        first.requestFocus();
    }

    private void touch(char[] pin) {
        Sheet sheet = new Sheet("passkey-touch", Messages.get("passkey.touch.title"),
                Messages.get("passkey.touch.text", key.details().product())).waiting();
        sheet.cancel(Messages.get("passkey.cancel"), () -> {
            key.cancel();
            stage.close();
        });
        show(sheet, "passkey.touch.title");
        running = Background.run(() -> {
            try {
                PasskeyCeremony ceremony = portal.client().startPasskeyRegistration(
                        portal.session(), "cross-platform");
                CreationOptions options = CreationOptions.parse(ceremony.publicKey(),
                        portal.client().address());
                ClientData clientData = ClientData.of(ClientData.Type.CREATE,
                        options.challenge(), portal.client().address());
                var credential = key.makeCredential(options, clientData, pin);
                return portal.client().finishPasskeyRegistration(portal.session(),
                        ceremony.id(), credential, null);
            } finally {
                if (pin != null) {
                    Arrays.fill(pin, '\0');
                }
            }
        }, this::name, failure -> {
            if (failure instanceof FidoException e && e.problem() == FidoProblem.PIN_INVALID) {
                enterPin(e.userMessage());
            } else {
                fail("makeCredential", failure, null);
            }
        });
    }

    private void name(PasskeyRegistration registration) {
        String defaultName = registration.passkey().name();
        LOG.info("Passkey {} registered for {}", registration.passkey().id(), portal.email());
        TextField nameField = new TextField(defaultName);
        nameField.setId("passkey-name");
        Sheet sheet = new Sheet("passkey-name-sheet", Messages.get("passkey.name.title"),
                Messages.get("passkey.name.text")).content(
                        fieldLabel("passkey.name.label", nameField), nameField);
        sheet.status.success(Messages.get("passkey.name.registered"));
        sheet.primary(Messages.get("passkey.name.save"), () -> {
            String name = nameField.getText().strip();
            if (name.isEmpty() || name.equals(defaultName)) {
                finish(defaultName);
                return;
            }
            running = Background.run(() -> portal.client().renamePasskey(portal.session(),
                    registration.passkey().id(), name), renamed -> finish(renamed.name()),
                    failure -> sheet.status.error(message(failure)));
        });
        show(sheet, "passkey.name.title");
        nameField.requestFocus();
        nameField.selectAll();
    }

    private void finish(String name) {
        onAdded.accept(name);
        stage.close();
    }

    private void fail(String step, Throwable failure, Runnable retry) {
        if (closed) {
            return;
        }
        diagnostics.failure(step, failure);
        if (!(failure instanceof FidoException || failure instanceof PortalException
                || failure instanceof WebAuthnException)) {
            LOG.error("Adding a passkey failed at {}", step, failure);
        } else {
            LOG.info("Adding a passkey failed at {}: {}", step, failure.getMessage());
        }
        closeKey();
        Sheet sheet = new Sheet("passkey-error", Messages.get("passkey.error.title"),
                message(failure));
        sheet.button(Messages.get("passkey.help"), () -> diagnostics.showHelp(stage));
        sheet.cancel(Messages.get("passkey.close"), stage::close);
        sheet.primary(Messages.get("passkey.retry"), retry != null ? retry : this::waitForKey);
        show(sheet, "passkey.error.title");
    }

    private void show(Node sheet, String titleKey) {
        root.getChildren().setAll(sheet);
        stage.setTitle(Messages.get(titleKey) + " \u2013 " + Messages.get("app.name"));
    }

    private void shutDown() {
        closed = true;
        if (poll != null) {
            poll.stop();
        }
        if (running != null && running.isRunning() && key != null) {
            key.cancel();
        }
        closeKey();
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

    static String message(Throwable failure) {
        if (failure instanceof FidoException e) {
            return e.userMessage();
        }
        if (failure instanceof PortalException || failure instanceof WebAuthnException) {
            return failure.getMessage();
        }
        return Messages.get("error.unexpected");
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("hint");
        label.setPadding(new Insets(0, 0, 4, 26));
        return label;
    }

    private static Label fieldLabel(String key, Node field) {
        Label label = new Label(Messages.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        return label;
    }
}
