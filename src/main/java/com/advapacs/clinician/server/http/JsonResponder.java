package com.advapacs.clinician.server.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON response bodies, including the error shape shared by every endpoint. */
public final class JsonResponder {
    private static final String JSON = "application/json";

    private final JsonCodec codec;

    public JsonResponder(JsonCodec codec) {
        this.codec = codec;
    }

    public void respond(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(codec.write(body));
    }

    /** Writes {@code {"error":{...}}} and, for waits, a Retry-After header (RFC 9110). */
    public void error(Context ctx, ApiException error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", error.code());
        fields.put("message", error.getMessage());
        fields.putAll(error.details());
        Object retryAfter = error.details().get(ApiErrors.RETRY_AFTER_SECONDS);
        if (retryAfter != null) {
            ctx.header("Retry-After", retryAfter.toString());
        }
        if (error.status() == 401 && error.code().equals("session_invalid")) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"AdvaPACS\"");
        }
        respond(ctx, error.status(), Map.of("error", fields));
    }
}
