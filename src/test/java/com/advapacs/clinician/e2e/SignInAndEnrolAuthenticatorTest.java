package com.advapacs.clinician.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.Result;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real app in demo mode, with its embedded portal on loopback, through the whole
 * authenticator-app story. It signs in with a password, sets up the app from the QR code on
 * screen, signs out, and signs in again with password and code.
 */
class SignInAndEnrolAuthenticatorTest {

    private static final String EMAIL = "demo.clinician@advapacs.example";
    private static final String PASSWORD = "demo-clinician-2026";

    @TempDir
    Path dataDirectory;

    private final UiDriver ui = new UiDriver();
    private AppUnderTest app;

    @BeforeEach
    void startApp() throws Exception {
        app = AppUnderTest.start(dataDirectory, "--demo");
    }

    @AfterEach
    void stopApp() throws Exception {
        app.close();
    }

    @Test
    void totpEnrolAndCodeSignIn() throws Exception {
        assertEquals(EMAIL, ui.textOf("#email"));
        Screenshots.save(ui, ui.<javafx.scene.Node>waitFor("#email").getScene(), "01-sign-in");
        ui.fill("#password", PASSWORD);
        ui.type(KeyCode.ENTER);

        MenuButton userMenu = ui.waitFor("#user-menu");
        assertEquals(EMAIL, userMenu.getText());
        ui.clickOn(userMenu);
        ui.clickOn(ui.<javafx.scene.Node>waitFor("Settings…"));
        ui.waitFor("#totp-set-up");
        Screenshots.save(ui, ui.<javafx.scene.Node>waitFor("#totp-set-up").getScene(),
                "02-mfa-not-set-up");

        ui.clickOn(ui.<javafx.scene.Node>waitFor("#totp-set-up"));
        ui.waitFor("#totp-qr");
        Scene settingsScene = ui.<javafx.scene.Node>waitFor("#totp-qr").getScene();
        AtomicReference<WritableImage> pixels = new AtomicReference<>();
        ui.interact(() -> pixels.set(settingsScene.snapshot(null)));
        Screenshots.save(ui, settingsScene, "03-totp-setup");
        Result qr = QrReader.decode(pixels.get());

        AuthenticatorApp phone = new AuthenticatorApp(qr.getText());
        assertEquals("AdvaPACS:" + EMAIL, phone.label);
        assertEquals("AdvaPACS", phone.parameters.get("issuer"));
        assertEquals("SHA1", phone.parameters.getOrDefault("algorithm", "SHA1"));
        assertEquals("6", phone.parameters.getOrDefault("digits", "6"));
        assertEquals("30", phone.parameters.getOrDefault("period", "30"));
        assertEquals(phone.parameters.get("secret").replaceAll("(.{4})(?!$)", "$1 "),
                ui.textOf("#totp-secret"));

        ui.fill("#totp-name", "Work phone");
        ui.fill("#totp-code", phone.codeAt(Instant.now()));
        ui.type(KeyCode.ENTER);
        ui.waitFor("#totp-active");
        assertTrue(ui.textOf("#mfa-status").contains("set up"), ui.textOf("#mfa-status"));
        Screenshots.save(ui, settingsScene, "04-totp-active");

        ui.clickOn(ui.<javafx.scene.Node>waitFor("#user-menu"));
        ui.clickOn(ui.<javafx.scene.Node>waitFor("Sign out"));
        ui.waitForText("#sign-in-status", "You have signed out.");
        assertEquals(EMAIL, ui.textOf("#email"));

        ui.fill("#password", PASSWORD);
        ui.type(KeyCode.ENTER);
        Screenshots.save(ui, ui.<javafx.scene.Node>waitFor("#sign-in-code").getScene(),
                "05-code-step");
        // The code used for registration cannot be used again; the next one is accepted
        // because the portal allows one step of clock difference.
        ui.fill("#sign-in-code", phone.codeAt(Instant.now().plusSeconds(30)));

        assertEquals(EMAIL, ui.<MenuButton>waitFor("#user-menu").getText());
        WebView page = ui.waitFor(".web-view");
        ui.waitUntil("the studies page", () -> {
            AtomicReference<Object> title = new AtomicReference<>();
            ui.interact(() -> title.set(page.getEngine().getTitle()));
            return title.get() != null && title.get().toString().contains("Studies");
        });
        Screenshots.save(ui, page.getScene(), "06-main-window");
    }
}
