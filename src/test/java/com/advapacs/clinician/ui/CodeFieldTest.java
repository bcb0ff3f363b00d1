package com.advapacs.clinician.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

class CodeFieldTest {

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void pastedCodeWithSpaceIsAcceptedAndCompletes() {
        List<String> completed = new ArrayList<>();
        robot.interact(() -> {
            CodeField field = new CodeField();
            field.setOnComplete(completed::add);
            Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, "123 456"));
            field.paste();
            assertEquals("123456", field.getText());
            assertTrue(field.isComplete());
        });
        assertEquals(List.of("123456"), completed);
    }

    @Test
    void lettersAreDroppedAndLengthCapped() {
        robot.interact(() -> {
            CodeField field = new CodeField();
            field.replaceText(0, 0, "12a-3");
            assertEquals("123", field.getText());
            assertFalse(field.isComplete());
            field.appendText("4567890");
            assertEquals("123456", field.getText());
        });
    }

    @Test
    void enterAfterSixthDigitDoesNotResend() {
        List<String> completed = new ArrayList<>();
        robot.interact(() -> {
            CodeField field = new CodeField();
            field.setOnComplete(completed::add);
            field.appendText("123456");
            field.fireEvent(new javafx.event.ActionEvent());
            field.clear();
            field.appendText("654321");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(List.of("123456", "654321"), completed);
    }

    @Test
    void completesOnlyWhenSixthDigitArrives() {
        List<String> completed = new ArrayList<>();
        robot.interact(() -> {
            CodeField field = new CodeField();
            field.setOnComplete(completed::add);
            field.appendText("12345");
            field.appendText("6");
            field.appendText("7");
        });
        assertEquals(List.of("123456"), completed);
    }
}
