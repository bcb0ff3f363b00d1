package com.advapacs.clinician.settings.mfa;

/** Formats a base32 secret for people who type it into an app by hand. */
final class SecretFormat {

    private SecretFormat() {
    }

    /** Splits {@code secret} into groups of four characters separated by spaces. */
    static String groupsOfFour(String secret) {
        StringBuilder grouped = new StringBuilder(secret.length() + secret.length() / 4);
        for (int i = 0; i < secret.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append(' ');
            }
            grouped.append(secret.charAt(i));
        }
        return grouped.toString();
    }
}
