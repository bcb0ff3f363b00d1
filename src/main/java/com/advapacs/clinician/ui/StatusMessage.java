package com.advapacs.clinician.ui;

import javafx.scene.control.Label;

/**
 * A one-line outcome shown in place: an error, a success or plain information.
 *
 * <p>Errors and successes carry a symbol as well as a colour, so that the meaning does not
 * depend on colour alone, and the text is read out by screen readers when it changes.
 */
public final class StatusMessage extends Label {

    /** The kind of message shown. */
    public enum Kind { ERROR, SUCCESS, INFO }

    public StatusMessage() {
        setWrapText(true);
        getStyleClass().add("status-message");
        setMaxWidth(Double.MAX_VALUE);
        clear();
    }

    public void show(Kind kind, String text) {
        getStyleClass().removeAll("error", "success", "info");
        getStyleClass().add(kind.name().toLowerCase(java.util.Locale.ROOT));
        String symbol = switch (kind) {
            case ERROR -> "\u26A0 ";
            case SUCCESS -> "\u2714 ";
            case INFO -> "";
        };
        setText(symbol + text);
        setAccessibleText(text);
        setVisible(true);
        setManaged(true);
    }

    public void error(String text) {
        show(Kind.ERROR, text);
    }

    public void success(String text) {
        show(Kind.SUCCESS, text);
    }

    public void info(String text) {
        show(Kind.INFO, text);
    }

    public void clear() {
        setText("");
        setVisible(false);
        setManaged(false);
    }
}
