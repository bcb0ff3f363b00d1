package com.advapacs.clinician.settings;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.settings.mfa.MfaPane;
import com.advapacs.clinician.settings.mfa.PasskeyEnrolment;
import com.advapacs.clinician.ui.AppIcons;
import com.advapacs.clinician.ui.Styles;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The settings window: sections listed on the left, the chosen section on the right.
 * Sections are built when first shown, so opening the window costs no portal request for
 * sections the user does not look at. Reopening the window builds the chosen section
 * again, so that the MFA tab shows the account's methods, and its advice, as they are now.
 */
public final class SettingsWindow {

    /** A section of the window, in the order of the list. */
    private enum Section {
        MFA("settings.section.mfa"),
        ACCOUNT("settings.section.account");

        private final String key;

        Section(String key) {
            this.key = key;
        }

        @Override
        public String toString() {
            return Messages.get(key);
        }
    }

    private final Stage stage = new Stage();
    private final PortalSession portal;
    private final PasskeyEnrolment passkeys;
    private final BorderPane root = new BorderPane();
    private final ScrollPane content = new ScrollPane();
    private final ListView<Section> navigation = new ListView<>();

    public SettingsWindow(Window owner, PortalSession portal, PasskeyEnrolment passkeys) {
        this.portal = portal;
        this.passkeys = passkeys;
        stage.initOwner(owner);
        stage.setTitle(Messages.get("settings.title"));

        navigation.getItems().addAll(Section.values());
        navigation.getStyleClass().add("settings-nav");
        navigation.setAccessibleText(Messages.get("settings.navigation.accessible"));
        navigation.getSelectionModel().selectedItemProperty().addListener(
                (observable, before, after) -> show(after));
        content.setFitToWidth(true);
        root.setLeft(navigation);
        root.setCenter(content);

        Scene scene = new Scene(root, 980, 680);
        Styles.apply(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && event.getTarget() == navigation) {
                stage.close();
            }
        });
        stage.setScene(scene);
        AppIcons.apply(stage);
        stage.setOnHidden(event -> content.setContent(null));
        navigation.getSelectionModel().select(Section.MFA);
    }

    public void show() {
        if (content.getContent() == null) {
            show(navigation.getSelectionModel().getSelectedItem());
        }
        stage.show();
        stage.toFront();
    }

    public void close() {
        stage.close();
    }

    private void show(Section section) {
        if (section == null) {
            return;
        }
        Supplier<Node> builder = switch (section) {
            case MFA -> () -> new MfaPane(portal, passkeys);
            case ACCOUNT -> this::accountPane;
        };
        content.setContent(builder.get());
        stage.setTitle(Messages.get("settings.titleWithSection", section.toString()));
    }

    private Node accountPane() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-content");
        grid.setHgap(16);
        grid.setVgap(10);
        Label heading = new Label(Messages.get("settings.section.account"));
        heading.getStyleClass().add("heading");
        grid.add(heading, 0, 0, 2, 1);
        grid.addRow(1, new Label(Messages.get("account.name")), new Label(portal.displayName()));
        grid.addRow(2, new Label(Messages.get("account.email")), new Label(portal.email()));
        grid.addRow(3, new Label(Messages.get("account.portal")),
                new Label(portal.client().address().toString()));
        return grid;
    }
}
