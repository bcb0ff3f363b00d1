package com.advapacs.clinician.settings.mfa;

import com.advapacs.clinician.i18n.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The notice that recommends a security key or an authenticator app besides platform
 * passkeys, with a button for each. The MFA tab shows it when {@link OneDeviceAdvice}
 * applies, and the add-passkey window after a new platform passkey.
 */
public final class OneDeviceNotice {

    private OneDeviceNotice() {
    }

    /** Creates the notice; the buttons run {@code addSecurityKey} and {@code setUpApp}. */
    public static VBox create(Runnable addSecurityKey, Runnable setUpApp) {
        Label title = new Label("\u26A0 " + Messages.get("mfa.advice.title"));
        title.setAccessibleText(Messages.get("mfa.advice.title"));
        title.setWrapText(true);
        title.getStyleClass().add("advice-title");
        Label text = new Label(Messages.get("mfa.advice.text"));
        text.setWrapText(true);

        Button key = new Button(Messages.get("mfa.advice.addKey"));
        key.setId("advice-add-key");
        key.setOnAction(event -> addSecurityKey.run());
        Button app = new Button(Messages.get("mfa.advice.addApp"));
        app.setId("advice-set-up-app");
        app.setOnAction(event -> setUpApp.run());
        // A flow pane puts the second button under the first when the notice is narrow.
        FlowPane buttons = new FlowPane(10, 8, key, app);

        VBox notice = new VBox(8, title, text, buttons);
        notice.setId("one-device-advice");
        notice.getStyleClass().add("advice");
        return notice;
    }
}
