package com.advapacs.clinician.settings.mfa;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalException;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.portal.TotpConfirmation;
import com.advapacs.clinician.portal.TotpEnrolment;
import com.advapacs.clinician.ui.Background;
import com.advapacs.clinician.ui.CodeField;
import com.advapacs.clinician.ui.StatusMessage;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authenticator-app setup: numbered steps with the QR code, the secret for typing by
 * hand, the first code and a device name.
 *
 * <p>The portal activates the app only when a correct code is confirmed. Cancelling deletes
 * the pending secret on the portal, and an app that was already active keeps working.
 */
public final class TotpSetupPane extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(TotpSetupPane.class);

    private final PortalSession portal;
    private final Consumer<TotpConfirmation> onRegistered;
    private final Runnable onCancelled;
    private final ClipboardWiper clipboard = new ClipboardWiper(ClipboardWiper.DEFAULT_DELAY);

    private final StackPane qrSlot = new StackPane();
    private final TextField secretField = new TextField();
    private final Label detailsLabel = new Label();
    private final CodeField codeField = new CodeField();
    private final TextField nameField = new TextField();
    private final Button copyButton = new Button(Messages.get("totp.copy"));
    private final Button registerButton = new Button(Messages.get("totp.register"));
    private final Button cancelButton = new Button(Messages.get("totp.cancel"));
    private final ProgressIndicator busy = new ProgressIndicator();
    private final StatusMessage status = new StatusMessage();

    private TotpEnrolment enrolment;
    private boolean working;

    public TotpSetupPane(PortalSession portal, Consumer<TotpConfirmation> onRegistered,
            Runnable onCancelled) {
        this.portal = portal;
        this.onRegistered = onRegistered;
        this.onCancelled = onCancelled;
        getStyleClass().add("totp-setup");
        secretField.setId("totp-secret");
        codeField.setId("totp-code");
        nameField.setId("totp-name");
        registerButton.setId("totp-register");
        cancelButton.setId("totp-cancel");
        status.setId("totp-status");
        setSpacing(10);
        buildLayout();
        start();
    }

    private void buildLayout() {
        Label step1 = stepLabel("1", Messages.get("totp.step.install"));
        Label step2 = stepLabel("2", Messages.get("totp.step.scan"));

        qrSlot.getStyleClass().add("qr-frame");
        qrSlot.setMinSize(230, 230);
        qrSlot.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        qrSlot.getChildren().add(new ProgressIndicator());

        Label cannotScan = new Label(Messages.get("totp.cannotScan"));
        cannotScan.setWrapText(true);
        secretField.setEditable(false);
        secretField.getStyleClass().add("secret");
        secretField.setPrefColumnCount(30);
        secretField.setAccessibleText(Messages.get("totp.secret.accessible"));
        copyButton.setMnemonicParsing(true);
        copyButton.setDisable(true);
        copyButton.setOnAction(event -> copySecret());
        copyButton.setMinWidth(Region.USE_PREF_SIZE);
        detailsLabel.getStyleClass().add("hint");
        detailsLabel.setWrapText(true);
        VBox manual = new VBox(8, cannotScan, secretField, copyButton, detailsLabel);
        manual.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(manual, Priority.ALWAYS);

        HBox scanRow = new HBox(18, qrSlot, manual);
        scanRow.setAlignment(Pos.TOP_LEFT);
        scanRow.setPadding(new Insets(0, 0, 0, 22));

        Label step3 = stepLabel("3", Messages.get("totp.step.code"));
        Label codeLabel = new Label(Messages.get("totp.code.label"));
        codeLabel.setLabelFor(codeField);
        codeLabel.setMnemonicParsing(true);
        codeField.setAccessibleText(Messages.get("totp.code.accessible"));
        // No automatic submission here: the device name comes after the code.
        codeField.setOnComplete(code -> nameField.requestFocus());
        codeField.setOnAction(event -> register());
        Label nameLabel = new Label(Messages.get("totp.name.label"));
        nameLabel.setLabelFor(nameField);
        nameLabel.setMnemonicParsing(true);
        nameField.setPromptText(Messages.get("totp.name.prompt"));
        nameField.setPrefColumnCount(18);
        nameField.setOnAction(event -> register());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, codeLabel, codeField);
        form.addRow(1, nameLabel, nameField);
        form.setPadding(new Insets(0, 0, 0, 22));

        registerButton.getStyleClass().add("primary");
        registerButton.setMnemonicParsing(true);
        registerButton.setDefaultButton(true);
        registerButton.setDisable(true);
        registerButton.setOnAction(event -> register());
        cancelButton.setMnemonicParsing(true);
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(event -> cancel());
        codeField.setOnEscape(cancelButton::fire);
        busy.setVisible(false);
        busy.setPrefSize(22, 22);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, busy, spacer, cancelButton, registerButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        codeField.textProperty().addListener((observable, before, after) -> updateButtons());
        getChildren().addAll(step1, step2, scanRow, step3, form, status, buttons);
    }

    private static Label stepLabel(String number, String text) {
        Label label = new Label(number + ".  " + text);
        label.setWrapText(true);
        label.getStyleClass().add("step");
        return label;
    }

    private void start() {
        setWorking(true);
        Background.run(() -> portal.client().startTotpEnrolment(portal.session()),
                this::showEnrolment, this::showStartFailure);
    }

    private void showEnrolment(TotpEnrolment started) {
        enrolment = started;
        setWorking(false);
        QrCodeView qr = new QrCodeView(started.otpauthUri(),
                Messages.get("totp.qr.accessible", portal.email()));
        qr.setId("totp-qr");
        qrSlot.getChildren().setAll(qr);
        String grouped = SecretFormat.groupsOfFour(started.secret());
        secretField.setText(grouped);
        secretField.setPrefColumnCount(grouped.length() + 1);
        detailsLabel.setText(Messages.get("totp.details", started.algorithm(), started.digits(),
                started.periodSeconds()));
        copyButton.setDisable(false);
        LOG.info("Authenticator app setup started for {}", portal.email());
        codeField.requestFocus();
    }

    private void showStartFailure(Throwable failure) {
        setWorking(false);
        qrSlot.getChildren().clear();
        status.error(message(failure));
    }

    private void copySecret() {
        if (enrolment != null) {
            clipboard.copy(enrolment.secret());
            status.info(Messages.get("totp.copied"));
        }
    }

    private void register() {
        if (working || enrolment == null) {
            return;
        }
        if (!codeField.isComplete()) {
            status.error(Messages.get("totp.code.incomplete"));
            codeField.requestFocus();
            return;
        }
        String code = codeField.getText();
        String name = nameField.getText();
        String enrolmentId = enrolment.enrolmentId();
        setWorking(true);
        status.clear();
        Background.run(
                () -> portal.client().confirmTotpEnrolment(portal.session(), enrolmentId, code,
                        name),
                this::registered, this::registerFailed);
    }

    private void registered(TotpConfirmation confirmation) {
        setWorking(false);
        clipboard.clearIfUnchanged(enrolment.secret());
        enrolment = null;
        LOG.info("Authenticator app registered for {}", portal.email());
        status.success(Messages.get("totp.registered"));
        onRegistered.accept(confirmation);
    }

    private void registerFailed(Throwable failure) {
        setWorking(false);
        status.error(message(failure));
        codeField.clear();
        codeField.requestFocus();
    }

    private void cancel() {
        if (enrolment != null) {
            String enrolmentId = enrolment.enrolmentId();
            clipboard.clearIfUnchanged(enrolment.secret());
            enrolment = null;
            Background.fireAndForget("Abandoning the authenticator app setup",
                    () -> {
                        portal.client().abandonTotpEnrolment(portal.session(), enrolmentId);
                        return null;
                    });
        }
        onCancelled.run();
    }

    private void setWorking(boolean value) {
        working = value;
        busy.setVisible(value);
        // Read-only rather than disabled, so focus stays in place and a quick Enter cannot
        // land on Cancel.
        codeField.setEditable(!value);
        nameField.setEditable(!value);
        cancelButton.setDisable(value);
        updateButtons();
    }

    private void updateButtons() {
        registerButton.setDisable(working || enrolment == null);
    }

    static String message(Throwable failure) {
        if (failure instanceof PortalException portalFailure) {
            return portalFailure.getMessage();
        }
        return Messages.get("error.unexpected");
    }

    /** Returns the field for the first code, for tests and for focusing from outside. */
    public CodeField codeField() {
        return codeField;
    }
}
