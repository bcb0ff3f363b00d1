package com.advapacs.clinician.signin;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.passkey.PasskeyEnrolmentFlow;
import com.advapacs.clinician.passkey.PlatformAuthenticator;
import com.advapacs.clinician.passkey.SecurityKeySignIn;
import com.advapacs.clinician.portal.PortalAddress;
import com.advapacs.clinician.portal.PortalClient;
import com.advapacs.clinician.portal.PortalException;
import com.advapacs.clinician.portal.PortalProblem;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.portal.SignInResult;
import com.advapacs.clinician.settings.mfa.PasskeyEnrolment;
import com.advapacs.clinician.settings.mfa.TotpSetupPane;
import com.advapacs.clinician.ui.AppIcons;
import com.advapacs.clinician.ui.Background;
import com.advapacs.clinician.ui.Countdown;
import com.advapacs.clinician.ui.StatusMessage;
import com.advapacs.clinician.ui.Styles;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in window and its steps: password, then a code or, where the portal requires a
 * second factor the account lacks, the authenticator-app setup.
 *
 * <p>Requests run in the background; each step shows a busy indicator while waiting and
 * its failure in place. {@code onSignedIn} runs once, with a full session.
 */
public final class SignInWindow {

    private static final Logger LOG = LoggerFactory.getLogger(SignInWindow.class);

    private final Stage stage;
    private final SignInSettings settings;
    private final Consumer<PortalSession> onSignedIn;
    private final StackPane root = new StackPane();
    private PasswordStep passwordStep;
    private Countdown countdown;

    public SignInWindow(Stage stage, SignInSettings settings, Consumer<PortalSession> onSignedIn) {
        this.stage = stage;
        this.settings = settings;
        this.onSignedIn = onSignedIn;
        root.setPadding(new Insets(24));
        Scene scene = new Scene(root, 560, 620);
        Styles.apply(scene);
        stage.setScene(scene);
        AppIcons.apply(stage);
        stage.setMinWidth(420);
        stage.setMinHeight(480);
    }

    /** Shows the password step, with {@code notice} (may be null) as an information line. */
    public void show(String email, String notice) {
        if (stage.getWidth() > 700) {
            // Back from the wider enrolment step: return to the password step's size.
            stage.setWidth(580);
            stage.setHeight(660);
        }
        passwordStep = new PasswordStep(settings.portalAddress(), settings.addressLocked(),
                email, settings.demoAccount());
        passwordStep.signInButton.setOnAction(event -> submitPassword());
        passwordStep.keyButton.setOnAction(event -> signInWithKey(null, null));
        if (!settings.configurationProblems().isEmpty()) {
            passwordStep.status.info(String.join("\n", settings.configurationProblems()));
        }
        if (notice != null) {
            passwordStep.status.info(notice);
        }
        setStep(passwordStep, "signin.title.password");
        stage.show();
        passwordStep.focusFirstEmpty();
    }

    private void submitPassword() {
        PasswordStep step = passwordStep;
        PortalAddress address = validate(step);
        if (address == null) {
            return;
        }
        String email = step.emailField.getText().strip();
        char[] password = step.passwordField.getText().toCharArray();
        step.passwordField.clear();
        step.status.clear();
        step.setBusy(true);
        PortalClient client = settings.clientFactory().apply(address);
        LOG.info("Signing in {} at {}", email, address);
        Background.run(() -> {
            try {
                return client.signInWithPassword(email, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, result -> {
            step.setBusy(false);
            settings.onAddressUsed().accept(address.toString());
            handle(result, client, email);
        }, failure -> {
            step.setBusy(false);
            step.status.error(message(failure));
            if (failure instanceof PortalException e && e.retryAfter().isPresent()) {
                waitBeforeRetry(e, step.status, step.signInButton);
            }
            if (failure instanceof PortalException e
                    && e.problem() == PortalProblem.WRONG_CREDENTIALS) {
                step.passwordField.requestFocus();
            } else {
                step.focusFirstEmpty();
            }
        });
    }

    /** Checks the form; returns the portal address, or null after showing what is wrong. */
    private static PortalAddress validate(PasswordStep step) {
        PortalAddress address;
        try {
            address = PortalAddress.parse(step.addressField.getText());
        } catch (IllegalArgumentException e) {
            step.status.error(e.getMessage());
            step.addressField.requestFocus();
            return null;
        }
        if (step.emailField.getText().isBlank()) {
            step.status.error(Messages.get("signin.email.missing"));
            step.emailField.requestFocus();
            return null;
        }
        if (step.passwordField.getText().isEmpty()) {
            step.status.error(Messages.get("signin.password.missing"));
            step.passwordField.requestFocus();
            return null;
        }
        return address;
    }

    private void handle(SignInResult result, PortalClient client, String email) {
        if (result instanceof SignInResult.SignedIn signedIn) {
            finish(new PortalSession(client, signedIn.session(), signedIn.email(),
                    signedIn.displayName()));
        } else if (result instanceof SignInResult.MfaRequired mfa) {
            if (mfa.methods().contains("totp")) {
                showCodeStep(client, email, mfa.mfaToken(), mfa.methods().contains("passkey"));
            } else if (mfa.methods().contains("passkey")) {
                signInWithKey(client, mfa.mfaToken());
            } else {
                passwordStep.status.error(Messages.get("signin.methodUnsupported"));
            }
        } else if (result instanceof SignInResult.EnrolmentRequired enrolment) {
            showEnrolmentStep(new PortalSession(client, enrolment.session(), enrolment.email(),
                    enrolment.displayName()));
        }
    }

    private void showCodeStep(PortalClient client, String email, String mfaToken,
            boolean keyAvailable) {
        CodeStep step = new CodeStep(email);
        step.keyButton.setVisible(keyAvailable);
        step.keyButton.setManaged(keyAvailable);
        step.keyButton.setOnAction(event -> signInWithKey(client, mfaToken));
        Runnable verify = () -> {
            if (step.verifyButton.isDisabled()) {
                return;
            }
            if (!step.codeField.isComplete()) {
                step.status.error(Messages.get("totp.code.incomplete"));
                step.codeField.requestFocus();
                return;
            }
            String code = step.codeField.getText();
            step.status.clear();
            step.setBusy(true);
            Background.run(() -> client.signInWithTotp(mfaToken, code), result -> {
                step.setBusy(false);
                if (result instanceof SignInResult.SignedIn signedIn) {
                    finish(new PortalSession(client, signedIn.session(), signedIn.email(),
                            signedIn.displayName()));
                }
            }, failure -> {
                step.setBusy(false);
                if (failure instanceof PortalException e
                        && e.problem() == PortalProblem.SIGN_IN_EXPIRED) {
                    show(email, e.getMessage());
                    return;
                }
                step.status.error(message(failure));
                if (failure instanceof PortalException e && e.retryAfter().isPresent()) {
                    waitBeforeRetry(e, step.status, step.verifyButton);
                }
                step.codeField.clear();
                step.codeField.requestFocus();
            });
        };
        step.codeField.setOnComplete(code -> verify.run());
        step.verifyButton.setOnAction(event -> verify.run());
        step.backButton.setOnAction(event -> show(email, null));
        step.codeField.setOnEscape(step.backButton::fire);
        setStep(step, "signin.title.code");
        step.codeField.requestFocus();
    }

    /**
     * Signs in with a security key: as the second step when {@code mfaToken} is given,
     * else passwordless against the address in the form ({@code client} is then null).
     */
    private void signInWithKey(PortalClient client, String mfaToken) {
        PortalClient portal = client;
        if (portal == null) {
            PortalAddress address;
            try {
                address = PortalAddress.parse(passwordStep.addressField.getText());
            } catch (IllegalArgumentException e) {
                passwordStep.status.error(e.getMessage());
                passwordStep.addressField.requestFocus();
                return;
            }
            portal = settings.clientFactory().apply(address);
        }
        String email = passwordStep.emailField.getText().strip();
        SecurityKeySignIn signIn = new SecurityKeySignIn(portal, settings.securityKeys().get(),
                settings.diagnostics().get(), stage, this::setStep,
                () -> show(email, null));
        PortalClient used = portal;
        signIn.start(mfaToken, result -> {
            if (result instanceof SignInResult.SignedIn signedIn) {
                settings.onAddressUsed().accept(used.address().toString());
                finish(new PortalSession(used, signedIn.session(), signedIn.email(),
                        signedIn.displayName()));
            } else {
                handle(result, used, email);
            }
        });
    }

    private void showEnrolmentStep(PortalSession restricted) {
        Label heading = new Label(Messages.get("enrol.heading"));
        heading.getStyleClass().add("heading");
        Label explanation = new Label(Messages.get("enrol.explanation"));
        explanation.setWrapText(true);
        explanation.getStyleClass().add("hint");

        TotpSetupPane setup = new TotpSetupPane(restricted, confirmation -> {
            if (confirmation.newSession() != null) {
                restricted.replaceSession(confirmation.newSession());
            }
            LOG.info("Required authenticator app set up for {}", restricted.email());
            finish(restricted);
        }, () -> {
            Background.fireAndForget("Signing out after cancelled setup", () -> {
                restricted.client().signOut(restricted.session());
                return null;
            });
            LOG.info("Required setup cancelled by {}; signed out", restricted.email());
            show(restricted.email(), Messages.get("enrol.cancelled"));
        });

        Button useKey = new Button(Messages.get("enrol.key"));
        useKey.setId("enrol-with-key");
        useKey.setMnemonicParsing(true);
        // No one-device advice here: its buttons would open a setup after this window has
        // already signed the user in. The MFA tab shows the advice instead.
        useKey.setOnAction(event -> new PasskeyEnrolmentFlow(restricted,
                settings.securityKeys(), PlatformAuthenticator.forThisComputer(),
                settings.diagnostics()).start(stage, PasskeyEnrolment.Start.CHOOSE_KIND, false,
                        (name, followUp) -> {
                            LOG.info("Required passkey set up for {}", restricted.email());
                            finish(restricted);
                        }));

        VBox card = new VBox(10, heading, explanation, useKey, setup);
        card.getStyleClass().add("card");
        card.setMaxWidth(760);

        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        stage.setWidth(Math.max(stage.getWidth(), 820));
        stage.setHeight(Math.max(stage.getHeight(), 760));
        setStep(scroll, "signin.title.enrol");
    }

    /**
     * Counts down the wait the portal asked for in the error message, with {@code button}
     * disabled until it is over.
     */
    private void waitBeforeRetry(PortalException failure, StatusMessage status,
            Button button) {
        stopCountdown();
        button.setDisable(true);
        countdown = Countdown.start(failure.retryAfter().orElseThrow(),
                left -> status.error(failure.messageWithWait(left)),
                () -> {
                    button.setDisable(false);
                    status.info(Messages.get("signin.tryAgainNow"));
                });
    }

    private void stopCountdown() {
        if (countdown != null) {
            countdown.stop();
            countdown = null;
        }
    }

    private void finish(PortalSession session) {
        stopCountdown();
        LOG.info("Signed in {}", session.email());
        onSignedIn.accept(session);
    }

    private void setStep(Node step, String titleKey) {
        stopCountdown();
        if (step instanceof javafx.scene.layout.Region region && region.getStyleClass()
                .contains("card")) {
            region.setMaxWidth(Math.max(region.getMaxWidth(), 440));
        }
        root.getChildren().setAll(step);
        stage.setTitle(Messages.get(titleKey) + " \u2013 " + Messages.get("app.name"));
    }

    /** Closes the window without signing anyone out. */
    public void hide() {
        stage.hide();
    }

    private static String message(Throwable failure) {
        if (failure instanceof PortalException e) {
            return e.getMessage();
        }
        return Messages.get("error.unexpected");
    }
}
