package com.advapacs.clinician.server.http;

import com.advapacs.clinician.server.throttle.RetryAfter;
import java.time.Duration;

/** Every error code the API returns, with its HTTP status and message for a clinician. */
public final class ApiErrors {
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";
    public static final String ATTEMPTS_REMAINING = "attemptsRemaining";
    public static final String FIELD = "field";
    public static final String REASON = "reason";

    private ApiErrors() {
    }

    public static ApiException malformedJson() {
        return new ApiException(400, "malformed_json",
                "The request body is not a valid JSON object.");
    }

    public static ApiException missingField(String field) {
        return new ApiException(400, "missing_field",
                "The request is missing the field \"" + field + "\".").with(FIELD, field);
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "invalid_field", message).with(FIELD, field);
    }

    public static ApiException bodyTooLarge(int limitBytes) {
        return new ApiException(413, "body_too_large",
                "The request body is larger than " + limitBytes / 1024 + " KiB.");
    }

    public static ApiException unsupportedMediaType() {
        return new ApiException(415, "unsupported_media_type",
                "Send the request body as JSON with Content-Type: application/json.");
    }

    public static ApiException notFound() {
        return new ApiException(404, "not_found", "There is nothing at this address.");
    }

    public static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "method_not_allowed",
                "This address does not accept " + method + " requests.");
    }

    public static ApiException sessionInvalid() {
        return new ApiException(401, "session_invalid",
                "Your session has ended. Sign in again.");
    }

    public static ApiException enrolmentRequired() {
        return new ApiException(403, "enrolment_required",
                "Set up a second sign-in step with an authenticator app or a security key"
                        + " before continuing.");
    }

    public static ApiException invalidCredentials() {
        return new ApiException(401, "invalid_credentials", "Wrong email or password.");
    }

    public static ApiException tooManyAttempts(Duration wait) {
        int seconds = RetryAfter.seconds(wait);
        return new ApiException(429, "too_many_attempts",
                "Too many attempts. Wait " + describe(seconds) + " and try again.")
                .with(RETRY_AFTER_SECONDS, seconds);
    }

    public static ApiException factorLocked(Duration wait) {
        int seconds = RetryAfter.seconds(wait);
        return new ApiException(423, "factor_locked",
                "Too many wrong codes, so codes from your authenticator app are not accepted"
                        + " for " + describe(seconds) + ". Try again then.")
                .with(RETRY_AFTER_SECONDS, seconds);
    }

    public static ApiException invalidCode(int status, int attemptsRemaining) {
        return new ApiException(status, "invalid_code",
                "That code is not correct. Check the time on your phone and enter the code"
                        + " your authenticator app shows now.")
                .with(ATTEMPTS_REMAINING, attemptsRemaining);
    }

    public static ApiException codeReused(int status) {
        return new ApiException(status, "code_reused",
                "That code has already been used. Wait for the next code in your"
                        + " authenticator app and enter it.");
    }

    public static ApiException mfaTokenInvalid() {
        return new ApiException(401, "mfa_token_invalid",
                "Your sign-in has expired. Enter your password again.");
    }

    public static ApiException enrolmentNotFound() {
        return new ApiException(404, "enrolment_not_found",
                "This authenticator setup has expired or was replaced. Start the setup again.");
    }

    public static ApiException invalidPassword() {
        return new ApiException(422, "invalid_password", "That password is not correct.");
    }

    public static ApiException totpNotEnrolled() {
        return new ApiException(404, "totp_not_enrolled",
                "No authenticator app is set up for this account.");
    }

    public static ApiException mfaRequiredByPolicy() {
        return new ApiException(409, "mfa_required_by_policy",
                "A second sign-in step is required for your account, so you cannot remove"
                        + " your only one. Add another one first.");
    }

    public static ApiException lastMethodConfirmationRequired() {
        return new ApiException(409, "last_method_confirmation_required",
                "This is your only second sign-in step. Confirm that you want to remove it.");
    }

    /**
     * Returns {@code passkey_invalid} for a WebAuthn response that failed verification.
     *
     * @param status 422 for a registration, 401 at sign-in
     * @param reason machine-readable cause, such as {@code origin_mismatch}
     */
    public static ApiException passkeyInvalid(int status, String reason, String message) {
        return new ApiException(status, "passkey_invalid", message).with(REASON, reason);
    }

    public static ApiException passkeyAlreadyRegistered() {
        return new ApiException(409, "passkey_already_registered",
                "This security key is already registered to your account.");
    }

    public static ApiException registrationNotFound() {
        return new ApiException(404, "registration_not_found",
                "This security key setup has expired or was already used. Start adding the key"
                        + " again.");
    }

    public static ApiException passkeyNotFound() {
        return new ApiException(404, "passkey_not_found",
                "This passkey is not registered to your account.");
    }

    /** Returns {@code passkey_not_found} for a passkey sign-in to an account without any. */
    public static ApiException noPasskeys() {
        return new ApiException(404, "passkey_not_found",
                "No security key is registered to your account. Use another sign-in method.");
    }

    public static ApiException passkeyNotRecognised() {
        return new ApiException(401, "passkey_not_recognised",
                "This security key is not registered to your account.");
    }

    public static ApiException assertionNotFound() {
        return new ApiException(404, "assertion_not_found",
                "This security key sign-in has expired or was already used. Try again.");
    }

    public static ApiException serverError() {
        return new ApiException(500, "server_error",
                "Something went wrong on the AdvaPACS portal. Try again in a few minutes.");
    }

    /**
     * Returns a generic error for a status set outside the API handlers, by Jetty or by
     * Javalin itself.
     */
    public static ApiException forStatus(int status) {
        return switch (status) {
            case 404 -> notFound();
            case 413 -> bodyTooLarge(JsonBodyReader.MAX_BODY_BYTES);
            case 414 -> new ApiException(414, "uri_too_long", "The address is too long.");
            case 415 -> unsupportedMediaType();
            case 431 -> new ApiException(431, "headers_too_large",
                    "The request headers are too large.");
            default -> status >= 500 || status < 400
                    ? serverError()
                    : new ApiException(status, "bad_request",
                            "The request is not valid HTTP and could not be read.");
        };
    }

    private static String describe(int seconds) {
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        int minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
