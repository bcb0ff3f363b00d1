package com.advapacs.clinician.server.account;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.JsonBodyReader;
import com.advapacs.clinician.server.http.JsonResponder;
import com.advapacs.clinician.server.http.RequestFields;
import com.advapacs.clinician.server.http.SessionGuard;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.totp.TotpEnrolmentService;
import com.advapacs.clinician.server.totp.TotpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

/** HTTP endpoints about the signed-in account: GET /api/v1/me and TOTP removal. */
public final class AccountEndpoints {
    private final Database database;
    private final UserStore users;
    private final TotpEnrolmentService enrolments;
    private final TotpRemovalService removal;
    private final SessionGuard guard;
    private final JsonBodyReader reader;
    private final JsonResponder responder;

    public AccountEndpoints(Database database, UserStore users, TotpEnrolmentService enrolments,
            TotpRemovalService removal, SessionGuard guard, JsonBodyReader reader,
            JsonResponder responder) {
        this.database = database;
        this.users = users;
        this.enrolments = enrolments;
        this.removal = removal;
        this.guard = guard;
        this.reader = reader;
        this.responder = responder;
    }

    /** Body of GET /api/v1/me. */
    public record MeBody(
            String email,
            String displayName,
            String organisation,
            boolean mfaRequired,
            String sessionScope,
            TotpStatus totp) {
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/me", guard.anySession((ctx, session) -> {
            UserRecord user = database.transaction(c -> users.findById(c, session.userId()))
                    .orElseThrow(ApiErrors::sessionInvalid);
            responder.respond(ctx, 200, new MeBody(user.email(), user.displayName(),
                    user.organisation(), user.mfaRequired(), session.scope().wireName(),
                    enrolments.status(user.id())));
        }));
        routes.post("/api/v1/mfa/totp/remove", guard.fullSession((ctx, session) -> {
            RequestFields fields = reader.read(ctx);
            boolean hasCode = fields.has("code");
            boolean hasPassword = fields.has("password");
            if (hasCode && hasPassword) {
                throw ApiErrors.invalidField("password",
                        "Send either \"code\" or \"password\", not both.");
            }
            if (hasCode) {
                removal.removeWithCode(session.userId(), fields.totpCode("code"));
            } else if (hasPassword) {
                removal.removeWithPassword(session.userId(), fields.password("password"));
            } else {
                throw ApiErrors.missingField("code");
            }
            ctx.status(204);
        }));
    }
}
