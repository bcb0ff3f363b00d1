package com.advapacs.clinician.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts, read from {@code messages.properties} in this package.
 *
 * <p>Keys are dotted and name the screen and the purpose, e.g. {@code signin.button}.
 */
public final class Messages {

    private static final ResourceBundle BUNDLE =
            ResourceBundle.getBundle("com.advapacs.clinician.i18n.messages", Locale.getDefault());

    private Messages() {
    }

    /** Returns the text for {@code key}, with {@code {0}}-style arguments filled in. */
    public static String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message with key " + key, e);
        }
        // Always formatted, so that every text in the bundle follows MessageFormat's quoting.
        return new MessageFormat(pattern, BUNDLE.getLocale()).format(arguments);
    }
}
