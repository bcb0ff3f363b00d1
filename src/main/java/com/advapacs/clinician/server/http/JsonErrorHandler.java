package com.advapacs.clinician.server.http;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty error handler for requests rejected before they reach Javalin, such as an invalid URI
 * or oversized headers, so those errors also use the API's JSON error shape.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private final JsonCodec codec;

    public JsonErrorHandler(JsonCodec codec) {
        this.codec = codec;
    }

    /**
     * Writes the JSON error and closes the connection. Jetty does not reuse a connection
     * after a request it rejected (such as 414 for a long URI) but does not always say so, so
     * a client that pooled it would fail its next request with no response at all.
     */
    @Override
    protected void generateResponse(Request request, Response response, int status,
            String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(body(status)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        ApiException error = ApiErrors.forStatus(status);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", error.code());
        fields.put("message", error.getMessage());
        return codec.write(Map.of("error", fields));
    }
}
