package com.advapacs.clinician.server.auth;

import com.advapacs.clinician.server.http.JsonBodyReader;
import com.advapacs.clinician.server.http.JsonResponder;
import com.advapacs.clinician.server.http.RequestFields;
import com.advapacs.clinician.server.http.SessionBody;
import com.advapacs.clinician.server.http.SessionGuard;
import com.advapacs.clinician.server.http.Timestamps;
import com.advapacs.clinician.server.session.OpaqueToken;
import com.advapacs.clinician.server.session.SessionService;
import com.advapacs.clinician.server.store.UserRecord;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/** HTTP endpoints for signing in and out. */
public final class SignInEndpoints {
    private final SignInService signIn;
    private final SessionService sessions;
    private final SessionGuard guard;
    private final JsonBodyReader reader;
    private final JsonResponder responder;

    public SignInEndpoints(SignInService signIn, SessionService sessions, SessionGuard guard,
            JsonBodyReader reader, JsonResponder responder) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.guard = guard;
        this.reader = reader;
        this.responder = responder;
    }

    /** The {@code user} object of sign-in responses. */
    public record UserBody(String email, String displayName) {
        public static UserBody of(UserRecord user) {
            return new UserBody(user.email(), user.displayName());
        }
    }

    /** Body for {@code signed_in} and {@code enrolment_required}. */
    public record SessionResult(String result, SessionBody session, UserBody user) {
    }

    /** Body for {@code mfa_required}. */
    public record MfaResult(
            String result, String mfaToken, String expiresAt, List<String> methods) {
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/sign-in/password", ctx -> {
            RequestFields fields = reader.read(ctx);
            String email = fields.email("email");
            String password = fields.password("password");
            PasswordSignInResult result = signIn.signInWithPassword(email, password, ctx.ip());
            responder.respond(ctx, 200, toBody(result));
        });
        routes.post("/api/v1/sign-in/totp", ctx -> {
            RequestFields fields = reader.read(ctx);
            String mfaToken = fields.token("mfaToken", OpaqueToken.MAX_LENGTH);
            String code = fields.totpCode("code");
            SignInService.SignedIn signedIn = signIn.completeWithTotp(mfaToken, code);
            responder.respond(ctx, 200, new SessionResult("signed_in",
                    SessionBody.of(signedIn.session()), UserBody.of(signedIn.user())));
        });
        routes.post("/api/v1/sign-out", guard.anySession((ctx, session) -> {
            sessions.revoke(session.tokenHash());
            ctx.status(204);
        }));
    }

    private static Object toBody(PasswordSignInResult result) {
        if (result instanceof PasswordSignInResult.SignedIn signedIn) {
            return new SessionResult("signed_in", SessionBody.of(signedIn.session()),
                    UserBody.of(signedIn.user()));
        }
        if (result instanceof PasswordSignInResult.EnrolmentRequired enrolment) {
            return new SessionResult("enrolment_required", SessionBody.of(enrolment.session()),
                    UserBody.of(enrolment.user()));
        }
        PasswordSignInResult.MfaRequired mfa = (PasswordSignInResult.MfaRequired) result;
        return new MfaResult("mfa_required", mfa.mfaToken(), Timestamps.format(mfa.expiresAt()),
                mfa.methods());
    }
}
