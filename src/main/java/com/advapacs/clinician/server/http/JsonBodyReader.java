package com.advapacs.clinician.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.regex.Pattern;

/** Reads JSON request bodies, enforcing the media type and the size limit. */
public final class JsonBodyReader {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    // Without UNICODE_CASE, CASE_INSENSITIVE folds ASCII letters only.
    private static final Pattern JSON_MEDIA_TYPE = Pattern.compile(
            "application/json(?:[ \\t]*;[ \\t]*charset=(?:utf-8|\"utf-8\"))?[ \\t]*",
            Pattern.CASE_INSENSITIVE);

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
     * Reads a body that may be empty. A request without a body may omit Content-Type, and a
     * non-empty body must be a JSON object.
     */
    public RequestFields readOptional(Context ctx) {
        if (ctx.header("Content-Type") != null) {
            requireJsonContentType(ctx);
        }
        byte[] body = readLimited(ctx);
        if (body.length == 0) {
            return RequestFields.empty();
        }
        requireJsonContentType(ctx);
        return new RequestFields(codec.parseObject(body));
    }

    /**
     * Rejects a request that declares a body or a Content-Type other than JSON, before any
     * handler runs. A request with neither passes, so that endpoints that take no body or an
     * optional one accept it, and {@link #read} still rejects it where a body is required.
     *
     * @throws ApiException 415 unsupported_media_type
     */
    public static void rejectNonJson(Context ctx) {
        if (ctx.header("Content-Type") != null || hasBody(ctx)) {
            requireJsonContentType(ctx);
        }
    }

    /** Returns whether the request declares a body, by a positive length or a chunked one. */
    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    /** Requires exactly one Content-Type header, and that it names JSON. */
    private static void requireJsonContentType(Context ctx) {
        Enumeration<String> values = ctx.req().getHeaders("Content-Type");
        String contentType = values != null && values.hasMoreElements()
                ? values.nextElement() : null;
        boolean repeated = values != null && values.hasMoreElements();
        if (repeated || !isJson(contentType)) {
            throw ApiErrors.unsupportedMediaType();
        }
    }

    /**
     * Accepts {@code application/json}, in any letter case, alone or with the one parameter
     * {@code charset=utf-8} (RFC 8259 section 8.1 makes JSON UTF-8). The charset value may be
     * quoted (RFC 9110 section 5.6.6) and its name and value ignore case. Other parameters,
     * other charsets and repeated or empty parameters are rejected.
     */
    static boolean isJson(String contentType) {
        return contentType != null && JSON_MEDIA_TYPE.matcher(contentType).matches();
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
