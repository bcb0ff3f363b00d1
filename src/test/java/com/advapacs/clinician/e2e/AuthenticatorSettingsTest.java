package com.advapacs.clinician.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authenticator app in Settings: opened with the keyboard shortcut, the setup key
 * copied, the app removed only with a correct proof, and no secret in any log line.
 */
class AuthenticatorSettingsTest {

    private static final String PASSWORD = "demo-clinician-2026";

    @TempDir
    Path dataDirectory;

    private final UiDriver ui = new UiDriver();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler log = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger appLogger = Logger.getLogger("com.advapacs");
    private Level previousLevel;
    private AppUnderTest app;

    @BeforeEach
    void startApp() throws Exception {
        previousLevel = appLogger.getLevel();
        appLogger.setLevel(Level.ALL);
        log.setLevel(Level.ALL);
        appLogger.addHandler(log);
        app = AppUnderTest.start(dataDirectory, "--demo");
    }

    @AfterEach
    void stopApp() throws Exception {
        app.close();
        appLogger.removeHandler(log);
        appLogger.setLevel(previousLevel);
    }

    @Test
    void copyRemoveAndLogHygiene() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD));
        ui.fill("#password", PASSWORD);
        ui.type(KeyCode.ENTER);
        ui.waitFor("#user-menu");

        ui.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        ui.click("#totp-set-up");
        TextField secretField = ui.waitFor("#totp-secret");
        ui.waitUntil("the setup key", () -> !secretField.getText().isEmpty());
        String secret = secretField.getText().replace(" ", "");
        secrets.add(secret);

        ui.clickButton(".totp-setup", "Copy key");
        AtomicReference<String> copied = new AtomicReference<>();
        ui.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(secret, copied.get());

        AuthenticatorApp phone = new AuthenticatorApp("otpauth://totp/x?secret=" + secret);
        String code = phone.codeAt(Instant.now());
        secrets.add(code);
        ui.fill("#totp-code", code);
        ui.type(KeyCode.ENTER);
        ui.waitFor("#totp-active");
        ui.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertFalse(secret.equals(copied.get()), "clipboard still holds the setup key");

        ui.click("#totp-remove");
        ui.click("Enter my password instead");
        ui.click(".dialog-pane .check-box");
        ui.click(".dialog-pane .password-field");
        ui.write("wrong-password");
        ui.clickButton(".dialog-pane", "Remove");
        ui.waitForText(".dialog-pane .status-message", "That password is not correct.");

        ui.fill(".dialog-pane .password-field", PASSWORD);
        ui.clickButton(".dialog-pane", "Remove");
        ui.waitForText("#mfa-status", "has been removed");
        ui.waitFor("#totp-set-up");

        List<String> messages = List.copyOf(logged);
        assertTrue(messages.stream().anyMatch(line -> line.contains("Authenticator app removed")),
                messages.toString());
        for (String line : messages) {
            for (String value : secrets) {
                assertFalse(line.contains(value), "log line reveals a secret: " + line);
            }
            assertFalse(line.contains("Bearer"), line);
        }
    }
}
