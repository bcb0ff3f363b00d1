package com.advapacs.clinician.server.http;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Jackson 3 mapper configured for strict request parsing. */
public final class JsonCodec {
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    /**
     * Parses a request body that must be one JSON object.
     *
     * @throws ApiException {@code malformed_json} for invalid JSON, invalid UTF-8, duplicate
     *     keys, trailing data or a top-level value that is not an object
     */
    public ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            throw ApiErrors.malformedJson();
        }
        if (node == null || !node.isObject()) {
            throw ApiErrors.malformedJson();
        }
        return (ObjectNode) node;
    }

    /** Serialises a response body as UTF-8 JSON. */
    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }
}
