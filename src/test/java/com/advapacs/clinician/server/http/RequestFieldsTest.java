package com.advapacs.clinician.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class RequestFieldsTest {
    private static final int MAX = 64;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        plain text | Blue key | Blue key
        trimmed | '  Work phone  ' | Work phone
        accented letters | Clé de sécurité | Clé de sécurité
        right-to-left letters | מפתח 1 | מפתח 1
        emoji as a surrogate pair | Key 🔑 | Key 🔑
        zero-width joiner in an emoji | 👩‍⚕️ key | 👩‍⚕️ key
        """)
    void labelAccepts(String name, String value, String expected) {
        assertEquals(Optional.of(expected), fields(value).optionalLabel("name", MAX));
        assertEquals(expected, fields(value).label("name", MAX));
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        "0000", "0007", "0009", "000A", "001B", "007F", "0085", "009F",
        "061C", "200E", "200F", "202A", "202B", "202C", "202D", "202E",
        "2066", "2067", "2068", "2069", "2028", "2029",
        "D800", "DBFF", "DC00", "DFFF"
    })
    void labelRejectsCharacter(String hex) {
        String value = "key " + (char) Integer.parseInt(hex, 16) + " one";
        ApiException error = assertThrows(ApiException.class,
                () -> fields(value).optionalLabel("name", MAX));
        assertEquals(400, error.status());
        assertEquals("invalid_field", error.code());
        assertEquals("name", error.details().get(ApiErrors.FIELD));
        assertTrue(error.getMessage().contains("\"name\""), error.getMessage());
    }

    @Test
    void labelRejectsSurrogatesInWrongOrder() {
        String lowThenHigh = "key \uDC00\uD800";
        assertThrows(ApiException.class, () -> fields(lowThenHigh).label("name", MAX));
        String highAtEnd = "key \uD83D";
        assertThrows(ApiException.class, () -> fields(highAtEnd).label("name", MAX));
    }

    @Test
    void labelRejectsBidiControlAfterTrimming() {
        ApiException error = assertThrows(ApiException.class,
                () -> fields("  \u202Eyek  ").label("name", MAX));
        assertEquals("invalid_field", error.code());
    }

    @Test
    void labelLengthCountsAfterTrimming() {
        assertEquals("a".repeat(MAX), fields("  " + "a".repeat(MAX) + "  ").label("name", MAX));
        ApiException tooLong = assertThrows(ApiException.class,
                () -> fields("a".repeat(MAX + 1)).label("name", MAX));
        assertEquals("The field \"name\" must be 1 to 64 characters of text.",
                tooLong.getMessage());
        ApiException blank = assertThrows(ApiException.class,
                () -> fields(" \t ").label("name", MAX));
        assertEquals("invalid_field", blank.code());
    }

    private static RequestFields fields(String name) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("name", name);
        return new RequestFields(object);
    }
}
