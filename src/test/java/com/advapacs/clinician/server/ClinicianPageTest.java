package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.store.StudyRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClinicianPageTest {
    private static final String EMAIL = "page.user@example.org";

    @TempDir
    Path folder;

    private TestPortal portal;
    private String token;

    @BeforeEach
    void start() {
        portal = new TestPortal(folder);
        long id = portal.admin().addUser(EMAIL, "Dr <b>Page</b> & Co", null, false,
                TestPortal.PASSWORD);
        portal.admin().addStudy(id, new StudyRecord("Doe, Jane", "CT",
                LocalDate.of(2026, 1, 5), "CT head <script>alert(1)</script>", "Dr Older"));
        portal.admin().addStudy(id, new StudyRecord("Roe, Richard", "MR",
                LocalDate.of(2026, 2, 9), "MRI knee", "Dr Newer"));
        token = portal.signInFull(EMAIL);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void cookieSessionShowsStudies() {
        ApiResponse page = portal.client().send("GET", "/clinician", null,
                Map.of("Cookie", "advapacs_session=" + token), null);

        assertEquals(200, page.status(), page.toString());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<h1>Studies shared with you</h1>"), html);
        assertTrue(html.contains("Dr &lt;b&gt;Page&lt;/b&gt; &amp; Co"), html);
        assertTrue(html.contains("CT head &lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.indexOf("Roe, Richard") < html.indexOf("Doe, Jane"), "newest first");
        assertTrue(html.contains("<p class=\"summary\">2 studies, newest first.</p>"), html);
        assertTrue(html.contains("<time datetime=\"2026-02-09\">9 Feb 2026</time>"), html);
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
    }

    @Test
    void bearerSessionShowsStudies() {
        ApiResponse page = portal.client().get("/clinician", token);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Roe, Richard"));
    }

    @Test
    void userWithoutStudiesSeesEmptyMessage() {
        portal.addUser("empty@example.org");
        String emptyToken = portal.signInFull("empty@example.org");
        ApiResponse page = portal.client().get("/clinician", emptyToken);
        assertEquals(200, page.status());
        assertTrue(page.body().contains(
                "<p class=\"summary\">No studies are shared with you yet.</p>"), page.body());
        assertFalse(page.body().contains("0 studies"), page.body());
        assertFalse(page.body().contains("<table>"), page.body());
    }

    @Test
    void missingSessionGetsSignInAgainPage() {
        ApiResponse page = portal.client().get("/clinician", null);
        assertEquals(401, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.body().contains(
                "Your session has ended. Sign in again from the AdvaPACS Clinician app."));
    }

    @Test
    void revokedCookieGetsSignInAgainPage() {
        portal.client().postJson("/api/v1/sign-out", "{}", token);
        ApiResponse page = portal.client().send("GET", "/clinician", null,
                Map.of("Cookie", "advapacs_session=" + token), null);
        assertEquals(401, page.status());
    }

    @Test
    void stylesheetIsServed() {
        ApiResponse css = portal.client().get("/assets/clinician.css", null);
        assertEquals(200, css.status());
        assertTrue(css.header("Content-Type").startsWith("text/css"));
        assertTrue(css.body().contains("border-collapse"));
    }
}
