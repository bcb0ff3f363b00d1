package com.advapacs.clinician.server.page;

import com.advapacs.clinician.server.http.SessionGuard;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.SessionRecord;
import com.advapacs.clinician.server.store.SessionScope;
import com.advapacs.clinician.server.store.StudyRecord;
import com.advapacs.clinician.server.store.StudyStore;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML page "Studies shared with you" at /clinician, and its stylesheet. The page accepts
 * the session cookie because the desktop app shows it in an embedded browser.
 */
public final class ClinicianPage {
    /** Blocks scripts and framing; the only resource the page loads is its own stylesheet. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final DateTimeFormatter STUDY_DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final Database database;
    private final UserStore users;
    private final StudyStore studies;
    private final SessionGuard guard;
    private final HtmlTemplate pageTemplate = HtmlTemplate.load("server/clinician.html");
    private final HtmlTemplate messageTemplate = HtmlTemplate.load("server/message.html");
    private final byte[] stylesheet = HtmlTemplate.Resources.bytes("server/clinician.css");

    public ClinicianPage(Database database, UserStore users, StudyStore studies,
            SessionGuard guard) {
        this.database = database;
        this.users = users;
        this.studies = studies;
        this.guard = guard;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/clinician", this::show);
        routes.get("/assets/clinician.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "max-age=3600")
                .result(stylesheet));
    }

    private void show(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        Optional<SessionRecord> session = guard.pageSession(ctx);
        if (session.isEmpty()) {
            message(ctx, 401, "Your session has ended",
                    "Your session has ended. Sign in again from the AdvaPACS Clinician app.");
            return;
        }
        if (session.get().scope() != SessionScope.FULL) {
            message(ctx, 403, "Second sign-in step needed",
                    "A second sign-in step is required for your account. Set up an"
                            + " authenticator app or a security key in the AdvaPACS Clinician"
                            + " app, then open this page again.");
            return;
        }
        long userId = session.get().userId();
        record PageData(UserRecord user, List<StudyRecord> studies) {
        }
        PageData data = database.transaction(c -> new PageData(
                users.findById(c, userId).orElseThrow(), studies.listForUser(c, userId)));
        int count = data.studies().size();
        String summary = switch (count) {
            case 0 -> "No studies are shared with you yet.";
            case 1 -> "1 study.";
            default -> count + " studies, newest first.";
        };
        String content = count == 0 ? "" : table(data.studies());
        ctx.status(200).html(pageTemplate.render(Map.of(
                "displayName", Html.escape(data.user().displayName()),
                "summary", Html.escape(summary),
                "content", content)));
    }

    private static String table(List<StudyRecord> rows) {
        StringBuilder html = new StringBuilder();
        html.append("<table>\n<thead><tr><th scope=\"col\">Patient</th>")
                .append("<th scope=\"col\">Modality</th><th scope=\"col\">Study date</th>")
                .append("<th scope=\"col\">Description</th><th scope=\"col\">Shared by</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (StudyRecord study : rows) {
            html.append("<tr><td>").append(Html.escape(study.patientName()))
                    .append("</td><td><span class=\"modality\">")
                    .append(Html.escape(study.modality()))
                    .append("</span></td><td><time datetime=\"").append(study.studyDate())
                    .append("\">").append(STUDY_DATE.format(study.studyDate()))
                    .append("</time></td><td>").append(Html.escape(study.description()))
                    .append("</td><td>").append(Html.escape(study.sharedBy()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    private void message(Context ctx, int status, String title, String message) {
        ctx.status(status).html(messageTemplate.render(Map.of(
                "title", Html.escape(title),
                "message", Html.escape(message))));
    }
}
