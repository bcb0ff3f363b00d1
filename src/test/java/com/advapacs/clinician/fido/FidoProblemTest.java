package com.advapacs.clinician.fido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FidoProblemTest {

    @ParameterizedTest
    @CsvSource({
        "0x31, PIN_INVALID",
        "0x34, PIN_AUTH_BLOCKED",
        "0x32, PIN_BLOCKED",
        "0x35, PIN_NOT_SET",
        "0x36, PIN_REQUIRED",
        "0x37, PIN_POLICY_VIOLATION",
        "0x3c, UV_BLOCKED",
        "0x3a, TIMED_OUT",
        "0x2f, TOUCH_TIMEOUT",
        "0x2d, CANCELLED",
        "0x2e, NO_CREDENTIALS",
        "0x19, ALREADY_REGISTERED",
        "0x28, KEY_STORE_FULL",
        "0x2b, UNSUPPORTED_BY_KEY",
        "0x27, OPERATION_DENIED",
        "-1, KEY_REMOVED",
        "-2, KEY_REMOVED",
        "-10, KEY_NOT_FOUND",
        "-9, APP_ERROR",
        "0x12, KEY_PROTOCOL_ERROR",
    })
    void codeMapsToProblem(String code, FidoProblem expected) {
        assertEquals(expected, FidoProblem.fromCode(Integer.decode(code)));
    }

    @Test
    void everyErrHeaderCodeHasWording() throws IllegalAccessException {
        for (Field field : FidoErrorCode.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getName().equals("SUCCESS")) {
                continue;
            }
            FidoProblem problem = FidoProblem.fromCode(field.getInt(null));
            String text = problem.message(OptionalInt.empty()) + " " + problem.nextStep();
            assertFalse(text.contains("FIDO_ERR"), field.getName() + ": " + text);
            assertTrue(text.endsWith("."), field.getName() + ": " + text);
        }
    }

    @Test
    void wrongPinShowsAttemptsLeft() {
        assertEquals("Wrong PIN. 2 attempts left.",
                FidoProblem.PIN_INVALID.message(OptionalInt.of(2)));
        assertEquals("Wrong PIN. 1 attempt left.",
                FidoProblem.PIN_INVALID.message(OptionalInt.of(1)));
        assertEquals("Wrong PIN.", FidoProblem.PIN_INVALID.message(OptionalInt.empty()));
    }

    @Test
    void blockedPinExplainsReset() {
        FidoException e = FidoException.fromCode(FidoErrorCode.PIN_BLOCKED, "fido_dev_set_pin");

        assertEquals("The PIN is blocked after too many wrong attempts. Only a reset of the "
                + "key helps, and it erases every passkey on it.", e.userMessage());
        assertEquals(FidoErrorCode.PIN_BLOCKED, e.code());
    }

    @Test
    void windowsHelloInternalErrorIsClosedDialog() {
        assertEquals(FidoProblem.SYSTEM_DIALOG_ENDED,
                FidoProblem.fromCode(FidoErrorCode.INTERNAL, true));
        assertEquals(FidoProblem.APP_ERROR, FidoProblem.fromCode(FidoErrorCode.INTERNAL, false));
    }

    @Test
    void windowsHelloKeepsOtherMappings() {
        assertEquals(FidoProblem.ALREADY_REGISTERED,
                FidoProblem.fromCode(FidoErrorCode.CREDENTIAL_EXCLUDED, true));
        assertEquals(FidoProblem.NOT_ALLOWED, FidoProblem.fromCode(FidoErrorCode.NOT_ALLOWED, true));
    }
}
