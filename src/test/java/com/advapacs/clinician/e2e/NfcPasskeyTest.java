package com.advapacs.clinician.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.nfc.PcscDaemon;
import com.advapacs.clinician.fido.nfc.VpcdCard;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrols a passkey on a key held on a contactless reader and signs in with it, through the
 * real window, pcscd with vsmartcard's virtual reader, javax.smartcardio and libfido2. Then
 * it takes the key off the reader while the app waits for it.
 */
class NfcPasskeyTest {

    private static final String PASSWORD = "demo-clinician-2026";
    private static final String EMAIL = "demo.clinician@advapacs.example";
    private static final String PIN = "4821";
    private static final String READER = VpcdCard.readerName(VpcdCard.FIRST_PORT);

    @TempDir
    Path dataDirectory;

    private final UiDriver ui = new UiDriver();
    private VirtualAuthenticator key;
    private VpcdCard card;
    private AppUnderTest app;

    @BeforeAll
    static void startPcscd() {
        PcscDaemon.ensureRunning();
    }

    @BeforeEach
    void startApp() throws Exception {
        key = new VirtualAuthenticator(new AuthenticatorConfig().pin(PIN)
                .touch(AuthenticatorConfig.Touch.MANUAL)
                .userActionTimeout(Duration.ofSeconds(30)));
        app = AppUnderTest.start(dataDirectory, "--demo");
    }

    @AfterEach
    void stopApp() throws Exception {
        if (card != null) {
            card.close();
        }
        app.close();
        key.close();
    }

    @Test
    void enrolSignInAndKeyTakenAway() throws Exception {
        signInWithPassword();
        ui.waitFor("#user-menu");
        ui.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        ui.click("#passkey-add");
        ui.waitFor("#passkey-choose");
        ui.clickButton("#passkey-choose", "Next");

        String waiting = ui.waitForText("#key-insert #sheet-instruction", READER);
        assertTrue(waiting.contains("NFC readers"), waiting);
        Node insert = ui.waitFor("#key-insert");
        assertEquals("Insert or tap your security key \u2013 AdvaPACS Clinician",
                ((Stage) insert.getScene().getWindow()).getTitle());
        Screenshots.save(ui, insert.getScene(), "60-nfc-insert-or-tap");
        card = VpcdCard.insert(key, VpcdCard.FIRST_PORT);

        String pinText = ui.waitForText("#key-pin-sheet #sheet-instruction", "PIN");
        assertTrue(pinText.contains("the key on the reader"), pinText);
        ui.fill("#key-pin", PIN);
        ui.type(KeyCode.ENTER);
        String hold = ui.waitForText("#key-touch #sheet-instruction", READER);
        assertTrue(hold.startsWith("Keep your security key on the reader"), hold);
        Screenshots.save(ui, ui.<Node>waitFor("#key-touch").getScene(), "61-nfc-hold");
        touchWhenAsked(1);

        ui.waitFor("#passkey-name");
        ui.fill("#passkey-name", "Badge reader key");
        ui.clickButton("#passkey-name-sheet", "Done");
        ui.waitForText("#mfa-status", "Badge reader key");
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
        signInWithPassword();
        ui.fill("#key-pin", PIN);
        ui.type(KeyCode.ENTER);
        assertTrue(key.awaitTouchPrompts(3, Duration.ofSeconds(UiDriver.WAIT_SECONDS)),
                "the key never asked for the third touch");
        card.remove();

        String removed = ui.waitForText("#key-error #sheet-instruction", "left the reader");
        assertTrue(removed.startsWith("The key left the reader"), removed);
        Screenshots.save(ui, ui.<Node>waitFor("#key-error").getScene(), "62-nfc-removed");
    }

    @Test
    void chooserNamesEachKeysConnection() throws Exception {
        VirtualAuthenticator usbKey = new VirtualAuthenticator(new AuthenticatorConfig()
                .product("Desk key").touch(AuthenticatorConfig.Touch.MANUAL));
        try {
            signInWithPassword();
            ui.waitFor("#user-menu");
            ui.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
            ui.click("#passkey-add");
            ui.waitFor("#passkey-choose");
            PluggedKeys.plugIn(usbKey);
            card = VpcdCard.insert(key, VpcdCard.FIRST_PORT);
            ui.clickButton("#passkey-choose", "Next");

            VBox list = ui.waitFor("#key-select-list");
            String listed = list.getChildren().stream()
                    .map(item -> ((Labeled) item).getText())
                    .collect(Collectors.joining("\n"));
            assertTrue(listed.contains("Desk key"), listed);
            assertTrue(listed.contains("NFC security key \u2014 NFC, reader " + READER),
                    listed);
            Screenshots.save(ui, ui.<Node>waitFor("#key-select").getScene(),
                    "63-nfc-chooser");

            assertTrue(key.awaitTouchPrompts(1, Duration.ofSeconds(UiDriver.WAIT_SECONDS)),
                    "the NFC key was never asked to confirm the choice");
            key.touch();
            String pinText = ui.waitForText("#key-pin-sheet #sheet-instruction", "PIN");
            assertTrue(pinText.contains("the key on the reader"), pinText);
            ui.clickButton("#key-pin-sheet", "Cancel");
        } finally {
            PluggedKeys.unplugAll();
            usbKey.close();
        }
    }

    private void signInWithPassword() {
        ui.fill("#password", PASSWORD);
        ui.type(KeyCode.ENTER);
    }

    private void touchWhenAsked(int count) throws InterruptedException {
        assertTrue(key.awaitTouchPrompts(count, Duration.ofSeconds(UiDriver.WAIT_SECONDS)),
                "the key never asked for touch " + count);
        key.touch();
    }
}
