package com.advapacs.clinician.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;

/** Reads a new account's password without putting it on the command line. */
public final class PasswordInput {
    private PasswordInput() {
    }

    /**
     * Reads the password from the console without echo if there is one, else as the first
     * line of {@code stdin}.
     *
     * @throws UsageException if no password was given
     */
    public static String read(Console console, BufferedReader stdin, String email)
            throws UsageException, IOException {
        String password;
        if (console != null) {
            char[] typed = console.readPassword("Password for %s: ", email);
            password = typed == null ? null : new String(typed);
        } else {
            password = stdin.readLine();
        }
        if (password == null || password.isEmpty()) {
            throw new UsageException("No password given: type it at the prompt, or send it as"
                    + " one line on standard input.");
        }
        return password;
    }
}
