package com.advapacs.clinician.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sign-in window shows when signing in cannot succeed. */
class SignInFailuresTest {

    @TempDir
    Path dataDirectory;

    private final UiDriver ui = new UiDriver();
    private AppUnderTest app;

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void wrongPasswordIsSaidAndPasswordRefocused() throws Exception {
        app = AppUnderTest.start(dataDirectory, "--demo");

        ui.fill("#password", "not-the-password");
        ui.type(KeyCode.ENTER);

        ui.waitForText("#sign-in-status", "Wrong email or password.");
        PasswordField password = ui.waitFor("#password");
        assertEquals("", password.getText());
        assertTrue(password.isFocused());
        Screenshots.save(ui, password.getScene(), "10-wrong-password");
    }

    @Test
    void throttledSignInCountsDown() throws Exception {
        app = AppUnderTest.start(dataDirectory, "--demo");

        String message = "";
        for (int attempt = 1; attempt <= 8 && !message.contains("Wait"); attempt++) {
            ui.fill("#password", "wrong-password-" + attempt);
            ui.type(KeyCode.ENTER);
            ui.waitUntil("an answer to attempt " + attempt, () -> ui.visibleNode(
                    "#sign-in-status").filter(node -> ((javafx.scene.control.Label) node)
                            .getText().contains(" ")).isPresent()
                    && !ui.<javafx.scene.Node>waitFor("#password").isDisabled());
            message = ui.textOf("#sign-in-status");
        }

        assertTrue(message.contains("Too many attempts. Wait"), message);
        javafx.scene.control.Button signIn = ui.waitFor("#sign-in");
        assertTrue(signIn.isDisabled());
        String first = message;
        ui.waitUntil("the wait to count down",
                () -> !ui.textOf("#sign-in-status").equals(first));
        assertTrue(ui.textOf("#sign-in-status").contains("Wait"), ui.textOf("#sign-in-status"));
        Screenshots.save(ui, signIn.getScene(), "12-throttled");
    }

    @Test
    void unreachablePortalIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        app = AppUnderTest.start(dataDirectory, "--portal", "http://127.0.0.1:" + closedPort);

        ui.fill("#email", "someone@hospital.example");
        ui.fill("#password", "whatever");
        ui.type(KeyCode.ENTER);

        String message = ui.waitForText("#sign-in-status", "Cannot reach the portal");
        assertTrue(message.contains("127.0.0.1"), message);
        Screenshots.save(ui, ui.<javafx.scene.Node>waitFor("#password").getScene(),
                "11-unreachable");
    }

    @Test
    void plainHttpRemoteHostRejected() throws Exception {
        app = AppUnderTest.start(dataDirectory, "--portal", "http://portal.hospital.example");

        ui.fill("#email", "someone@hospital.example");
        ui.fill("#password", "whatever");
        ui.type(KeyCode.ENTER);

        String message = ui.waitForText("#sign-in-status", "plain http");
        assertTrue(message.contains("https://portal.hospital.example"), message);
    }

    @Test
    void emptyFieldsAreNamed() throws Exception {
        app = AppUnderTest.start(dataDirectory, "--demo");

        ui.fill("#email", "");
        ui.type(KeyCode.ENTER);

        ui.waitForText("#sign-in-status", "Enter your email address.");
    }
}
