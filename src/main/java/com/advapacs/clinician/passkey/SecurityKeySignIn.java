package com.advapacs.clinician.passkey;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PasskeyCeremony;
import com.advapacs.clinician.portal.PortalClient;
import com.advapacs.clinician.portal.SignInResult;
import com.advapacs.clinician.ui.Background;
import com.advapacs.clinician.webauthn.ClientData;
import com.advapacs.clinician.webauthn.RequestOptions;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.stage.Window;

/**
 * Signs in with a security key, either as the second step after the password or
 * passwordless with a passkey stored on the key. Shows its steps through {@code show}, the
 * sign-in window's way of showing a step.
 */
public final class SecurityKeySignIn {

    private final PortalClient client;
    private final BiConsumer<Node, String> show;
    private final KeySteps steps;
    private final Runnable onCancel;

    /** The key's assertions and the portal ceremony they belong to. */
    private record Answer(String ceremonyId, List<SecurityKeys.Assertion> assertions) {
    }

    public SecurityKeySignIn(PortalClient client, SecurityKeys keys, Diagnostics diagnostics,
            Window window, BiConsumer<Node, String> show, Runnable onCancel) {
        this.client = client;
        this.show = show;
        this.onCancel = onCancel;
        this.steps = new KeySteps(keys, diagnostics, window, "passkey.error.signIn", show,
                onCancel);
    }

    /**
     * Starts the sign-in.
     *
     * @param mfaToken the token from the password step, or null for passwordless
     */
    public void start(String mfaToken, Consumer<SignInResult> onSignedIn) {
        boolean passwordless = mfaToken == null;
        KeySteps.KeyAction<Answer> signIn = (key, pin) -> {
            PasskeyCeremony ceremony = client.startPasskeySignIn(mfaToken);
            RequestOptions options = RequestOptions.parse(ceremony.publicKey(), client.address());
            ClientData clientData = ClientData.of(ClientData.Type.GET, options.challenge(),
                    client.address());
            return new Answer(ceremony.id(), key.getAssertion(options, clientData, pin));
        };
        steps.start(KeySteps.Devices.SECURITY_KEYS, passwordless, "signin.key.touch", signIn,
                answer -> {
                    if (answer.assertions().size() == 1) {
                        finish(answer.ceremonyId(), answer.assertions().get(0), onSignedIn);
                    } else {
                        chooseAccount(answer, onSignedIn);
                    }
                });
    }

    /** Stops the ceremony, for example when the window closes. */
    public void stop() {
        steps.stop();
    }

    private void chooseAccount(Answer answer, Consumer<SignInResult> onSignedIn) {
        ListView<SecurityKeys.Assertion> accounts = new ListView<>();
        accounts.setId("key-accounts");
        accounts.getItems().setAll(answer.assertions());
        accounts.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SecurityKeys.Assertion item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label(item));
            }
        });
        accounts.setPrefHeight(160);
        accounts.getSelectionModel().selectFirst();
        Sheet sheet = new Sheet("key-choose-account", Messages.get("signin.key.accounts.title"),
                Messages.get("signin.key.accounts.text")).content(accounts);
        sheet.cancel(Messages.get("passkey.cancel"), onCancel);
        sheet.primary(Messages.get("passkey.next"), () -> {
            SecurityKeys.Assertion chosen = accounts.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                finish(answer.ceremonyId(), chosen, onSignedIn);
            }
        });
        show.accept(sheet, "signin.key.accounts.title");
        accounts.requestFocus();
    }

    private void finish(String ceremonyId, SecurityKeys.Assertion assertion,
            Consumer<SignInResult> onSignedIn) {
        Sheet sheet = new Sheet("key-verifying", Messages.get("signin.key.verifying.title"),
                Messages.get("signin.key.verifying.text")).waiting();
        show.accept(sheet, "signin.key.verifying.title");
        Background.run(() -> client.finishPasskeySignIn(ceremonyId, assertion.response()),
                onSignedIn, failure -> {
                    Sheet error = new Sheet("key-error", Messages.get("passkey.error.signIn"),
                            KeySteps.message(failure));
                    error.cancel(Messages.get("passkey.close"), onCancel);
                    show.accept(error, "passkey.error.signIn");
                });
    }

    private static String label(SecurityKeys.Assertion assertion) {
        String name = assertion.userName() == null ? Messages.get("signin.key.accounts.unknown")
                : assertion.userName();
        return assertion.userDisplayName() == null || assertion.userDisplayName().isBlank()
                ? name : assertion.userDisplayName() + " (" + name + ")";
    }
}
