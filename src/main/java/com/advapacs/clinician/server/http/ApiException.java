package com.advapacs.clinician.server.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error returned to the client as {@code {"error":{"code":..., "message":..., ...details}}}.
 * It carries no stack trace because it describes a request, not a fault in the server.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** Adds an extra field to the error object, such as {@code retryAfterSeconds}. */
    public ApiException with(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return Collections.unmodifiableMap(details);
    }
}
