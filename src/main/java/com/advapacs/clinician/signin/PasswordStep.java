package com.advapacs.clinician.signin;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.ui.StatusMessage;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The first sign-in screen: portal address, email and password. */
final class PasswordStep extends VBox {

    private static final double BUSY_SIZE = 24;

    final TextField addressField = new TextField();
    final TextField emailField = new TextField();
    final PasswordField passwordField = new PasswordField();
    final Button signInButton = new Button(Messages.get("signin.button"));
    final Button keyButton = new Button(Messages.get("signin.key.button"));
    final StatusMessage status = new StatusMessage();
    /**
     * Place of the busy indicator, which is created on first use because building its
     * animated skin took 30 to 50 ms in a fresh JVM, before the sign-in window's first frame.
     */
    private final StackPane busySlot = new StackPane();
    private ProgressIndicator busy;

    PasswordStep(String address, boolean addressLocked, String email, DemoAccount demo) {
        getStyleClass().add("card");
        addressField.setId("portal-address");
        emailField.setId("email");
        passwordField.setId("password");
        signInButton.setId("sign-in");
        status.setId("sign-in-status");
        setMaxWidth(440);
        setMaxHeight(Region.USE_PREF_SIZE);

        Label heading = new Label(Messages.get("signin.heading"));
        heading.getStyleClass().add("heading");
        getChildren().add(heading);

        if (demo != null) {
            Label banner = new Label(Messages.get("signin.demo", demo.email(), demo.password()));
            banner.setWrapText(true);
            banner.getStyleClass().add("demo-banner");
            banner.setId("demo-banner");
            getChildren().add(banner);
        }

        Label addressLabel = fieldLabel("signin.address.label", addressField);
        addressField.setText(address == null ? "" : address);
        addressField.setPromptText(Messages.get("signin.address.prompt"));
        addressField.setEditable(!addressLocked);
        addressField.setAccessibleText(Messages.get("signin.address.accessible"));
        getChildren().addAll(addressLabel, addressField);
        if (addressLocked) {
            addressField.setFocusTraversable(false);
            Label lockedHint = new Label(Messages.get(demo != null
                    ? "signin.address.demo" : "signin.address.locked"));
            lockedHint.getStyleClass().add("hint");
            getChildren().add(lockedHint);
        }

        emailField.setText(email == null ? "" : email);
        emailField.setPromptText(Messages.get("signin.email.prompt"));
        emailField.setAccessibleText(Messages.get("signin.email.accessible"));
        passwordField.setAccessibleText(Messages.get("signin.password.accessible"));
        getChildren().addAll(fieldLabel("signin.email.label", emailField), emailField,
                fieldLabel("signin.password.label", passwordField), passwordField, status);

        signInButton.getStyleClass().add("primary");
        signInButton.setDefaultButton(true);
        signInButton.setMnemonicParsing(true);
        busySlot.setPrefSize(BUSY_SIZE, BUSY_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        keyButton.setId("sign-in-with-key");
        keyButton.setMnemonicParsing(true);
        keyButton.setMinWidth(Region.USE_PREF_SIZE);
        signInButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(10, busySlot, spacer, keyButton, signInButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().add(buttons);
    }

    static Label fieldLabel(String key, javafx.scene.Node field) {
        Label label = new Label(Messages.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        return label;
    }

    void setBusy(boolean value) {
        if (value && busy == null) {
            busy = new ProgressIndicator();
            busy.setPrefSize(BUSY_SIZE, BUSY_SIZE);
            busy.setAccessibleText(Messages.get("signin.busy"));
            busySlot.getChildren().add(busy);
        }
        if (busy != null) {
            busy.setVisible(value);
        }
        signInButton.setDisable(value);
        keyButton.setDisable(value);
        emailField.setDisable(value);
        passwordField.setDisable(value);
        addressField.setDisable(value);
    }

    /** Puts focus on the first field the user still has to fill in. */
    void focusFirstEmpty() {
        if (addressField.isEditable() && addressField.getText().isBlank()) {
            addressField.requestFocus();
        } else if (emailField.getText().isBlank()) {
            emailField.requestFocus();
        } else {
            passwordField.requestFocus();
        }
    }
}
