package com.advapacs.clinician.e2e;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for driving the app's windows the way a user does. */
class UiDriver extends FxRobot {

    static final long WAIT_SECONDS = 20;

    /** Waits until a visible node matches {@code query}, then returns it. */
    <T extends Node> T waitFor(String query) {
        waitUntil("visible " + query, () -> visibleNode(query).isPresent());
        @SuppressWarnings("unchecked")
        T node = (T) visibleNode(query).orElseThrow();
        return node;
    }

    /** Clicks the visible node that {@code query} matches, waiting for it first. */
    void click(String query) {
        Node node = waitFor(query);
        clickOn(node);
    }

    /** Clicks the visible button labelled {@code text} inside the nodes {@code scope} matches. */
    void clickButton(String scope, String text) {
        waitUntil("button " + text, () -> button(scope, text).isPresent());
        Node button = button(scope, text).orElseThrow();
        clickOn(button);
    }

    private Optional<Node> button(String scope, String text) {
        try {
            return lookup(scope + " .button").match(node -> node.isVisible()
                    && node instanceof Labeled labeled
                    && text.equals(labeled.getText().replace("_", ""))).tryQuery();
        } catch (RuntimeException e) {
            // Same window-list race as in visibleNode: retry on the next poll.
            return Optional.empty();
        }
    }

    void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + "; windows: "
                    + describeWindows(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    Optional<Node> visibleNode(String query) {
        try {
            return lookup(query).match(Node::isVisible).tryQuery();
        } catch (RuntimeException e) {
            // The lookup walks the window list off the FX thread; while a window opens or
            // closes that list can change under it. Treat it as "not there yet" and retry.
            return Optional.empty();
        }
    }

    String textOf(String query) {
        Node node = waitFor(query);
        if (node instanceof Labeled labeled) {
            return labeled.getText();
        }
        if (node instanceof TextInputControl input) {
            return input.getText();
        }
        throw new AssertionError(query + " has no text: " + node);
    }

    /** Waits until the labelled node {@code query} shows text containing {@code part}. */
    String waitForText(String query, String part) {
        waitUntil(query + " containing '" + part + "'", () -> visibleNode(query)
                .filter(node -> node instanceof Labeled labeled
                        && labeled.getText().contains(part)).isPresent());
        return textOf(query);
    }

    /** Replaces the text of a field by clicking it, selecting all and typing. */
    void fill(String query, String text) {
        TextInputControl field = waitFor(query);
        clickOn(field);
        interact(field::clear);
        write(text);
    }

    private String describeWindows() {
        StringBuilder description = new StringBuilder();
        for (Window window : listWindows()) {
            description.append('[').append(window.isShowing() ? "showing " : "hidden ")
                    .append(window instanceof javafx.stage.Stage stage ? stage.getTitle() : window)
                    .append(']');
        }
        return description.toString();
    }
}
