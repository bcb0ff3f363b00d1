package com.advapacs.clinician.settings.mfa;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalException;
import com.advapacs.clinician.ui.Background;
import com.advapacs.clinician.ui.CodeField;
import com.advapacs.clinician.ui.StatusMessage;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Confirms removal of a sign-in method. The portal requires proof that the user is present:
 * a current code from the authenticator app (when there is one), or the account password.
 * Removing the only method also needs an explicit tick, because the account is then
 * protected by the password alone.
 *
 * <p>The dialog stays open until the portal has removed the method or the user cancels,
 * and shows each failure in place. Its result is {@code true} once the method is removed.
 */
final class RemoveMethodDialog extends Dialog<Boolean> {

    /** The portal request that removes the method. */
    @FunctionalInterface
    interface Removal {
        void remove(String code, char[] password, boolean confirmLastMethod)
                throws PortalException;
    }

    private final Removal removal;
    private final RadioButton useCode = new RadioButton(Messages.get("remove.useCode"));
    private final RadioButton usePassword = new RadioButton(Messages.get("remove.usePassword"));
    private final CodeField codeField = new CodeField();
    private final PasswordField passwordField = new PasswordField();
    private final CheckBox confirmLast = new CheckBox(Messages.get("remove.confirmLast"));
    private final StatusMessage status = new StatusMessage();
    private final BooleanProperty working = new SimpleBooleanProperty();
    private boolean removed;

    RemoveMethodDialog(Window owner, String methodName, boolean codeAvailable,
            boolean lastMethod, Removal removal) {
        this.removal = removal;
        initOwner(owner);
        setTitle(Messages.get("remove.title", methodName));
        setHeaderText(Messages.get("remove.header", methodName));

        ToggleGroup proof = new ToggleGroup();
        useCode.setToggleGroup(proof);
        usePassword.setToggleGroup(proof);
        (codeAvailable ? useCode : usePassword).setSelected(true);
        codeField.setAccessibleText(Messages.get("totp.code.accessible"));
        passwordField.setAccessibleText(Messages.get("signin.password.accessible"));
        passwordField.setPromptText(Messages.get("remove.passwordPrompt"));
        codeField.disableProperty().bind(useCode.selectedProperty().not());
        passwordField.disableProperty().bind(usePassword.selectedProperty().not());
        Label explanation = new Label(Messages.get(codeAvailable
                ? "remove.explanation" : "remove.explanationPassword"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(440);
        VBox content = new VBox(8, explanation);
        if (codeAvailable) {
            content.getChildren().addAll(useCode, codeField, usePassword);
        }
        content.getChildren().add(passwordField);
        if (lastMethod) {
            confirmLast.setWrapText(true);
            confirmLast.setMaxWidth(440);
            content.getChildren().add(confirmLast);
        }
        content.getChildren().add(status);
        status.setMaxWidth(440);
        getDialogPane().setContent(content);
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);

        ButtonType remove = new ButtonType(Messages.get("remove.confirm"),
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, remove);
        Button removeButton = (Button) getDialogPane().lookupButton(remove);
        removeButton.disableProperty().bind(lastMethod
                ? confirmLast.selectedProperty().not().or(working) : working);
        removeButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            submit(lastMethod);
        });
        codeField.setOnComplete(code -> {
            if (!removeButton.isDisabled()) {
                submit(lastMethod);
            }
        });
        setResultConverter(button -> removed);
        setOnShown(event -> (codeAvailable ? codeField : passwordField).requestFocus());
    }

    private void submit(boolean lastMethod) {
        String code = useCode.isSelected() ? codeField.getText() : null;
        char[] password = usePassword.isSelected() ? passwordField.getText().toCharArray() : null;
        if (code != null && !codeField.isComplete()) {
            status.error(Messages.get("totp.code.incomplete"));
            return;
        }
        if (password != null && password.length == 0) {
            status.error(Messages.get("remove.passwordMissing"));
            return;
        }
        working.set(true);
        status.info(Messages.get("remove.working"));
        Background.run(() -> {
            try {
                removal.remove(code, password, lastMethod);
                return Boolean.TRUE;
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }, done -> {
            removed = true;
            setResult(Boolean.TRUE);
            close();
        }, failure -> {
            working.set(false);
            status.error(TotpSetupPane.message(failure));
            // The message adds lines; grow the window so the buttons stay in view.
            getDialogPane().getScene().getWindow().sizeToScene();
            codeField.clear();
            passwordField.clear();
        });
    }
}
