package com.advapacs.clinician.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.ApiResponse;
import com.advapacs.clinician.server.TestPortal;
import com.advapacs.clinician.server.passkey.SoftwareAuthenticator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user whose only second sign-in step is a platform passkey is shown the advice to add a
 * security key or an authenticator app every time the MFA tab opens, and each of its
 * buttons opens that setup.
 *
 * <p>Windows Hello is not reachable here, so the test registers the platform passkey
 * through the portal's HTTP API with a software authenticator that reports attachment
 * "platform" and transport "internal", as a browser does for Windows Hello. The user also
 * has an authenticator app, signs in with it, and removes it in Settings, which leaves the
 * platform passkey as the only method.
 */
class PlatformOnlyAdviceTest {

    private static final String EMAIL = "ana.platform@hospital.example";
    private static final UUID WINDOWS_HELLO = UUID.fromString(
            "08987058-cadc-4b81-b6e1-30de50dcbe96");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private final UiDriver ui = new UiDriver();
    private TestPortal portal;
    private AppUnderTest app;
    private String secret;

    @BeforeEach
    void startPortalAndApp() throws Exception {
        portal = new TestPortal(folder);
        portal.addUser(EMAIL);
        String token = portal.signInFull(EMAIL);
        secret = portal.enrolTotp(token);
        registerPlatformPasskey(token);
        // The code confirmed at enrolment cannot be used again to sign in.
        portal.nextStep();
        app = AppUnderTest.start(folder.resolve("app"), "--portal", portal.origin());
    }

    @AfterEach
    void stopAppAndPortal() throws Exception {
        if (app != null) {
            app.close();
        }
        portal.close();
    }

    @Test
    void adviceOnEveryOpenAndButtonsOpenSetup() throws Exception {
        ui.fill("#email", EMAIL);
        ui.fill("#password", TestPortal.PASSWORD);
        ui.type(KeyCode.ENTER);
        ui.fill("#sign-in-code", portal.codeAt(secret, Duration.ZERO));
        ui.waitFor("#user-menu");

        openSettings();
        ui.waitFor("#totp-active");
        ui.waitFor(".passkey-row");
        assertTrue(ui.visibleNode("#one-device-advice").isEmpty(),
                "the advice is shown although the authenticator app is set up");

        ui.click("#totp-remove");
        ui.click("Enter my password instead");
        ui.fill(".dialog-pane .password-field", TestPortal.PASSWORD);
        ui.clickButton(".dialog-pane", "Remove");
        ui.waitForText("#mfa-status", "has been removed");
        Node advice = ui.waitFor("#one-device-advice");
        assertAdviceShown();
        assertTrue(ui.textOf(".passkey-row .hint").contains("stored on a computer"),
                ui.textOf(".passkey-row .hint"));
        Screenshots.save(ui, advice.getScene(), "40-one-device-advice");

        closeSettings(advice);
        openSettings();
        Node reopened = ui.waitFor("#one-device-advice");
        assertNotSame(advice, reopened, "the MFA tab was not built again on reopening");
        assertAdviceShown();

        ui.click("#advice-add-key");
        Node insertKey = ui.waitFor("#key-insert");
        // "Insert or tap" when a contactless reader is attached.
        String title = ((Stage) insertKey.getScene().getWindow()).getTitle();
        assertTrue(title.startsWith("Insert"), title);
        assertTrue(title.contains("your security key"), title);
        ui.clickButton("#key-insert", "Cancel");
        ui.waitUntil("the add-passkey window to close",
                () -> ui.visibleNode("#key-insert").isEmpty());

        ui.click("#advice-set-up-app");
        TextField setupKey = ui.waitFor("#totp-secret");
        ui.waitUntil("the setup key", () -> !setupKey.getText().isEmpty());
        String newSecret = setupKey.getText().replace(" ", "");
        ui.fill("#totp-code", portal.codeAt(newSecret, Duration.ZERO));
        ui.type(KeyCode.ENTER);
        ui.waitFor("#totp-active");
        assertTrue(ui.visibleNode("#one-device-advice").isEmpty(),
                "the advice is still shown after the authenticator app was set up");
    }

    private void assertAdviceShown() {
        String title = ui.textOf("#one-device-advice .advice-title");
        assertTrue(title.contains("Add a security key or an authenticator app"), title);
        assertEquals("Add a security key", ui.<Button>waitFor("#advice-add-key").getText());
        assertEquals("Set up an authenticator app",
                ui.<Button>waitFor("#advice-set-up-app").getText());
    }

    private void openSettings() {
        ui.click("#user-menu");
        ui.clickOn(ui.<Node>waitFor("Settings\u2026"));
    }

    /** Closes Settings as a keyboard user does: Escape in the section list. */
    private void closeSettings(Node inSettings) {
        Stage settings = (Stage) inSettings.getScene().getWindow();
        ui.clickOn(ui.<Node>waitFor(".settings-nav .list-cell"));
        ui.type(KeyCode.ESCAPE);
        ui.waitUntil("Settings to close", () -> !settings.isShowing());
    }

    /** Registers a Windows Hello passkey as a browser on Windows would report it. */
    private void registerPlatformPasskey(String token) {
        ApiResponse started = portal.client().postJson("/api/v1/mfa/passkeys/registrations",
                "{\"authenticatorAttachment\":\"platform\"}", token);
        assertEquals(201, started.status(), started.toString());
        SoftwareAuthenticator hello = SoftwareAuthenticator.es256(WINDOWS_HELLO).platform();
        ObjectNode body = JSON.createObjectNode();
        body.set("credential", hello.register(started.json().path("publicKey"),
                portal.origin()));
        ApiResponse finished = portal.client().postJson("/api/v1/mfa/passkeys/registrations/"
                + started.json().path("registrationId").asString() + "/finish",
                body.toString(), token);
        assertEquals(201, finished.status(), finished.toString());
        JsonNode passkey = finished.json().path("passkey");
        assertEquals("platform", passkey.path("attachment").asString(), passkey.toString());
    }
}
