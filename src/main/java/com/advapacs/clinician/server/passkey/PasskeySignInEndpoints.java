package com.advapacs.clinician.server.passkey;

import com.advapacs.clinician.server.auth.SignInEndpoints;
import com.advapacs.clinician.server.auth.SignInService;
import com.advapacs.clinician.server.http.JsonBodyReader;
import com.advapacs.clinician.server.http.JsonResponder;
import com.advapacs.clinician.server.http.RequestFields;
import com.advapacs.clinician.server.http.SessionBody;
import com.advapacs.clinician.server.session.OpaqueToken;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;

/** HTTP endpoints for signing in with a passkey, as a second step or passwordless. */
public final class PasskeySignInEndpoints {
    /** Maximum length of an assertion id; issued ids are 36-character UUIDs. */
    private static final int MAX_ASSERTION_ID_LENGTH = 64;

    private final PasskeySignInService signIn;
    private final JsonBodyReader reader;
    private final JsonResponder responder;

    public PasskeySignInEndpoints(PasskeySignInService signIn, JsonBodyReader reader,
            JsonResponder responder) {
        this.signIn = signIn;
        this.reader = reader;
        this.responder = responder;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/sign-in/passkey/options", ctx -> {
            RequestFields fields = reader.readOptional(ctx);
            // Without an MFA token (absent or null) the sign-in is passwordless.
            Optional<String> mfaToken = fields.optionalString("mfaToken").isPresent()
                    ? Optional.of(fields.token("mfaToken", OpaqueToken.MAX_LENGTH))
                    : Optional.empty();
            responder.respond(ctx, 200, signIn.options(mfaToken, ctx.ip()));
        });
        routes.post("/api/v1/sign-in/passkey", ctx -> {
            RequestFields fields = reader.read(ctx);
            String assertionId = fields.token("assertionId", MAX_ASSERTION_ID_LENGTH);
            CredentialResponses.Assertion credential =
                    CredentialResponses.assertion(fields.object("credential"));
            SignInService.SignedIn signedIn = signIn.finish(assertionId, credential, ctx.ip());
            responder.respond(ctx, 200, new SignInEndpoints.SessionResult("signed_in",
                    SessionBody.of(signedIn.session()),
                    SignInEndpoints.UserBody.of(signedIn.user())));
        });
    }
}
