package com.advapacs.clinician.signin;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.ui.CodeField;
import com.advapacs.clinician.ui.StatusMessage;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The second sign-in screen: the 6-digit code from the authenticator app. */
final class CodeStep extends VBox {

    final CodeField codeField = new CodeField();
    final Button verifyButton = new Button(Messages.get("signin.code.verify"));
    final Button backButton = new Button(Messages.get("signin.code.back"));
    final Button keyButton = new Button(Messages.get("signin.key.instead"));
    final StatusMessage status = new StatusMessage();
    private final ProgressIndicator busy = new ProgressIndicator();

    CodeStep(String email) {
        getStyleClass().add("card");
        codeField.setId("sign-in-code");
        verifyButton.setId("verify-code");
        backButton.setId("back-to-password");
        status.setId("code-status");
        setMaxWidth(440);
        setMaxHeight(Region.USE_PREF_SIZE);
        Label heading = new Label(Messages.get("signin.code.heading"));
        heading.getStyleClass().add("heading");
        Label explanation = new Label(Messages.get("signin.code.explanation", email));
        explanation.setWrapText(true);
        explanation.getStyleClass().add("hint");
        codeField.setAccessibleText(Messages.get("totp.code.accessible"));

        verifyButton.getStyleClass().add("primary");
        verifyButton.setDefaultButton(true);
        verifyButton.setMnemonicParsing(true);
        backButton.setCancelButton(true);
        backButton.setMnemonicParsing(true);
        busy.setPrefSize(24, 24);
        busy.setVisible(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        keyButton.setId("use-key-instead");
        keyButton.setMnemonicParsing(true);
        keyButton.setVisible(false);
        keyButton.setManaged(false);
        // Buttons keep their full labels. The key button gets a row of its own, because the
        // three labels do not fit beside each other in the sign-in window.
        for (Button button : new Button[] {keyButton, backButton, verifyButton}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(10, busy, spacer, backButton, verifyButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(heading, explanation,
                PasswordStep.fieldLabel("signin.code.label", codeField), codeField, status,
                keyButton, buttons);
    }

    void setBusy(boolean value) {
        busy.setVisible(value);
        verifyButton.setDisable(value);
        // Kept focused but read-only, so that a quick Enter cannot land on another button.
        codeField.setEditable(!value);
        backButton.setDisable(value);
    }
}
