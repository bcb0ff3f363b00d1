package com.advapacs.clinician.passkey;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.Passkey;
import com.advapacs.clinician.portal.PasskeyCeremony;
import com.advapacs.clinician.portal.PasskeyRegistration;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.settings.mfa.OneDeviceNotice;
import com.advapacs.clinician.settings.mfa.PasskeyEnrolment.FollowUp;
import com.advapacs.clinician.settings.mfa.PasskeyEnrolment.Start;
import com.advapacs.clinician.settings.mfa.PasskeyNames;
import com.advapacs.clinician.ui.AppIcons;
import com.advapacs.clinician.ui.Background;
import com.advapacs.clinician.ui.Styles;
import com.advapacs.clinician.webauthn.ClientData;
import com.advapacs.clinician.webauthn.CreationOptions;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The add-passkey window: choose the kind of authenticator, go through the security-key
 * steps, and name the new passkey. After a platform passkey, the naming step can also
 * recommend a security key or an authenticator app, because a platform passkey works only
 * on the computer that stores it.
 *
 * <p>The portal's challenge is fetched only once the key is ready and the user touches it,
 * so a user who takes long over the PIN does not meet an expired request.
 */
final class AddPasskeyWindow {

    private static final Logger LOG = LoggerFactory.getLogger(AddPasskeyWindow.class);

    private final Stage stage = new Stage();
    private final StackPane root = new StackPane();
    private final PortalSession portal;
    private final String platformUnavailableReason;
    private final boolean adviseOneDevice;
    private final BiConsumer<String, FollowUp> onAdded;
    private final KeySteps steps;

    /**
     * @param platformUnavailableReason why the platform option is disabled, or null
     * @param adviseOneDevice whether the naming step after a platform passkey shows the
     *     one-device advice
     */
    AddPasskeyWindow(Window owner, PortalSession portal, SecurityKeys keys,
            String platformUnavailableReason, Diagnostics diagnostics, boolean adviseOneDevice,
            BiConsumer<String, FollowUp> onAdded) {
        this.portal = portal;
        this.platformUnavailableReason = platformUnavailableReason;
        this.adviseOneDevice = adviseOneDevice;
        this.onAdded = onAdded;
        this.steps = new KeySteps(keys, diagnostics, stage, "passkey.error.title", this::show,
                stage::close);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        root.setPadding(new Insets(20));
        Scene scene = new Scene(root, 580, 480);
        Styles.apply(scene);
        stage.setScene(scene);
        AppIcons.apply(stage);
        stage.setOnHidden(event -> steps.stop());
    }

    void show(Start start) {
        if (start == Start.SECURITY_KEY) {
            register(KeySteps.Devices.SECURITY_KEYS);
        } else {
            chooseKind();
        }
        stage.show();
    }

    private void chooseKind() {
        ToggleGroup kinds = new ToggleGroup();
        RadioButton securityKey = new RadioButton(Messages.get("passkey.kind.securityKey"));
        securityKey.setId("passkey-kind-security-key");
        securityKey.setToggleGroup(kinds);
        securityKey.setSelected(true);
        RadioButton platform = new RadioButton(Messages.get("passkey.kind.platform"));
        platform.setId("passkey-kind-platform");
        platform.setToggleGroup(kinds);
        platform.setDisable(platformUnavailableReason != null);
        Label platformHint = hint(platformUnavailableReason != null
                ? platformUnavailableReason : Messages.get("passkey.kind.platformHint"));
        platformHint.setId("platform-unavailable");
        VBox choices = new VBox(6, securityKey, hint(Messages.get("passkey.kind.securityKeyHint")),
                platform, platformHint);

        Sheet sheet = new Sheet("passkey-choose", Messages.get("passkey.choose.title"),
                Messages.get("passkey.choose.text")).content(choices);
        sheet.cancel(Messages.get("passkey.cancel"), stage::close);
        sheet.primary(Messages.get("passkey.next"), () -> register(platform.isSelected()
                ? KeySteps.Devices.PLATFORM : KeySteps.Devices.SECURITY_KEYS));
        show(sheet, "passkey.choose.title");
        securityKey.requestFocus();
    }

    /**
     * Registers a passkey. The portal is asked for the attachment the user chose, and the
     * response reports the one the credential ended up on, which differs when the user picks
     * a security key in Windows' own dialog.
     */
    private void register(KeySteps.Devices devices) {
        String requested = devices == KeySteps.Devices.PLATFORM ? "platform" : "cross-platform";
        steps.start(devices, false, "passkey.touch.text", (key, pin) -> {
            PasskeyCeremony ceremony = portal.client().startPasskeyRegistration(
                    portal.session(), requested);
            CreationOptions options = CreationOptions.parse(ceremony.publicKey(),
                    portal.client().address());
            ClientData clientData = ClientData.of(ClientData.Type.CREATE, options.challenge(),
                    portal.client().address());
            var credential = key.makeCredential(options, clientData, pin);
            return portal.client().finishPasskeyRegistration(portal.session(), ceremony.id(),
                    credential, null);
        }, this::name);
    }

    private void name(PasskeyRegistration registration) {
        Passkey passkey = registration.passkey();
        String defaultName = passkey.name();
        if (registration.newSession() != null) {
            portal.replaceSession(registration.newSession());
        }
        LOG.info("Passkey {} ({}) registered for {}", passkey.id(), passkey.attachment(),
                portal.email());
        TextField nameField = new TextField(defaultName);
        PasskeyNames.limit(nameField);
        nameField.setId("passkey-name");
        Sheet sheet = new Sheet("passkey-name-sheet", Messages.get("passkey.name.title"),
                Messages.get(passkey.platform() ? "passkey.name.textPlatform"
                        : "passkey.name.text")).content(
                        KeySteps.fieldLabel("passkey.name.label", nameField), nameField);
        sheet.status.success(Messages.get(passkey.platform() ? "passkey.name.registeredPlatform"
                : "passkey.name.registered"));
        if (passkey.platform() && adviseOneDevice) {
            sheet.contentAfterStatus(OneDeviceNotice.create(
                    () -> saveName(sheet, passkey, nameField, FollowUp.SECURITY_KEY),
                    () -> saveName(sheet, passkey, nameField, FollowUp.AUTHENTICATOR_APP)));
        }
        sheet.primary(Messages.get("passkey.name.save"),
                () -> saveName(sheet, passkey, nameField, FollowUp.NONE));
        show(sheet, "passkey.name.title");
        nameField.requestFocus();
        nameField.selectAll();
    }

    /** Stores the typed name when it differs from the portal's default, then finishes. */
    private void saveName(Sheet sheet, Passkey passkey, TextField nameField,
            FollowUp followUp) {
        String defaultName = passkey.name();
        String name = nameField.getText().strip();
        if (name.isEmpty() || name.equals(defaultName)) {
            finish(defaultName, followUp);
            return;
        }
        Background.run(() -> portal.client().renamePasskey(portal.session(), passkey.id(), name),
                renamed -> finish(renamed.name(), followUp),
                failure -> sheet.status.error(KeySteps.message(failure)));
    }

    private void finish(String name, FollowUp followUp) {
        stage.close();
        onAdded.accept(name, followUp);
    }

    private void show(Node sheet, String titleKey) {
        root.getChildren().setAll(sheet);
        stage.setTitle(Messages.get(titleKey) + " \u2013 " + Messages.get("app.name"));
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("hint");
        label.setPadding(new Insets(0, 0, 4, 26));
        return label;
    }
}
