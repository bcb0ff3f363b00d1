package com.advapacs.clinician.server.passkey;

import com.advapacs.clinician.server.account.PasskeyRemovalService;
import com.advapacs.clinician.server.account.RemovalProof;
import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.JsonBodyReader;
import com.advapacs.clinician.server.http.JsonResponder;
import com.advapacs.clinician.server.http.RequestFields;
import com.advapacs.clinician.server.http.SessionBody;
import com.advapacs.clinician.server.http.SessionGuard;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP endpoints under /api/v1/mfa/passkeys. Enrolment-scope sessions may register a passkey;
 * listing, renaming and removal need a full session.
 */
public final class PasskeyEndpoints {
    private final PasskeyRegistrationService registrations;
    private final PasskeyManagement management;
    private final PasskeyRemovalService removal;
    private final SessionGuard guard;
    private final JsonBodyReader reader;
    private final JsonResponder responder;

    public PasskeyEndpoints(PasskeyRegistrationService registrations,
            PasskeyManagement management, PasskeyRemovalService removal, SessionGuard guard,
            JsonBodyReader reader, JsonResponder responder) {
        this.registrations = registrations;
        this.management = management;
        this.removal = removal;
        this.guard = guard;
        this.reader = reader;
        this.responder = responder;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/mfa/passkeys/registrations", guard.anySession((ctx, session) -> {
            RequestFields fields = reader.readOptional(ctx);
            Optional<String> attachment = fields.optionalChoice("authenticatorAttachment",
                    CredentialResponses.ATTACHMENTS);
            responder.respond(ctx, 201, registrations.start(session.userId(), attachment));
        }));
        routes.post("/api/v1/mfa/passkeys/registrations/{registrationId}/finish",
                guard.anySession((ctx, session) -> {
                    RequestFields fields = reader.read(ctx);
                    CredentialResponses.Registration credential =
                            CredentialResponses.registration(fields.object("credential"));
                    Optional<String> name =
                            fields.optionalLabel("name", PasskeyManagement.MAX_NAME_LENGTH);
                    PasskeyRegistrationService.Registered registered = registrations.finish(
                            session, ctx.pathParam("registrationId"), credential, name);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("passkey", registered.passkey());
                    body.put("session", SessionBody.of(registered.session()));
                    responder.respond(ctx, 201, body);
                }));
        routes.get("/api/v1/mfa/passkeys", guard.fullSession((ctx, session) ->
                responder.respond(ctx, 200, Map.of("passkeys",
                        management.list(session.userId())))));
        routes.patch("/api/v1/mfa/passkeys/{id}", guard.fullSession((ctx, session) -> {
            RequestFields fields = reader.read(ctx);
            String name = fields.label("name", PasskeyManagement.MAX_NAME_LENGTH);
            byte[] credentialId = credentialId(ctx.pathParam("id"));
            responder.respond(ctx, 200, management.rename(session.userId(), credentialId,
                    name));
        }));
        routes.post("/api/v1/mfa/passkeys/{id}/remove", guard.fullSession((ctx, session) -> {
            RemovalProof proof = RemovalProof.read(reader.read(ctx));
            byte[] credentialId = credentialId(ctx.pathParam("id"));
            if (proof.code() != null) {
                removal.removeWithCode(session.userId(), credentialId, proof.code(),
                        proof.confirmLastMethod());
            } else {
                removal.removeWithPassword(session.userId(), credentialId, proof.password(),
                        proof.confirmLastMethod());
            }
            ctx.status(204);
        }));
    }

    /** Decodes a credential id from the path; text that is not base64url matches no passkey. */
    private static byte[] credentialId(String text) {
        try {
            byte[] id = Base64.getUrlDecoder().decode(text);
            if (id.length > 0 && id.length <= CredentialResponses.MAX_CREDENTIAL_ID_BYTES) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // Reported below like an id that matches no passkey.
        }
        throw ApiErrors.passkeyNotFound();
    }
}
