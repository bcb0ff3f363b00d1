package com.advapacs.clinician.server.http;

import java.util.Optional;
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

    RequestFields(ObjectNode object) {
        this.object = object;
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
            throw ApiErrors.missingField(name);
        }
        if (!node.isString()) {
            throw ApiErrors.invalidField(name, "The field \"" + name + "\" must be a string.");
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
            throw ApiErrors.invalidField(name,
                    "Enter an email address of at most " + MAX_EMAIL_LENGTH + " characters.");
        }
        return value;
    }

    /** Returns a password: 1..1024 characters. */
    public String password(String name) {
        String value = string(name);
        if (value.isEmpty() || value.length() > MAX_PASSWORD_LENGTH) {
            throw ApiErrors.invalidField(name,
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
            throw ApiErrors.invalidField(name,
                    "Enter the " + TOTP_CODE_DIGITS + "-digit code from your authenticator app.");
        }
        return value;
    }

    /** Returns a non-empty token string of at most {@code maxLength} characters. */
    public String token(String name, int maxLength) {
        String value = string(name);
        if (value.isEmpty() || value.length() > maxLength) {
            throw ApiErrors.invalidField(name,
                    "The field \"" + name + "\" must be 1 to " + maxLength + " characters.");
        }
        return value;
    }

    /**
     * Returns an optional display label, trimmed: 1..{@code maxLength} characters without
     * control characters.
     */
    public Optional<String> optionalLabel(String name, int maxLength) {
        Optional<String> value = optionalString(name).map(String::strip);
        if (value.isPresent()) {
            String label = value.get();
            if (label.isEmpty() || label.length() > maxLength || hasControlCharacter(label)) {
                throw ApiErrors.invalidField(name, "The field \"" + name + "\" must be 1 to "
                        + maxLength + " characters of text.");
            }
        }
        return value;
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
