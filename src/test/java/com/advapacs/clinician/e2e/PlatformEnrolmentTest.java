package com.advapacs.clinician.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.passkey.Diagnostics;
import com.advapacs.clinician.passkey.PasskeyEnrolmentFlow;
import com.advapacs.clinician.portal.PortalAddress;
import com.advapacs.clinician.portal.PortalClient;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.portal.SignInResult;
import com.advapacs.clinician.server.ApiResponse;
import com.advapacs.clinician.server.TestPortal;
import com.advapacs.clinician.settings.mfa.PasskeyEnrolment.FollowUp;
import com.advapacs.clinician.settings.mfa.PasskeyEnrolment.Start;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.RadioButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import tools.jackson.databind.JsonNode;

/**
 * Adds a platform passkey through the add-passkey window as on Windows. Platform is offered,
 * and the window points to the Windows Security prompt instead of asking for a PIN or a
 * touch. The success step then recommends a security key or an authenticator app as well.
 * {@link WindowsHelloStandIn} replaces Windows Hello, so libfido2's {@code windows://hello}
 * device and Windows' dialog are not part of this test.
 */
class PlatformEnrolmentTest {

    private static final String EMAIL = "bo.platform@hospital.example";

    @TempDir
    Path folder;

    private final UiDriver ui = new UiDriver();
    private final AtomicReference<String> addedName = new AtomicReference<>();
    private final AtomicReference<FollowUp> followUp = new AtomicReference<>();
    private TestPortal portal;
    private PortalSession session;
    private WindowsHelloStandIn windowsHello;
    private Stage owner;

    @BeforeEach
    void startPortal() throws Exception {
        portal = new TestPortal(folder);
        portal.addUser(EMAIL);
        windowsHello = new WindowsHelloStandIn();
        FxToolkit.registerPrimaryStage();
        owner = FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(), 300, 200));
            stage.show();
        });
    }

    @AfterEach
    void stopPortal() throws Exception {
        FxToolkit.cleanupStages();
        windowsHello.close();
        portal.close();
    }

    @Test
    void platformPasskeyShowsAdviceInSuccessStep() throws Exception {
        openAddPasskey(true);
        RadioButton platform = ui.waitFor("#passkey-kind-platform");
        assertFalse(platform.isDisabled(), "Platform is disabled");
        assertEquals("The passkey is kept by this computer's own authenticator and works only "
                + "here.", ui.textOf("#platform-unavailable"));
        ui.clickOn(platform);
        ui.clickButton("#passkey-choose", "Next");

        Node prompt = ui.waitFor("#key-system-dialog");
        assertEquals("Follow the Windows Security prompt \u2013 AdvaPACS Clinician",
                ((Stage) prompt.getScene().getWindow()).getTitle());
        assertTrue(ui.visibleNode("#key-pin").isEmpty(), "a PIN field is shown");
        assertTrue(ui.visibleNode("#key-touch").isEmpty(), "a touch sheet is shown");
        Screenshots.save(ui, prompt.getScene(), "41-windows-security-prompt");
        windowsHello.closeDialog();

        Node advice = ui.waitFor("#passkey-name-sheet #one-device-advice");
        assertEquals("\u2714 The passkey is stored on this computer.",
                ui.textOf("#passkey-name-sheet .status-message"));
        assertEquals("Windows Hello", ui.textOf("#passkey-name"));
        assertTrue(ui.visibleNode("#passkey-name-sheet #advice-add-key").isPresent());
        Screenshots.save(ui, advice.getScene(), "42-platform-passkey-added");
        assertEquals(List.of(false), windowsHello.pinsGiven);

        JsonNode stored = onlyPasskey();
        assertEquals("platform", stored.path("attachment").asString(), stored.toString());
        assertEquals("internal", stored.path("transports").path(0).asString(), stored.toString());
        assertEquals(1, stored.path("transports").size(), stored.toString());

        ui.click("#passkey-name-sheet #advice-set-up-app");
        ui.waitUntil("the window to report the passkey", () -> addedName.get() != null);
        assertEquals("Windows Hello", addedName.get());
        assertEquals(FollowUp.AUTHENTICATOR_APP, followUp.get());
        assertTrue(ui.visibleNode("#passkey-name-sheet").isEmpty(), "the window is still open");
    }

    @Test
    void noAdviceWhenCallerDeclines() throws Exception {
        openAddPasskey(false);
        ui.clickOn(ui.<Node>waitFor("#passkey-kind-platform"));
        ui.clickButton("#passkey-choose", "Next");
        windowsHello.closeDialog();

        ui.waitFor("#passkey-name-sheet");
        assertTrue(ui.visibleNode("#one-device-advice").isEmpty(), "the advice is shown");
        ui.clickButton("#passkey-name-sheet", "Done");
        ui.waitUntil("the window to report the passkey", () -> addedName.get() != null);
        assertEquals(FollowUp.NONE, followUp.get());
    }

    /** Opens the add-passkey window as the MFA tab does, with Platform available. */
    private void openAddPasskey(boolean adviseOneDevice) throws Exception {
        PortalClient client = PortalClient.create(PortalAddress.parse(portal.origin()));
        SignInResult.SignedIn signedIn = (SignInResult.SignedIn) client.signInWithPassword(
                EMAIL, TestPortal.PASSWORD.toCharArray());
        session = new PortalSession(client, signedIn.session(), signedIn.email(),
                signedIn.displayName());
        PasskeyEnrolmentFlow flow = new PasskeyEnrolmentFlow(session, () -> windowsHello,
                () -> null, () -> new Diagnostics(null, () -> "stand-in"));
        ui.interact(() -> flow.start(owner, Start.CHOOSE_KIND, adviseOneDevice,
                (name, next) -> {
                    followUp.set(next);
                    addedName.set(name);
                }));
    }

    /** Returns the account's only passkey, as the portal's HTTP API lists it. */
    private JsonNode onlyPasskey() {
        ApiResponse listed = portal.client().get("/api/v1/mfa/passkeys",
                session.session().token());
        assertEquals(200, listed.status(), listed.toString());
        JsonNode passkeys = listed.json().path("passkeys");
        assertEquals(1, passkeys.size(), passkeys.toString());
        return passkeys.path(0);
    }
}
