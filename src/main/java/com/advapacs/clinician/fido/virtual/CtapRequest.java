package com.advapacs.clinician.fido.virtual;

import tools.jackson.databind.JsonNode;

/** Typed access to a decoded CTAP request map, with the status codes CTAP 2.1 requires. */
final class CtapRequest {

    private final JsonNode map;

    CtapRequest(JsonNode map) throws CtapException {
        if (map == null || !map.isObject()) {
            throw new CtapException(CtapStatus.CBOR_UNEXPECTED_TYPE, "request is not a map");
        }
        this.map = map;
    }

    static CtapRequest parse(byte[] cbor) throws CtapException {
        if (cbor.length == 0) {
            throw new CtapException(CtapStatus.MISSING_PARAMETER, "empty request");
        }
        try {
            return new CtapRequest(Cbor.decode(cbor));
        } catch (RuntimeException e) {
            throw new CtapException(CtapStatus.INVALID_CBOR, e.getMessage());
        }
    }

    boolean has(int key) {
        return map.has(Integer.toString(key));
    }

    JsonNode node(int key) throws CtapException {
        JsonNode value = map.get(Integer.toString(key));
        if (value == null) {
            throw new CtapException(CtapStatus.MISSING_PARAMETER, "parameter " + key);
        }
        return value;
    }

    byte[] bytes(int key) throws CtapException {
        JsonNode value = node(key);
        if (!value.isBinary()) {
            throw new CtapException(CtapStatus.CBOR_UNEXPECTED_TYPE, "parameter " + key);
        }
        return value.binaryValue();
    }

    int integer(int key) throws CtapException {
        JsonNode value = node(key);
        if (!value.isIntegralNumber()) {
            throw new CtapException(CtapStatus.CBOR_UNEXPECTED_TYPE, "parameter " + key);
        }
        return value.intValue();
    }

    String text(int key) throws CtapException {
        JsonNode value = node(key);
        if (!value.isString()) {
            throw new CtapException(CtapStatus.CBOR_UNEXPECTED_TYPE, "parameter " + key);
        }
        return value.stringValue();
    }

    CtapRequest map(int key) throws CtapException {
        return new CtapRequest(node(key));
    }

    JsonNode raw() {
        return map;
    }

    /** Reads an option of an options map: absent gives {@code absent}. */
    static boolean option(JsonNode options, String name, boolean absent) throws CtapException {
        if (options == null || !options.has(name)) {
            return absent;
        }
        JsonNode value = options.get(name);
        if (!value.isBoolean()) {
            throw new CtapException(CtapStatus.CBOR_UNEXPECTED_TYPE, "option " + name);
        }
        return value.booleanValue();
    }
}
