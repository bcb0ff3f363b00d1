package com.advapacs.clinician.fido;

import java.util.OptionalInt;

/**
 * A failed security key operation: the {@link FidoProblem} to show, the libfido2 return
 * code behind it (0 when the app itself detected the problem) and, for a wrong PIN, the
 * attempts left. The message is the user-facing summary and contains no secret.
 */
public class FidoException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FidoProblem problem;
    private final int code;
    private final transient OptionalInt pinRetriesLeft;

    public FidoException(FidoProblem problem, int code, OptionalInt pinRetriesLeft,
            String detail, Throwable cause) {
        super(problem.message(pinRetriesLeft) + (detail == null ? "" : " (" + detail + ")"),
                cause);
        this.problem = problem;
        this.code = code;
        this.pinRetriesLeft = pinRetriesLeft;
    }

    /** Creates the exception for a libfido2 return code from {@code operation}. */
    public static FidoException fromCode(int code, String operation) {
        return new FidoException(FidoProblem.fromCode(code), code, OptionalInt.empty(),
                operation + " returned " + code, null);
    }

    /** Creates the exception for a problem the app found before calling libfido2. */
    public static FidoException of(FidoProblem problem, String detail) {
        return new FidoException(problem, 0, OptionalInt.empty(), detail, null);
    }

    public FidoProblem problem() {
        return problem;
    }

    /** Returns the libfido2 return code, or 0 when the app detected the problem. */
    public int code() {
        return code;
    }

    public OptionalInt pinRetriesLeft() {
        return pinRetriesLeft;
    }

    /** Returns the text to show: the problem's message and its next step. */
    public String userMessage() {
        return problem.message(pinRetriesLeft) + " " + problem.nextStep();
    }
}
