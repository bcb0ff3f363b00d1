package com.advapacs.clinician.settings.mfa;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.ui.Background;
import com.advapacs.clinician.ui.CodeField;
import com.advapacs.clinician.ui.StatusMessage;
import java.util.Arrays;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms removal of the authenticator app. The portal asks for proof that the user is
 * present: a current code from the app, or the account password for a user who lost it.
 *
 * <p>The dialog stays open until the portal has removed the app or the user cancels, and
 * shows each failure in place. Its result is {@code true} once the app is removed.
 */
final class RemoveTotpDialog extends Dialog<Boolean> {

    private static final Logger LOG = LoggerFactory.getLogger(RemoveTotpDialog.class);

    private final PortalSession portal;
    private final RadioButton useCode = new RadioButton(Messages.get("totp.remove.useCode"));
    private final RadioButton usePassword =
            new RadioButton(Messages.get("totp.remove.usePassword"));
    private final CodeField codeField = new CodeField();
    private final PasswordField passwordField = new PasswordField();
    private final StatusMessage status = new StatusMessage();
    private boolean removed;

    RemoveTotpDialog(Window owner, PortalSession portal) {
        this.portal = portal;
        initOwner(owner);
        setTitle(Messages.get("totp.remove.title"));
        setHeaderText(Messages.get("totp.remove.header"));

        ToggleGroup proof = new ToggleGroup();
        useCode.setToggleGroup(proof);
        usePassword.setToggleGroup(proof);
        useCode.setSelected(true);
        codeField.setAccessibleText(Messages.get("totp.code.accessible"));
        passwordField.setAccessibleText(Messages.get("signin.password.accessible"));
        passwordField.setPromptText(Messages.get("totp.remove.passwordPrompt"));
        codeField.disableProperty().bind(useCode.selectedProperty().not());
        passwordField.disableProperty().bind(usePassword.selectedProperty().not());
        Label explanation = new Label(Messages.get("totp.remove.explanation"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(420);
        VBox content = new VBox(8, explanation, useCode, codeField, usePassword, passwordField,
                status);
        getDialogPane().setContent(content);

        ButtonType remove = new ButtonType(Messages.get("totp.remove.confirm"),
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, remove);
        Button removeButton = (Button) getDialogPane().lookupButton(remove);
        removeButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            submit(removeButton);
        });
        codeField.setOnComplete(code -> submit(removeButton));
        setResultConverter(button -> removed);
        setOnShown(event -> codeField.requestFocus());
    }

    private void submit(Button removeButton) {
        String code = useCode.isSelected() ? codeField.getText() : null;
        char[] password = usePassword.isSelected() ? passwordField.getText().toCharArray() : null;
        if (code != null && !codeField.isComplete()) {
            status.error(Messages.get("totp.code.incomplete"));
            return;
        }
        if (password != null && password.length == 0) {
            status.error(Messages.get("totp.remove.passwordMissing"));
            return;
        }
        removeButton.setDisable(true);
        status.info(Messages.get("totp.remove.working"));
        Background.run(() -> {
            try {
                portal.client().removeTotp(portal.session(), code, password);
                return Boolean.TRUE;
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }, done -> {
            removed = true;
            LOG.info("Authenticator app removed for {}", portal.email());
            setResult(Boolean.TRUE);
            close();
        }, failure -> {
            removeButton.setDisable(false);
            status.error(TotpSetupPane.message(failure));
            codeField.clear();
            passwordField.clear();
        });
    }
}
