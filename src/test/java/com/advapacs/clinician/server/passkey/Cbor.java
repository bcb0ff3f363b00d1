package com.advapacs.clinician.server.passkey;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Minimal CBOR encoder (RFC 8949) for what a security key sends: maps, integers, byte strings
 * and text strings, written byte by byte so the tests do not share webauthn4j's encoder.
 */
final class Cbor {
    private static final int UNSIGNED = 0;
    private static final int NEGATIVE = 1;
    private static final int BYTES = 2;
    private static final int TEXT = 3;
    private static final int ARRAY = 4;
    private static final int MAP = 5;

    private Cbor() {
    }

    /** Encodes a map whose keys and values are Integer, Long, String, byte[], List or Map. */
    static byte[] encode(Map<?, ?> map) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeValue(out, map);
        return out.toByteArray();
    }

    private static void writeValue(ByteArrayOutputStream out, Object value) {
        if (value instanceof Integer number) {
            writeInteger(out, number.longValue());
        } else if (value instanceof Long number) {
            writeInteger(out, number);
        } else if (value instanceof String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            writeHead(out, TEXT, utf8.length);
            out.writeBytes(utf8);
        } else if (value instanceof byte[] bytes) {
            writeHead(out, BYTES, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof List<?> list) {
            writeHead(out, ARRAY, list.size());
            for (Object item : list) {
                writeValue(out, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            writeHead(out, MAP, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeValue(out, entry.getKey());
                writeValue(out, entry.getValue());
            }
        } else {
            throw new IllegalArgumentException("unsupported CBOR value: " + value);
        }
    }

    private static void writeInteger(ByteArrayOutputStream out, long value) {
        if (value >= 0) {
            writeHead(out, UNSIGNED, value);
        } else {
            writeHead(out, NEGATIVE, -1 - value);
        }
    }

    /** Writes the major type and argument in the shortest form (RFC 8949 section 3). */
    private static void writeHead(ByteArrayOutputStream out, int majorType, long argument) {
        int type = majorType << 5;
        if (argument < 24) {
            out.write(type | (int) argument);
        } else if (argument < 0x100) {
            out.write(type | 24);
            out.write((int) argument);
        } else if (argument < 0x10000) {
            out.write(type | 25);
            out.write((int) (argument >> 8));
            out.write((int) argument);
        } else {
            out.write(type | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (argument >> shift));
            }
        }
    }
}
