package com.advapacs.clinician.server.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
    /** MFA terms the product does not use, because its term is "second sign-in step". */
    private static final List<String> OTHER_TERMS = List.of("two-step", "2-step",
            "multi-factor", "multifactor", "two-factor", "2fa", "your organisation requires");

    @Test
    void messagesUseProductTerms() throws Exception {
        List<ApiException> errors = everyError();
        assertTrue(errors.size() > 20, "found " + errors.size() + " errors");
        for (ApiException error : errors) {
            String message = error.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            for (String term : OTHER_TERMS) {
                assertFalse(lower.contains(term), error.code() + ": " + message);
            }
            assertTrue(message.endsWith("."), error.code() + ": " + message);
            assertTrue(error.code().matches("[a-z]+(_[a-z]+)*"), error.code());
        }
    }

    /** Calls every factory of {@link ApiErrors}, and {@code forStatus} for each 4xx status. */
    private static List<ApiException> everyError() throws Exception {
        List<ApiException> errors = new ArrayList<>();
        for (Method method : ApiErrors.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers())
                    || method.getReturnType() != ApiException.class
                    || method.getName().equals("forStatus")) {
                continue;
            }
            Class<?>[] types = method.getParameterTypes();
            Object[] arguments = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                arguments[i] = sampleArgument(types[i]);
            }
            errors.add((ApiException) method.invoke(null, arguments));
        }
        for (int status = 400; status < 432; status++) {
            errors.add(ApiErrors.forStatus(status));
        }
        return errors;
    }

    private static Object sampleArgument(Class<?> type) {
        if (type == int.class) {
            return 401;
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(15);
        }
        if (type == String.class) {
            return "The security key's response was for a different website.";
        }
        throw new IllegalArgumentException("no sample argument for " + type);
    }
}
