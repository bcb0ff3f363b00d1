package com.advapacs.clinician.server.account;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.JsonBodyReader;
import com.advapacs.clinician.server.http.JsonResponder;
import com.advapacs.clinician.server.http.SessionGuard;
import com.advapacs.clinician.server.passkey.PasskeyManagement;
import com.advapacs.clinician.server.passkey.PasskeyView;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.totp.TotpEnrolmentService;
import com.advapacs.clinician.server.totp.TotpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.List;

/** HTTP endpoints about the signed-in account: GET /api/v1/me and TOTP removal. */
public final class AccountEndpoints {
    private final Database database;
    private final UserStore users;
    private final TotpEnrolmentService enrolments;
    private final TotpRemovalService removal;
    private final PasskeyManagement passkeys;
    private final SessionGuard guard;
    private final JsonBodyReader reader;
    private final JsonResponder responder;

    public AccountEndpoints(Database database, UserStore users, TotpEnrolmentService enrolments,
            TotpRemovalService removal, PasskeyManagement passkeys, SessionGuard guard,
            JsonBodyReader reader, JsonResponder responder) {
        this.database = database;
        this.users = users;
        this.enrolments = enrolments;
        this.removal = removal;
        this.passkeys = passkeys;
        this.guard = guard;
        this.reader = reader;
        this.responder = responder;
    }

    /**
     * Body of GET /api/v1/me.
     *
     * @param methods the account's active MFA methods: "totp" and "passkey", in that order
     */
    public record MeBody(
            String email,
            String displayName,
            String organisation,
            boolean mfaRequired,
            String sessionScope,
            TotpStatus totp,
            List<PasskeyView> passkeys,
            List<String> methods) {
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/me", guard.anySession((ctx, session) -> {
            UserRecord user = database.transaction(c -> users.findById(c, session.userId()))
                    .orElseThrow(ApiErrors::sessionInvalid);
            TotpStatus totp = enrolments.status(user.id());
            List<PasskeyView> userPasskeys = passkeys.list(user.id());
            List<String> methods = new ArrayList<>();
            if (totp.state().equals("active")) {
                methods.add("totp");
            }
            if (!userPasskeys.isEmpty()) {
                methods.add("passkey");
            }
            responder.respond(ctx, 200, new MeBody(user.email(), user.displayName(),
                    user.organisation(), user.mfaRequired(), session.scope().wireName(),
                    totp, userPasskeys, methods));
        }));
        routes.post("/api/v1/mfa/totp/remove", guard.fullSession((ctx, session) -> {
            RemovalProof proof = RemovalProof.read(reader.read(ctx));
            if (proof.code() != null) {
                removal.removeWithCode(session.userId(), proof.code(),
                        proof.confirmLastMethod());
            } else {
                removal.removeWithPassword(session.userId(), proof.password(),
                        proof.confirmLastMethod());
            }
            ctx.status(204);
        }));
    }
}
