package com.advapacs.clinician.settings.mfa;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.Account;
import com.advapacs.clinician.portal.Passkey;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.portal.TotpStatus;
import com.advapacs.clinician.ui.Background;
import com.advapacs.clinician.ui.StatusMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MFA settings tab: the authenticator app and the passkeys, with setup, renaming and
 * removal.
 *
 * <p>Each state (loading, failed to load, the method list, setting up the app) replaces the
 * whole body, so the tab never shows a half-updated mix.
 */
public final class MfaPane extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(MfaPane.class);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final PortalSession portal;
    private final PasskeyEnrolment passkeyEnrolment;
    private final VBox body = new VBox(10);
    private final StatusMessage status = new StatusMessage();
    private Account account;

    /**
     * @param passkeyEnrolment opens the add-passkey flow; it calls back with the new
     *     passkey's name, and the setup the user chose next, once the portal has stored it
     */
    public MfaPane(PortalSession portal, PasskeyEnrolment passkeyEnrolment) {
        this.portal = portal;
        this.passkeyEnrolment = passkeyEnrolment;
        getStyleClass().add("settings-content");
        status.setId("mfa-status");
        Label heading = new Label(Messages.get("mfa.heading"));
        heading.getStyleClass().add("heading");
        Label intro = new Label(Messages.get("mfa.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");
        getChildren().addAll(heading, intro, status, body);
        reload();
    }

    /** Reads the account's methods from the portal again and shows them. */
    public void reload() {
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(28, 28);
        Label loadingText = new Label(Messages.get("mfa.loading"));
        HBox row = new HBox(10, loading, loadingText);
        row.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().setAll(row);
        Background.run(() -> portal.client().account(portal.session()), this::showAccount,
                this::showLoadFailure);
    }

    private void showAccount(Account loaded) {
        account = loaded;
        body.getChildren().clear();
        if (OneDeviceAdvice.applies(loaded)) {
            body.getChildren().add(OneDeviceNotice.create(
                    () -> addPasskey(PasskeyEnrolment.Start.SECURITY_KEY), this::showSetup));
        }
        Label appHeading = new Label(Messages.get("mfa.totp.heading"));
        appHeading.getStyleClass().add("subheading");
        body.getChildren().addAll(appHeading, totpRow(loaded.totp()));

        Button add = new Button(Messages.get("mfa.passkey.add"));
        add.setId("passkey-add");
        add.setMnemonicParsing(true);
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(event -> addPasskey(PasskeyEnrolment.Start.CHOOSE_KIND));
        Label passkeyHeading = new Label(Messages.get("mfa.passkey.heading"));
        passkeyHeading.getStyleClass().add("subheading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox passkeyHeader = new HBox(10, passkeyHeading, spacer, add);
        passkeyHeader.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().add(passkeyHeader);
        if (loaded.passkeys().isEmpty()) {
            Label none = new Label(Messages.get("mfa.passkey.none"));
            none.setWrapText(true);
            none.getStyleClass().add("hint");
            body.getChildren().add(none);
        }
        for (Passkey passkey : loaded.passkeys()) {
            body.getChildren().add(passkeyRow(passkey));
        }
    }

    private void showLoadFailure(Throwable failure) {
        status.error(TotpSetupPane.message(failure));
        Button retry = new Button(Messages.get("mfa.retry"));
        retry.setMnemonicParsing(true);
        retry.setOnAction(event -> {
            status.clear();
            reload();
        });
        body.getChildren().setAll(retry);
        retry.requestFocus();
    }

    private HBox totpRow(TotpStatus totp) {
        if (!totp.active()) {
            Label state = new Label(Messages.get("mfa.totp.none"));
            state.setWrapText(true);
            Button setUp = new Button(Messages.get("mfa.totp.setUp"));
            setUp.getStyleClass().add("primary");
            setUp.setMnemonicParsing(true);
            setUp.setId("totp-set-up");
            setUp.setOnAction(event -> showSetup());
            return methodRow(state, setUp);
        }
        String name = totp.name() == null || totp.name().isBlank()
                ? Messages.get("mfa.totp.unnamed") : totp.name();
        Button replace = new Button(Messages.get("mfa.totp.replace"));
        replace.setMnemonicParsing(true);
        replace.setOnAction(event -> showSetup());
        Button remove = new Button(Messages.get("mfa.totp.remove"));
        remove.setMnemonicParsing(true);
        remove.setId("totp-remove");
        remove.setOnAction(event -> confirmTotpRemoval());
        VBox text = describe(name, Messages.get("mfa.totp.type"), totp.createdAt(),
                totp.lastUsedAt());
        lockIfRequired(remove, text);
        HBox row = methodRow(text, replace, remove);
        row.setAccessibleText(Messages.get("mfa.totp.activeAccessible", name));
        row.setId("totp-active");
        return row;
    }

    private HBox passkeyRow(Passkey passkey) {
        String name = displayName(passkey);
        String type = Messages.get(passkey.platform() ? "mfa.passkey.platform"
                : "mfa.passkey.securityKey");
        if (passkey.model() != null && !passkey.model().equals(name)) {
            type = type + " \u00b7 " + passkey.model();
        }
        VBox text = describe(name, type, passkey.createdAt(), passkey.lastUsedAt());
        if (type.equals(name)) {
            // A default-named key would show "Security key" twice.
            text.getChildren().remove(1);
        }
        if (passkey.signCountWarning()) {
            Label warning = new Label("\u26A0 " + Messages.get("mfa.passkey.cloneWarning"));
            warning.setWrapText(true);
            warning.getStyleClass().addAll("status-message", "error");
            text.getChildren().add(warning);
        }
        Button rename = new Button(Messages.get("mfa.passkey.rename"));
        rename.setOnAction(event -> rename(passkey));
        Button remove = new Button(Messages.get("mfa.passkey.remove"));
        remove.setOnAction(event -> confirmPasskeyRemoval(passkey));
        lockIfRequired(remove, text);
        HBox row = methodRow(text, rename, remove);
        row.getStyleClass().add("passkey-row");
        row.setAccessibleText(Messages.get("mfa.passkey.accessible", name, type));
        return row;
    }

    /**
     * Disables removal of the only method when the portal requires a second step, and shows
     * why, rather than letting the user find out after typing their password.
     */
    private void lockIfRequired(Button remove, VBox text) {
        if (account.mfaRequired() && account.methodCount() == 1) {
            remove.setDisable(true);
            Label reason = new Label(Messages.get("mfa.requiredByPolicy"));
            reason.setWrapText(true);
            reason.getStyleClass().add("hint");
            text.getChildren().add(reason);
        }
    }

    private static VBox describe(String name, String type, Instant created, Instant lastUsed) {
        Label title = new Label(name);
        title.getStyleClass().add("subheading");
        Label kind = new Label(type);
        kind.getStyleClass().add("hint");
        Label dates = new Label(lastUsed == null
                ? Messages.get("mfa.datesUnused", format(created))
                : Messages.get("mfa.dates", format(created), format(lastUsed)));
        dates.getStyleClass().add("hint");
        return new VBox(3, title, kind, dates);
    }

    private HBox methodRow(Region text, Button... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.SOMETIMES);
        HBox row = new HBox(10, text, spacer);
        for (Button button : buttons) {
            button.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().add(button);
        }
        row.getStyleClass().add("method-row");
        return row;
    }

    private void showSetup() {
        status.clear();
        TotpSetupPane setup = new TotpSetupPane(portal, confirmation -> {
            reload();
            status.success(Messages.get("totp.registered"));
        }, this::reload);
        body.getChildren().setAll(setup);
    }

    private void addPasskey(PasskeyEnrolment.Start start) {
        status.clear();
        passkeyEnrolment.start(getScene().getWindow(), start,
                OneDeviceAdvice.appliesAfterPlatformPasskey(account), (name, followUp) -> {
                    switch (followUp) {
                        // The setup replaces the body and reloads it when it ends.
                        case AUTHENTICATOR_APP -> showSetup();
                        case SECURITY_KEY -> {
                            reload();
                            addPasskey(PasskeyEnrolment.Start.SECURITY_KEY);
                        }
                        case NONE -> reload();
                    }
                    status.success(Messages.get("mfa.passkey.added", name));
                });
    }

    private void rename(Passkey passkey) {
        status.clear();
        TextInputDialog dialog = new TextInputDialog(displayName(passkey));
        PasskeyNames.limit(dialog.getEditor());
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(Messages.get("mfa.passkey.renameTitle"));
        dialog.setHeaderText(Messages.get("mfa.passkey.renameHeader"));
        dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty())
                .ifPresent(name -> Background.run(
                        () -> portal.client().renamePasskey(portal.session(), passkey.id(), name),
                        renamed -> {
                            LOG.info("Passkey {} renamed by {}", passkey.id(), portal.email());
                            reload();
                        },
                        failure -> status.error(TotpSetupPane.message(failure))));
    }

    private void confirmTotpRemoval() {
        status.clear();
        RemoveMethodDialog dialog = new RemoveMethodDialog(getScene().getWindow(),
                Messages.get("mfa.totp.unnamed"), true, account.methodCount() == 1,
                (code, password, confirmLast) -> portal.client().removeTotp(portal.session(),
                        code, password, confirmLast));
        dialog.showAndWait().filter(Boolean.TRUE::equals).ifPresent(removed -> {
            LOG.info("Authenticator app removed for {}", portal.email());
            reload();
            status.success(Messages.get("mfa.totp.removed"));
        });
    }

    private void confirmPasskeyRemoval(Passkey passkey) {
        status.clear();
        String name = displayName(passkey);
        RemoveMethodDialog dialog = new RemoveMethodDialog(getScene().getWindow(), name,
                account.totp().active(), account.methodCount() == 1,
                (code, password, confirmLast) -> portal.client().removePasskey(
                        portal.session(), passkey.id(), code, password, confirmLast));
        dialog.showAndWait().filter(Boolean.TRUE::equals).ifPresent(removed -> {
            LOG.info("Passkey {} removed for {}", passkey.id(), portal.email());
            reload();
            status.success(Messages.get("mfa.passkey.removed", name));
        });
    }

    private static String displayName(Passkey passkey) {
        return passkey.name() == null || passkey.name().isBlank()
                ? Messages.get("mfa.passkey.unnamed") : passkey.name();
    }

    private static String format(Instant instant) {
        if (instant == null) {
            return Messages.get("mfa.unknownDate");
        }
        return DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }
}
