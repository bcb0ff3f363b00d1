package com.advapacs.clinician.ui;

import java.util.function.Consumer;
import javafx.scene.AccessibleRole;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/**
 * Text field for a 6-digit one-time code.
 *
 * <p>Only digits are kept, so a pasted "123 456" or "123-456" becomes "123456". When the
 * sixth digit arrives the completion handler runs, so the user does not need to press a
 * button. Enter runs it as well, but never twice for the same code. So an Enter typed right
 * after the sixth digit does not send the code again.
 */
public final class CodeField extends TextField {

    public static final int LENGTH = 6;

    private Consumer<String> onComplete = code -> { };
    private String submitted;

    public CodeField() {
        setPromptText("123456");
        setPrefColumnCount(8);
        getStyleClass().add("code-field");
        setAccessibleRole(AccessibleRole.TEXT_FIELD);
        setTextFormatter(new TextFormatter<String>(change -> {
            if (!change.isContentChange()) {
                return change;
            }
            String digits = change.getControlNewText().replaceAll("[^0-9]", "");
            if (digits.length() > LENGTH) {
                digits = digits.substring(0, LENGTH);
            }
            String previous = change.getControlText();
            change.setRange(0, previous.length());
            change.setText(digits);
            change.setCaretPosition(digits.length());
            change.setAnchor(digits.length());
            return change;
        }));
        textProperty().addListener((observable, before, after) -> {
            if (after.length() == LENGTH && before.length() < LENGTH) {
                submit(after);
            } else if (after.length() < LENGTH) {
                submitted = null;
            }
        });
        setOnAction(event -> {
            if (isComplete() && !getText().equals(submitted)) {
                submit(getText());
            }
        });
    }

    private void submit(String code) {
        submitted = code;
        onComplete.accept(code);
    }

    /**
     * Runs {@code action} on Escape. A text field with a formatter consumes Escape itself,
     * so without this the window's Cancel button would never see it.
     */
    public void setOnEscape(Runnable action) {
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                event.consume();
                action.run();
            }
        });
    }

    public boolean isComplete() {
        return getText().length() == LENGTH;
    }

    /** Sets what happens when a full code has been typed, pasted or confirmed with Enter. */
    public void setOnComplete(Consumer<String> handler) {
        this.onComplete = handler;
    }
}
