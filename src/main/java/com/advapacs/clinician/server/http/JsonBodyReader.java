package com.advapacs.clinician.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads JSON request bodies, enforcing the media type and the size limit. */
public final class JsonBodyReader {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonCodec codec;

    public JsonBodyReader(JsonCodec codec) {
        this.codec = codec;
    }

    /**
     * Reads a body that must be a JSON object.
     *
     * @throws ApiException 415 for another media type, 413 above 64 KiB, 400 for bad JSON
     */
    public RequestFields read(Context ctx) {
        requireJsonContentType(ctx);
        return new RequestFields(codec.parseObject(readLimited(ctx)));
    }

    /**
     * Reads a body that may be empty; a non-empty body must be a JSON object. The media type
     * is only checked when there is a body.
     */
    public RequestFields readOptional(Context ctx) {
        byte[] body = readLimited(ctx);
        if (body.length == 0) {
            return RequestFields.empty();
        }
        requireJsonContentType(ctx);
        return new RequestFields(codec.parseObject(body));
    }

    private static void requireJsonContentType(Context ctx) {
        if (!isJson(ctx.header("Content-Type"))) {
            throw ApiErrors.unsupportedMediaType();
        }
    }

    /** Accepts application/json with no charset parameter or with charset UTF-8 (RFC 8259). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            String name = parameter[0].trim().toLowerCase(Locale.ROOT);
            if (name.equals("charset")) {
                String value = parameter.length > 1 ? parameter[1].trim() : "";
                value = value.replace("\"", "").toLowerCase(Locale.ROOT);
                if (!value.equals("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] readLimited(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw ApiErrors.bodyTooLarge(MAX_BODY_BYTES);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw ApiErrors.bodyTooLarge(MAX_BODY_BYTES);
            }
            return body;
        } catch (IOException e) {
            // Reading fails when the client disconnects mid-body, so this response rarely arrives.
            throw ApiErrors.malformedJson();
        }
    }
}
