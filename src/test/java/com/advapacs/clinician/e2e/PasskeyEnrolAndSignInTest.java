package com.advapacs.clinician.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrols a passkey on a virtual security key through the real window and the real
 * libfido2, with one wrong PIN on the way, then signs out and signs in with it: as the
 * second step after the password, and passwordless.
 */
class PasskeyEnrolAndSignInTest {

    private static final String EMAIL = "demo.clinician@advapacs.example";
    private static final String PASSWORD = "demo-clinician-2026";
    private static final String PIN = "4821";

    @TempDir
    Path dataDirectory;

    private final UiDriver ui = new UiDriver();
    private VirtualAuthenticator key;
    private AppUnderTest app;

    @BeforeEach
    void startApp() throws Exception {
        key = new VirtualAuthenticator(new AuthenticatorConfig().pin(PIN)
                .touch(AuthenticatorConfig.Touch.MANUAL));
        app = AppUnderTest.start(dataDirectory, "--demo");
    }

    @AfterEach
    void stopApp() throws Exception {
        PluggedKeys.unplugAll();
        app.close();
        key.close();
    }

    @Test
    void passkeyEnrolAndBothSignIns() throws Exception {
        signInWithPassword();
        ui.waitFor("#user-menu");
        ui.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        ui.click("#passkey-add");
        ui.waitFor("#passkey-choose");
        assertTrue(ui.<Node>waitFor("#passkey-kind-platform").isDisabled());
        assertTrue(ui.textOf("#platform-unavailable").contains("Not available"));
        Screenshots.save(ui, ui.<Node>waitFor("#passkey-choose").getScene(), "30-passkey-kind");
        ui.clickButton("#passkey-choose", "Next");

        ui.waitFor("#key-insert");
        Screenshots.save(ui, ui.<Node>waitFor("#key-insert").getScene(), "31-insert-key");
        PluggedKeys.plugIn(key);

        ui.fill("#key-pin", "0000");
        ui.type(KeyCode.ENTER);
        String wrongPin = ui.waitForText("#key-pin-sheet .status-message", "Wrong PIN");
        assertTrue(wrongPin.contains("attempt"), wrongPin);
        Screenshots.save(ui, ui.<Node>waitFor("#key-pin-sheet").getScene(), "32-wrong-pin");

        ui.fill("#key-pin", PIN);
        ui.type(KeyCode.ENTER);
        ui.waitFor("#key-touch");
        Screenshots.save(ui, ui.<Node>waitFor("#key-touch").getScene(), "33-touch");
        touchWhenAsked(1);

        ui.waitFor("#passkey-name");
        ui.fill("#passkey-name", "Blue key");
        ui.clickButton("#passkey-name-sheet", "Done");
        String added = ui.waitForText("#mfa-status", "Blue key");
        assertTrue(added.contains("added"), added);
        ui.waitFor(".passkey-row");
        Screenshots.save(ui, ui.<Node>waitFor(".passkey-row").getScene(), "34-passkey-listed");
        assertEquals(1, key.credentialCount());

        ui.click("#user-menu");
        ui.click("Sign out");
        ui.waitForText("#sign-in-status", "You have signed out.");
        signInWithPassword();
        ui.fill("#key-pin", PIN);
        ui.type(KeyCode.ENTER);
        touchWhenAsked(2);
        assertEquals(EMAIL, ui.<MenuButton>waitFor("#user-menu").getText());

        ui.click("#user-menu");
        ui.click("Sign out");
        ui.waitForText("#sign-in-status", "You have signed out.");
        ui.click("#sign-in-with-key");
        ui.waitFor("#key-pin");
        Screenshots.save(ui, ui.<Node>waitFor("#key-pin").getScene(), "35-passwordless-pin");
        ui.fill("#key-pin", PIN);
        ui.type(KeyCode.ENTER);
        touchWhenAsked(3);
        assertEquals(EMAIL, ui.<MenuButton>waitFor("#user-menu").getText());
    }

    private void signInWithPassword() {
        ui.fill("#password", PASSWORD);
        ui.type(KeyCode.ENTER);
    }

    /**
     * Touches the virtual key once it has requested its {@code count}-th touch. A wrong PIN
     * is rejected before the key requests one, so it does not count.
     */
    private void touchWhenAsked(int count) throws InterruptedException {
        assertTrue(key.awaitTouchPrompts(count, Duration.ofSeconds(UiDriver.WAIT_SECONDS)),
                "the key never asked for touch " + count);
        key.touch();
    }
}
