package com.advapacs.clinician.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security-key situations beyond the happy path, through the real window, libfido2 and
 * portal: a key without a PIN, registering the same key twice with Get help, a key pulled
 * out while the app waits for a touch, and a passwordless sign-in that needs a PIN to be
 * set first.
 */
class PasskeyFaultsTest {

    private static final String PASSWORD = "demo-clinician-2026";
    private static final String NEW_PIN = "135790";

    @TempDir
    Path dataDirectory;

    private final UiDriver ui = new UiDriver();
    private VirtualAuthenticator key;
    private AppUnderTest app;

    @BeforeEach
    void startApp() throws Exception {
        key = new VirtualAuthenticator(new AuthenticatorConfig().minPinLength(6));
        PluggedKeys.plugIn(key);
        app = AppUnderTest.start(dataDirectory, "--demo");
    }

    @AfterEach
    void stopApp() throws Exception {
        PluggedKeys.unplugAll();
        app.close();
        key.close();
    }

    @Test
    void duplicateSetPinAndRemovedKey() throws Exception {
        ui.fill("#password", PASSWORD);
        ui.type(KeyCode.ENTER);
        ui.waitFor("#user-menu");
        ui.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);

        addPasskey();
        ui.waitFor("#passkey-name");
        ui.clickButton("#passkey-name-sheet", "Done");
        ui.waitForText("#mfa-status", "added");

        addPasskey();
        String duplicate = ui.waitForText("#key-error #sheet-instruction", "already registered");
        Screenshots.save(ui, ui.<javafx.scene.Node>waitFor("#key-error").getScene(),
                "40-already-registered");
        assertFalse(hasButton("#key-error", "Try again"), "Try again offered for a duplicate");
        ui.clickButton("#key-error", "Get help");
        TextArea details = ui.waitFor("#diagnostics");
        String summary = details.getText();
        assertTrue(summary.contains("Key: AdvaPACS Test AdvaPACS Virtual Key"), summary);
        assertTrue(summary.contains("Error: ALREADY_REGISTERED"), summary);
        assertFalse(summary.contains(PASSWORD), summary);
        ui.clickButton(".dialog-pane", "Copy details");
        AtomicReference<String> copied = new AtomicReference<>();
        ui.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(summary, copied.get());
        ui.clickButton(".dialog-pane", "Close");
        ui.clickButton("#key-error", "Close");
        assertTrue(duplicate.contains("already registered"), duplicate);

        VirtualAuthenticator slowKey = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(AuthenticatorConfig.Touch.MANUAL).product("Slow Key"));
        PluggedKeys.unplugAll();
        PluggedKeys.plugIn(slowKey);
        addPasskey();
        ui.waitFor("#key-touch");
        assertTrue(slowKey.awaitTouchPrompts(1, java.time.Duration.ofSeconds(10)));
        slowKey.unplug();
        String removed = ui.waitForText("#key-error #sheet-instruction", "removed");
        Screenshots.save(ui, ui.<javafx.scene.Node>waitFor("#key-error").getScene(),
                "42-key-removed");
        assertTrue(removed.contains("removed"), removed);
        assertTrue(hasButton("#key-error", "Try again"), "no Try again after removal");
        ui.clickButton("#key-error", "Close");
        slowKey.close();
        PluggedKeys.unplugAll();
        PluggedKeys.plugIn(key);

        ui.click("#user-menu");
        ui.click("Sign out");
        ui.waitForText("#sign-in-status", "You have signed out.");
        ui.click("#sign-in-with-key");
        ui.waitFor("#key-set-pin-sheet");
        Button save = ui.lookup("#key-set-pin-sheet .button").match(node ->
                ((Button) node).getText().contains("Save")).query();
        ui.fill("#key-new-pin", "1234");
        ui.waitForText("#key-set-pin-sheet .status-message", "at least 6");
        assertTrue(save.isDisabled());
        ui.fill("#key-new-pin", NEW_PIN);
        ui.fill("#key-confirm-pin", "135791");
        ui.waitForText("#key-set-pin-sheet .status-message", "do not match");
        assertTrue(save.isDisabled());
        ui.fill("#key-confirm-pin", NEW_PIN);
        ui.waitUntil("Save PIN enabled", () -> !save.isDisabled());
        Screenshots.save(ui, save.getScene(), "41-set-pin");
        ui.clickOn(save);

        ui.fill("#key-pin", NEW_PIN);
        ui.type(KeyCode.ENTER);
        assertEquals("demo.clinician@advapacs.example",
                ui.<MenuButton>waitFor("#user-menu").getText());
        assertTrue(key.pinSet());
    }

    private boolean hasButton(String scope, String text) {
        return ui.lookup(scope + " .button").match(node -> node.isVisible()
                && text.equals(((Button) node).getText().replace("_", ""))).tryQuery()
                .isPresent();
    }

    private void addPasskey() {
        ui.click("#passkey-add");
        ui.clickButton("#passkey-choose", "Next");
    }
}
