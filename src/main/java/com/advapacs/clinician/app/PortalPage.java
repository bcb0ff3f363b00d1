package com.advapacs.clinician.app;

import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.portal.PortalSession;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's clinician pages in a {@link WebView}, signed in with the app's session.
 *
 * <p>WebKit reads cookies through the JDK's default {@link CookieHandler}; this class
 * installs one before the first {@code WebView} exists and puts the session cookie the
 * portal expects into it. Kept in its own class so that WebKit is loaded only after
 * sign-in.
 */
final class PortalPage extends StackPane {

    static final String SESSION_COOKIE = "advapacs_session";
    private static final Logger LOG = LoggerFactory.getLogger(PortalPage.class);
    private static CookieManager cookies;

    private final WebView webView = new WebView();

    PortalPage(PortalSession portal) {
        URI start = portal.client().address().resolve("clinician").uri();
        webView.setAccessibleText(Messages.get("main.page.accessible"));
        Label failure = new Label();
        failure.setWrapText(true);
        failure.getStyleClass().addAll("status-message", "error");
        failure.setVisible(false);
        webView.getEngine().getLoadWorker().stateProperty().addListener(
                (observable, before, after) -> {
                    if (after == Worker.State.FAILED) {
                        LOG.warn("Clinician page at {} failed to load", start);
                        failure.setText("\u26A0 " + Messages.get("main.page.failed",
                                portal.client().address().host()));
                        failure.setVisible(true);
                    } else if (after == Worker.State.SUCCEEDED) {
                        failure.setVisible(false);
                    }
                });
        Label loading = new Label(Messages.get("main.page.loading"));
        loading.getStyleClass().add("status-message");
        loading.getStyleClass().add("info");
        webView.getEngine().getLoadWorker().stateProperty().addListener(
                (observable, before, after) -> loading.setVisible(after != Worker.State.SUCCEEDED
                        && after != Worker.State.FAILED && after != Worker.State.CANCELLED));
        getChildren().addAll(webView, loading, failure);
        signIn(start, portal.session().token());
        webView.getEngine().load(start.toString());
    }

    /** Forgets the session cookie so that the page cannot be reloaded signed in. */
    static synchronized void signOut() {
        if (cookies != null) {
            cookies.getCookieStore().removeAll();
        }
    }

    private static synchronized void signIn(URI portal, String token) {
        if (cookies == null) {
            cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);
            CookieHandler.setDefault(cookies);
        }
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie(SESSION_COOKIE, token);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookie.setHttpOnly(true);
        cookie.setSecure("https".equals(portal.getScheme()));
        cookies.getCookieStore().add(portal, cookie);
    }
}
