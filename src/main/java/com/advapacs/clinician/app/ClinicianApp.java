package com.advapacs.clinician.app;

import com.advapacs.clinician.config.AppDirectories;
import com.advapacs.clinician.config.ClientConfiguration;
import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.passkey.Diagnostics;
import com.advapacs.clinician.passkey.PasskeyEnrolmentFlow;
import com.advapacs.clinician.passkey.PlatformAuthenticator;
import com.advapacs.clinician.portal.PortalClient;
import com.advapacs.clinician.portal.PortalSession;
import com.advapacs.clinician.signin.DemoAccount;
import com.advapacs.clinician.signin.SignInSettings;
import com.advapacs.clinician.signin.SignInWindow;
import com.advapacs.clinician.ui.Background;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the sign-in window first, the main window once signed in, and
 * back to sign-in after signing out.
 */
public final class ClinicianApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicianApp.class);

    private LaunchOptions options;
    private AppDirectories directories;
    private ClientConfiguration configuration;
    private DemoPortal demoPortal;
    private Exception startFailure;
    private SignInWindow signInWindow;
    private MainWindow mainWindow;
    private PortalSession signedIn;

    @Override
    public void init() {
        options = LaunchOptions.parse(getParameters().getRaw());
        AppDirectories defaults = AppDirectories.forCurrentUser();
        directories = options.dataDirectory() == null ? defaults
                : new AppDirectories(options.dataDirectory(),
                        options.dataDirectory().resolve("config"), defaults.logs(),
                        defaults.machineConfig());
        configuration = ClientConfiguration.load(directories);
        if (options.demo()) {
            try {
                demoPortal = DemoPortal.start(directories.data().resolve("demo-portal"));
            } catch (RuntimeException e) {
                LOG.error("The demo portal could not start", e);
                startFailure = e;
            }
        }
    }

    @Override
    public void start(Stage stage) {
        if (startFailure != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, Messages.get("demo.failed",
                    startFailure.getMessage()));
            alert.setTitle(Messages.get("app.name"));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        signInWindow = new SignInWindow(stage, signInSettings(), this::signedIn);
        signInWindow.show(demoPortal != null ? demoPortal.email() : null, null);
    }

    private SignInSettings signInSettings() {
        String address;
        boolean locked = configuration.portalUrlLocked();
        DemoAccount demo = null;
        if (demoPortal != null) {
            address = demoPortal.address().toString();
            locked = true;
            demo = new DemoAccount(demoPortal.email(), demoPortal.password());
        } else if (options.portalUrl() != null && !locked) {
            address = options.portalUrl();
        } else {
            address = configuration.portalUrl();
        }
        boolean remember = demoPortal == null && !locked;
        return new SignInSettings(address, locked, configuration.problems(), demo,
                portal -> PortalClient.create(portal, configuration.connection()),
                used -> {
                    if (remember) {
                        ClientConfiguration.rememberPortalUrl(directories, used);
                    }
                },
                () -> SecurityKeysFactory.create(demoPortal != null),
                this::diagnostics);
    }

    private void signedIn(PortalSession session) {
        signedIn = session;
        signInWindow.hide();
        PasskeyEnrolmentFlow passkeys = new PasskeyEnrolmentFlow(session,
                () -> SecurityKeysFactory.create(demoPortal != null), PlatformAuthenticator.forThisComputer(),
                this::diagnostics);
        mainWindow = new MainWindow(session, passkeys, this::signOut);
        mainWindow.show();
    }

    private void signOut() {
        PortalSession session = signedIn;
        signedIn = null;
        mainWindow.close();
        mainWindow = null;
        Background.fireAndForget("Signing out", () -> {
            session.client().signOut(session.session());
            return null;
        });
        LOG.info("Signed out {}", session.email());
        signInWindow.show(session.email(), Messages.get("signin.signedOut"));
    }

    private Diagnostics diagnostics() {
        return new Diagnostics(configuration.supportContact(),
                SecurityKeysFactory::libraryDescription);
    }

    @Override
    public void stop() {
        PortalSession session = signedIn;
        if (session != null) {
            // Revoke the session so that it cannot be reused after the app is closed, but
            // never keep the user waiting long for an unreachable portal.
            try {
                CompletableFuture.runAsync(() -> {
                    try {
                        session.client().signOut(session.session());
                    } catch (Exception e) {
                        LOG.info("Sign-out at exit failed: {}", e.getMessage());
                    }
                }).get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.info("Sign-out at exit did not finish: {}", e.toString());
            }
        }
        if (demoPortal != null) {
            demoPortal.close();
        }
    }
}
