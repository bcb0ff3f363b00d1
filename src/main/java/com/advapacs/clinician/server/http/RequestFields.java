package com.advapacs.clinician.server.http;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed access to the fields of a JSON request object. Unknown fields are ignored; a field that
 * is present with the wrong type, including null, is {@code invalid_field}.
 */
public final class RequestFields {
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_PASSWORD_LENGTH = 1024;
    public static final int TOTP_CODE_DIGITS = 6;

    private final ObjectNode object;
    // Dotted path of this object inside the body, so errors name nested fields in full.
    private final String prefix;

    RequestFields(ObjectNode object) {
        this(object, "");
    }

    private RequestFields(ObjectNode object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    static RequestFields empty() {
        return new RequestFields(JsonNodeFactory.instance.objectNode());
    }

    /** Returns whether the field is present, whatever its value. */
    public boolean has(String name) {
        return object.has(name);
    }

    /** Returns a required string field. */
    public String string(String name) {
        JsonNode node = object.get(name);
        if (node == null) {
            throw ApiErrors.missingField(path(name));
        }
        if (!node.isString()) {
            throw ApiErrors.invalidField(path(name),
                    "The field \"" + path(name) + "\" must be a string.");
        }
        return node.asString();
    }

    /** Returns an optional string field; absent and null both count as not given. */
    public Optional<String> optionalString(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(string(name));
    }

    /** Returns a sign-in email: 1..254 characters with an '@' (RFC 5321 path limit). */
    public String email(String name) {
        String value = string(name);
        if (value.isEmpty() || value.length() > MAX_EMAIL_LENGTH || value.indexOf('@') < 1
                || value.indexOf('@') == value.length() - 1 || hasControlCharacter(value)) {
            throw ApiErrors.invalidField(path(name),
                    "Enter an email address of at most " + MAX_EMAIL_LENGTH + " characters.");
        }
        return value;
    }

    /** Returns a password: 1..1024 characters. */
    public String password(String name) {
        String value = string(name);
        if (value.isEmpty() || value.length() > MAX_PASSWORD_LENGTH) {
            throw ApiErrors.invalidField(path(name),
                    "Enter a password of 1 to " + MAX_PASSWORD_LENGTH + " characters.");
        }
        return value;
    }

    /** Returns a TOTP code: exactly six ASCII digits. */
    public String totpCode(String name) {
        String value = string(name);
        boolean valid = value.length() == TOTP_CODE_DIGITS;
        for (int i = 0; valid && i < value.length(); i++) {
            char c = value.charAt(i);
            valid = c >= '0' && c <= '9';
        }
        if (!valid) {
            throw ApiErrors.invalidField(path(name),
                    "Enter the " + TOTP_CODE_DIGITS + "-digit code from your authenticator app.");
        }
        return value;
    }

    /** Returns a non-empty token string of at most {@code maxLength} characters. */
    public String token(String name, int maxLength) {
        String value = string(name);
        if (value.isEmpty() || value.length() > maxLength) {
            throw ApiErrors.invalidField(path(name),
                    "The field \"" + path(name) + "\" must be 1 to " + maxLength
                            + " characters.");
        }
        return value;
    }

    /**
     * Returns an optional display label, trimmed: 1..{@code maxLength} UTF-16 code units
     * without control characters, line separators, bidirectional formatting characters or
     * unpaired surrogates. Absent and null both count as not given.
     */
    public Optional<String> optionalLabel(String name, int maxLength) {
        Optional<String> value = optionalString(name).map(String::strip);
        if (value.isPresent()) {
            String label = value.get();
            if (label.isEmpty() || label.length() > maxLength) {
                throw ApiErrors.invalidField(path(name), "The field \"" + path(name)
                        + "\" must be 1 to " + maxLength + " characters of text.");
            }
            if (hasForbiddenLabelCharacter(label)) {
                throw ApiErrors.invalidField(path(name), "The field \"" + path(name)
                        + "\" must not contain control characters, text direction marks or"
                        + " invalid Unicode.");
            }
        }
        return value;
    }

    /**
     * Returns a required label, trimmed, with the rules of {@link #optionalLabel}. Null
     * counts as an invalid value.
     */
    public String label(String name, int maxLength) {
        if (!object.has(name)) {
            throw ApiErrors.missingField(path(name));
        }
        return optionalLabel(name, maxLength).orElseThrow(() -> ApiErrors.invalidField(
                path(name), "The field \"" + path(name) + "\" must be 1 to " + maxLength
                        + " characters of text."));
    }

    /** Returns an optional boolean field; absent and null both count as false. */
    public boolean optionalFlag(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiErrors.invalidField(path(name),
                    "The field \"" + path(name) + "\" must be true or false.");
        }
        return node.booleanValue();
    }

    /** Returns an optional string field that must be one of {@code allowed}. */
    public Optional<String> optionalChoice(String name, Set<String> allowed) {
        Optional<String> value = optionalString(name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw ApiErrors.invalidField(path(name), "The field \"" + path(name)
                    + "\" must be one of " + String.join(", ", allowed.stream().sorted()
                            .toList()) + ".");
        }
        return value;
    }

    /** Returns a required nested JSON object. */
    public RequestFields object(String name) {
        JsonNode node = object.get(name);
        if (node == null) {
            throw ApiErrors.missingField(path(name));
        }
        if (!node.isObject()) {
            throw ApiErrors.invalidField(path(name),
                    "The field \"" + path(name) + "\" must be a JSON object.");
        }
        return new RequestFields((ObjectNode) node, path(name) + ".");
    }

    /**
     * Returns the bytes of a required base64url string (RFC 4648 section 5). Padding is
     * optional, as in the WebAuthn JSON forms, which omit it.
     */
    public byte[] base64Url(String name, int maxBytes) {
        return decodeBase64Url(name, string(name), maxBytes);
    }

    /** Returns the bytes of an optional base64url string; absent and null are empty. */
    public Optional<byte[]> optionalBase64Url(String name, int maxBytes) {
        return optionalString(name).map(value -> decodeBase64Url(name, value, maxBytes));
    }

    /**
     * Returns an optional array of strings; absent and null are an empty list.
     *
     * @param maxItems maximum number of items
     * @param maxLength maximum length of each item, in characters
     */
    public List<String> optionalStringList(String name, int maxItems, int maxLength) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        String rule = "The field \"" + path(name) + "\" must be an array of at most " + maxItems
                + " strings of 1 to " + maxLength + " characters.";
        if (!node.isArray() || node.size() > maxItems) {
            throw ApiErrors.invalidField(path(name), rule);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString() || item.asString().isEmpty()
                    || item.asString().length() > maxLength) {
                throw ApiErrors.invalidField(path(name), rule);
            }
            values.add(item.asString());
        }
        return values;
    }

    private byte[] decodeBase64Url(String name, String value, int maxBytes) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length == 0 || bytes.length > maxBytes) {
            throw ApiErrors.invalidField(path(name), "The field \"" + path(name)
                    + "\" must be base64url text of 1 to " + maxBytes + " bytes.");
        }
        return bytes;
    }

    private String path(String name) {
        return prefix + name;
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    /**
     * Returns whether {@code value} contains a control character (C0, DEL or C1), a line or
     * paragraph separator, an unpaired UTF-16 surrogate, or a bidirectional formatting
     * character (Unicode Standard Annex #9), which can make a name display as other text.
     */
    private static boolean hasForbiddenLabelCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || isForbiddenInLabel(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isForbiddenInLabel(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'
                || c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
