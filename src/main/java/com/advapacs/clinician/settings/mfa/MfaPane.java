package com.advapacs.clinician.settings.mfa;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.Account;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The MFA settings tab: the state of the authenticator app, with setup and removal.
 *
 * <p>Each state (loading, failed to load, not set up, setting up, active) replaces the
 * whole body, so the tab never shows a half-updated mix.
 */
public final class MfaPane extends VBox {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final PortalSession portal;
    private final VBox body = new VBox(10);
    private final StatusMessage status = new StatusMessage();

    public MfaPane(PortalSession portal) {
        this.portal = portal;
        getStyleClass().add("settings-content");
        status.setId("mfa-status");
        Label heading = new Label(Messages.get("mfa.heading"));
        heading.getStyleClass().add("heading");
        Label intro = new Label(Messages.get("mfa.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");
        Label appHeading = new Label(Messages.get("mfa.totp.heading"));
        appHeading.getStyleClass().add("subheading");
        getChildren().addAll(heading, intro, appHeading, status, body);
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

    private void showAccount(Account account) {
        TotpStatus totp = account.totp();
        if (totp.active()) {
            showActive(totp);
        } else {
            showNotSetUp();
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

    private void showNotSetUp() {
        Label state = new Label(Messages.get("mfa.totp.none"));
        state.setWrapText(true);
        Button setUp = new Button(Messages.get("mfa.totp.setUp"));
        setUp.getStyleClass().add("primary");
        setUp.setMnemonicParsing(true);
        setUp.setId("totp-set-up");
        setUp.setOnAction(event -> showSetup());
        body.getChildren().setAll(methodRow(state, setUp));
        setUp.requestFocus();
    }

    private void showActive(TotpStatus totp) {
        String name = totp.name() == null || totp.name().isBlank()
                ? Messages.get("mfa.totp.unnamed") : totp.name();
        Label title = new Label("\u2714 " + name);
        title.getStyleClass().add("subheading");
        Label dates = new Label(Messages.get("mfa.totp.dates", format(totp.createdAt()),
                totp.lastUsedAt() == null ? Messages.get("mfa.never") : format(totp.lastUsedAt())));
        dates.getStyleClass().add("hint");
        VBox text = new VBox(4, title, dates);
        Button remove = new Button(Messages.get("mfa.totp.remove"));
        remove.setMnemonicParsing(true);
        remove.setId("totp-remove");
        remove.setOnAction(event -> confirmRemoval());
        Button replace = new Button(Messages.get("mfa.totp.replace"));
        replace.setMnemonicParsing(true);
        replace.setOnAction(event -> showSetup());
        HBox row = methodRow(text, replace, remove);
        row.setAccessibleText(Messages.get("mfa.totp.activeAccessible", name));
        row.setId("totp-active");
        body.getChildren().setAll(row);
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
            status.success(Messages.get("totp.registered"));
            showActive(confirmation.totp());
        }, this::reload);
        body.getChildren().setAll(setup);
    }

    private void confirmRemoval() {
        status.clear();
        RemoveTotpDialog dialog = new RemoveTotpDialog(getScene().getWindow(), portal);
        dialog.showAndWait().filter(Boolean.TRUE::equals).ifPresent(removed -> {
            status.success(Messages.get("mfa.totp.removed"));
            reload();
        });
    }

    private static String format(Instant instant) {
        if (instant == null) {
            return Messages.get("mfa.unknownDate");
        }
        return DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }
}
