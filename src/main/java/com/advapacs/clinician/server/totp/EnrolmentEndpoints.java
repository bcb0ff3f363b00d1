package com.advapacs.clinician.server.totp;

import com.advapacs.clinician.server.http.JsonBodyReader;
import com.advapacs.clinician.server.http.JsonResponder;
import com.advapacs.clinician.server.http.RequestFields;
import com.advapacs.clinician.server.http.SessionBody;
import com.advapacs.clinician.server.http.SessionGuard;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** HTTP endpoints under /api/v1/mfa/totp/enrolments; enrolment-scope sessions may call them. */
public final class EnrolmentEndpoints {
    /** Maximum length of an authenticator name, in characters. */
    public static final int MAX_NAME_LENGTH = 64;

    private final TotpEnrolmentService enrolments;
    private final SessionGuard guard;
    private final JsonBodyReader reader;
    private final JsonResponder responder;

    public EnrolmentEndpoints(TotpEnrolmentService enrolments, SessionGuard guard,
            JsonBodyReader reader, JsonResponder responder) {
        this.enrolments = enrolments;
        this.guard = guard;
        this.reader = reader;
        this.responder = responder;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/mfa/totp/enrolments", guard.anySession((ctx, session) -> {
            reader.readOptional(ctx);
            responder.respond(ctx, 201, enrolments.start(session.userId()));
        }));
        routes.post("/api/v1/mfa/totp/enrolments/{enrolmentId}/confirm",
                guard.anySession((ctx, session) -> {
                    RequestFields fields = reader.read(ctx);
                    String code = fields.totpCode("code");
                    Optional<String> name = fields.optionalLabel("name", MAX_NAME_LENGTH);
                    TotpEnrolmentService.Confirmed confirmed = enrolments.confirm(
                            session, ctx.pathParam("enrolmentId"), code, name);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("totp", confirmed.totp());
                    body.put("session", SessionBody.of(confirmed.session()));
                    responder.respond(ctx, 200, body);
                }));
        routes.delete("/api/v1/mfa/totp/enrolments/{enrolmentId}",
                guard.anySession((ctx, session) -> {
                    enrolments.abandon(session.userId(), ctx.pathParam("enrolmentId"));
                    ctx.status(204);
                }));
    }
}
