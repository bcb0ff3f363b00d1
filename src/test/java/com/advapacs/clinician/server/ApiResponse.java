package com.advapacs.clinician.server;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Response seen by a test client. */
public record ApiResponse(int status, HttpHeaders headers, String body) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Parses the body as JSON; fails the test with the body if it is not JSON. */
    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw new AssertionError("Response body is not JSON (status " + status + "): "
                    + body, e);
        }
    }

    /** Returns {@code error.code} of an error body. */
    public String errorCode() {
        return json().path("error").path("code").asString();
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
