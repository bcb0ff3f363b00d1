package com.advapacs.clinician.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user whose organisation requires a second factor, and who has none, is led from the
 * password straight into the authenticator-app setup and reaches the main window only after
 * it is active. Cancelling signs them out.
 */
class RequiredEnrolmentTest {

    private static final String EMAIL = "enrol.required@advapacs.example";
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
    void enrolmentCancelThenSetup() throws Exception {
        signIn();
        ui.waitFor("#totp-qr");
        ui.clickOn(ui.<Node>waitFor("#totp-cancel"));
        ui.waitForText("#sign-in-status", "signed out");
        assertEquals(EMAIL, ui.textOf("#email"));

        signIn();
        Node qrCode = ui.waitFor("#totp-qr");
        Scene scene = qrCode.getScene();
        Screenshots.save(ui, scene, "20-required-enrolment");
        AtomicReference<WritableImage> pixels = new AtomicReference<>();
        ui.interact(() -> pixels.set(scene.snapshot(null)));
        AuthenticatorApp phone = new AuthenticatorApp(QrReader.decode(pixels.get()).getText());

        ui.fill("#totp-code", wrongCode(phone.codeAt(Instant.now())));
        ui.type(KeyCode.ENTER);
        ui.waitForText("#totp-status", "not correct");

        ui.fill("#totp-code", phone.codeAt(Instant.now()));
        ui.type(KeyCode.ENTER);
        assertEquals(EMAIL, ui.<MenuButton>waitFor("#user-menu").getText());
    }

    @Test
    void securityKeyInsteadOfApp() throws Exception {
        VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig());
        PluggedKeys.plugIn(key);
        try {
            signIn();
            ui.click("#enrol-with-key");
            ui.clickButton("#passkey-choose", "Next");
            ui.waitFor("#passkey-name");
            ui.clickButton("#passkey-name-sheet", "Done");

            assertEquals(EMAIL, ui.<MenuButton>waitFor("#user-menu").getText());
            assertEquals(1, key.credentialCount());
        } finally {
            PluggedKeys.unplugAll();
            key.close();
        }
    }

    private void signIn() {
        ui.fill("#email", EMAIL);
        ui.fill("#password", PASSWORD);
        ui.type(KeyCode.ENTER);
    }

    private static String wrongCode(String code) {
        char last = code.charAt(5);
        return code.substring(0, 5) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
