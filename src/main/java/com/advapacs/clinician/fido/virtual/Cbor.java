package com.advapacs.clinician.fido.virtual;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * CTAP2 canonical CBOR on top of Jackson's CBOR format (CTAP 2.1 section 8: definite
 * lengths, shortest integer forms, map keys sorted). Values are Java maps, lists,
 * {@code byte[]}, strings, booleans and integers. Decoding gives Jackson trees in which
 * integer map keys become their decimal text, so CTAP key 1 is read as {@code "1"}.
 */
final class Cbor {

    private static final CBORMapper MAPPER = new CBORMapper();

    /** Canonical key order: non-negative integers, then negative ones, then text by length. */
    private static final Comparator<Object> KEY_ORDER = Comparator
            .comparingInt(Cbor::keyRank)
            .thenComparingLong(Cbor::integerKeyMagnitude)
            .thenComparingInt(key -> textKey(key).length)
            .thenComparing(Cbor::textKey, Arrays::compare);

    private Cbor() {
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            write(generator, value);
        }
        return out.toByteArray();
    }

    static JsonNode decode(byte[] data) {
        return MAPPER.readTree(data);
    }

    private static void write(JsonGenerator generator, Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Object> keys = new ArrayList<>(map.keySet());
            keys.sort(KEY_ORDER);
            generator.writeStartObject(map, keys.size());
            for (Object key : keys) {
                if (key instanceof Number number) {
                    generator.writePropertyId(number.longValue());
                } else {
                    generator.writeName((String) key);
                }
                write(generator, map.get(key));
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray(list, list.size());
            for (Object element : list) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof byte[] bytes) {
            generator.writeBinary(bytes);
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Number number) {
            generator.writeNumber(number.longValue());
        } else {
            throw new IllegalArgumentException("Cannot encode " + value + " as CBOR");
        }
    }

    private static int keyRank(Object key) {
        if (key instanceof Number number) {
            return number.longValue() >= 0 ? 0 : 1;
        }
        return 2;
    }

    private static long integerKeyMagnitude(Object key) {
        if (key instanceof Number number) {
            long value = number.longValue();
            return value >= 0 ? value : -1 - value;
        }
        return 0;
    }

    private static byte[] textKey(Object key) {
        return key instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
    }
}
