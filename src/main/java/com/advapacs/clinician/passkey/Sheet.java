package com.advapacs.clinician.passkey;

import com.advapacs.clinician.ui.StatusMessage;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One state of a security-key ceremony: a title, what to do now, optional controls, a
 * spinner while waiting, and the buttons. Built anew for every state so that no state
 * shows leftovers of another.
 */
final class Sheet extends VBox {

    final StatusMessage status = new StatusMessage();
    private final HBox buttons = new HBox(10);
    private final ProgressIndicator spinner = new ProgressIndicator();

    Sheet(String id, String title, String instruction) {
        setId(id);
        getStyleClass().add("card");
        setSpacing(12);
        setMaxHeight(Region.USE_PREF_SIZE);
        Label heading = new Label(title);
        heading.getStyleClass().add("heading");
        heading.setWrapText(true);
        Label text = new Label(instruction);
        text.setWrapText(true);
        text.setId("sheet-instruction");
        spinner.setPrefSize(28, 28);
        spinner.setVisible(false);
        spinner.setManaged(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        buttons.getChildren().add(spacer);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(heading, text, spinner, status, buttons);
    }

    /** Adds controls between the instruction and the status line. */
    Sheet content(Node... nodes) {
        getChildren().addAll(getChildren().indexOf(spinner), java.util.List.of(nodes));
        return this;
    }

    /** Adds controls between the status line and the buttons. */
    Sheet contentAfterStatus(Node... nodes) {
        getChildren().addAll(getChildren().indexOf(buttons), java.util.List.of(nodes));
        return this;
    }

    Sheet waiting() {
        spinner.setVisible(true);
        spinner.setManaged(true);
        return this;
    }

    Button button(String text, Runnable action) {
        Button button = new Button(text);
        button.setMnemonicParsing(true);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        buttons.getChildren().add(button);
        return button;
    }

    Button primary(String text, Runnable action) {
        Button button = button(text, action);
        button.getStyleClass().add("primary");
        button.setDefaultButton(true);
        return button;
    }

    Button cancel(String text, Runnable action) {
        Button button = button(text, action);
        button.setCancelButton(true);
        return button;
    }
}
