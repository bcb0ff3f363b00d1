package com.advapacs.clinician.app;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.settings.SettingsWindow;
import com.advapacs.clinician.settings.mfa.PasskeyEnrolment;
import com.advapacs.clinician.ui.AppIcons;
import com.advapacs.clinician.ui.Styles;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * The window after sign-in: a top bar with the user's menu, and the portal's clinician
 * pages below it.
 */
final class MainWindow {

    private final Stage stage = new Stage();
    private final PortalSession portal;
    private final PasskeyEnrolment passkeys;
    private final Runnable onSignOut;
    private final BorderPane root = new BorderPane();
    private SettingsWindow settings;

    MainWindow(PortalSession portal, PasskeyEnrolment passkeys, Runnable onSignOut) {
        this.portal = portal;
        this.passkeys = passkeys;
        this.onSignOut = onSignOut;

        Label title = new Label(Messages.get("app.name"));
        title.getStyleClass().add("app-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        MenuItem settingsItem = new MenuItem(Messages.get("main.menu.settings"));
        settingsItem.setAccelerator(new KeyCodeCombination(KeyCode.COMMA,
                KeyCombination.SHORTCUT_DOWN));
        settingsItem.setOnAction(event -> openSettings());
        settingsItem.setId("open-settings");
        MenuItem signOutItem = new MenuItem(Messages.get("main.menu.signOut"));
        signOutItem.setId("sign-out");
        signOutItem.setOnAction(event -> onSignOut.run());
        MenuButton userMenu = new MenuButton(portal.email(), null, settingsItem, signOutItem);
        userMenu.setId("user-menu");
        userMenu.setMnemonicParsing(false);
        userMenu.setAccessibleText(Messages.get("main.menu.accessible", portal.email()));

        HBox topBar = new HBox(title, spacer, userMenu);
        topBar.getStyleClass().add("top-bar");
        root.setTop(topBar);
        Label loading = new Label(Messages.get("main.page.loading"));
        root.setCenter(loading);

        Scene scene = new Scene(root, 1200, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        AppIcons.apply(stage);
        stage.setTitle(Messages.get("main.title", portal.email()));
        stage.setOnCloseRequest(event -> Platform.exit());
    }

    void show() {
        stage.show();
        // WebKit takes a while to load; the first frame comes before it.
        Platform.runLater(() -> root.setCenter(new PortalPage(portal)));
    }

    void openSettings() {
        if (settings == null) {
            settings = new SettingsWindow(stage, portal, passkeys);
        }
        settings.show();
    }

    void close() {
        if (settings != null) {
            settings.close();
        }
        PortalPage.signOut();
        stage.close();
    }
}
