package com.advapacs.clinician.server.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Page template from the classpath with {@code {{name}}} placeholders. Values are inserted as
 * given, so callers pass HTML that is already escaped.
 */
public final class HtmlTemplate {
    private final String text;

    private HtmlTemplate(String text) {
        this.text = text;
    }

    /** Loads a UTF-8 template from the classpath, e.g. {@code server/clinician.html}. */
    public static HtmlTemplate load(String resource) {
        return new HtmlTemplate(Resources.text(resource));
    }

    public String render(Map<String, String> escapedValues) {
        String result = text;
        for (Map.Entry<String, String> value : escapedValues.entrySet()) {
            result = result.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return result;
    }

    /** Classpath resource loading shared by the page endpoints. */
    static final class Resources {
        private Resources() {
        }

        static byte[] bytes(String resource) {
            try (InputStream in = HtmlTemplate.class.getClassLoader()
                    .getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read classpath resource " + resource, e);
            }
        }

        static String text(String resource) {
            return new String(bytes(resource), StandardCharsets.UTF_8);
        }
    }
}
