package com.advapacs.clinician.portal;

import com.advapacs.clinician.i18n.Messages;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import tools.jackson.databind.JsonNode;

/**
 * Translates every way a portal request can fail into a {@link PortalException} whose
 * message explains what happened and what the user can do next. This is the only place
 * that maps the portal's error codes and the network exceptions.
 */
final class PortalErrors {

    private PortalErrors() {
    }

    /** Maps a failure that happened before any HTTP response arrived. */
    static PortalException fromIo(IOException e, String portalHost, boolean proxyConfigured) {
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return of(PortalProblem.TIMEOUT, Messages.get("error.timeout", portalHost), e);
        }
        if (e instanceof UnknownHostException) {
            return of(PortalProblem.UNREACHABLE,
                    Messages.get("error.unknownHost", portalHost), e);
        }
        if (isCertificateProblem(e)) {
            return of(PortalProblem.TLS_CERTIFICATE,
                    Messages.get("error.certificate", portalHost), e);
        }
        if (e instanceof SSLException) {
            return of(PortalProblem.TLS_CERTIFICATE,
                    Messages.get("error.tls", portalHost), e);
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        // OkHttp reports a proxy that refuses the tunnel as "Unexpected response code for
        // CONNECT: 403" and an unreachable proxy as a ConnectException.
        boolean proxyFailure = text.contains("tunnel") || text.contains("proxy")
                || (proxyConfigured && (e instanceof ConnectException
                        || String.valueOf(e.getMessage()).contains("CONNECT")));
        if (proxyFailure) {
            return of(PortalProblem.PROXY, Messages.get("error.proxy", portalHost), e);
        }
        return of(PortalProblem.UNREACHABLE, Messages.get("error.unreachable", portalHost), e);
    }

    /** Maps an HTTP error response; {@code body} is the parsed JSON or null if it was not. */
    static PortalException fromResponse(int status, JsonNode body, String retryAfterHeader,
            String portalHost) {
        JsonNode error = body == null ? null : body.get("error");
        String code = error == null ? null : text(error, "code");
        Duration retryAfter = retryAfter(error, retryAfterHeader);
        Integer attempts = error != null && error.hasNonNull("attemptsRemaining")
                ? error.get("attemptsRemaining").asInt() : null;

        if (status == 407) {
            return of(PortalProblem.PROXY, Messages.get("error.proxyAuth", portalHost), null);
        }
        if (code == null) {
            if (status >= 500) {
                return new PortalException(PortalProblem.SERVER_ERROR,
                        Messages.get("error.server", status), null, null, null, null);
            }
            return new PortalException(PortalProblem.NOT_A_PORTAL,
                    Messages.get("error.notPortal", portalHost, status), null, null, null, null);
        }

        switch (code) {
            case "invalid_credentials":
                return coded(PortalProblem.WRONG_CREDENTIALS, "error.wrongCredentials", code,
                        null, attempts);
            case "too_many_attempts":
                return coded(PortalProblem.THROTTLED, "error.throttled", code, retryAfter,
                        attempts, waitText(retryAfter));
            case "invalid_code":
                if (attempts != null) {
                    return coded(PortalProblem.INVALID_CODE, "error.invalidCodeAttempts", code,
                            null, attempts, attempts);
                }
                return coded(PortalProblem.INVALID_CODE, "error.invalidCode", code, null, null);
            case "code_reused":
                return coded(PortalProblem.CODE_REUSED, "error.codeReused", code, null, attempts);
            case "factor_locked":
                return coded(PortalProblem.FACTOR_LOCKED, "error.factorLocked", code, retryAfter,
                        null, waitText(retryAfter));
            case "mfa_token_invalid":
                return coded(PortalProblem.SIGN_IN_EXPIRED, "error.signInExpired", code, null,
                        null);
            case "session_invalid":
            case "enrolment_required":
                return coded(PortalProblem.SESSION_ENDED, "error.sessionEnded", code, null, null);
            case "enrolment_not_found":
                return coded(PortalProblem.ENROLMENT_EXPIRED, "error.enrolmentExpired", code,
                        null, null);
            case "mfa_required_by_policy":
                return coded(PortalProblem.REQUIRED_BY_POLICY, "error.requiredByPolicy", code,
                        null, null);
            case "totp_not_enrolled":
                return coded(PortalProblem.NOT_ENROLLED, "error.notEnrolled", code, null, null);
            case "last_method_confirmation_required":
                return coded(PortalProblem.LAST_METHOD, "error.lastMethod", code, null, null);
            case "passkey_already_registered":
                return coded(PortalProblem.PASSKEY_ALREADY_REGISTERED,
                        "error.passkeyAlreadyRegistered", code, null, null);
            case "passkey_not_recognised":
                return coded(PortalProblem.PASSKEY_NOT_RECOGNISED, "error.passkeyNotRecognised",
                        code, null, null);
            case "passkey_invalid":
                return new PortalException(PortalProblem.PASSKEY_INVALID,
                        Messages.get("error.passkeyInvalid", portalMessage(error)), code, null,
                        null, null);
            case "registration_not_found":
            case "assertion_not_found":
                return coded(PortalProblem.ENROLMENT_EXPIRED, "error.passkeyCeremonyExpired",
                        code, null, null);
            case "passkey_not_found":
                return coded(PortalProblem.NOT_ENROLLED, "error.passkeyNotFound", code, null,
                        null);
            case "invalid_password":
                return coded(PortalProblem.WRONG_PASSWORD, "error.wrongPassword", code, null,
                        null);
            default:
                if (status >= 500) {
                    return new PortalException(PortalProblem.SERVER_ERROR,
                            Messages.get("error.server", status), code, null, null, null);
                }
                return new PortalException(PortalProblem.REJECTED_REQUEST,
                        Messages.get("error.rejected", status, code), code, null, null, null);
        }
    }

    /** Maps a response that claimed success but could not be read as the portal's JSON. */
    static PortalException unreadable(String portalHost, int status, Throwable cause) {
        return new PortalException(PortalProblem.NOT_A_PORTAL,
                Messages.get("error.notPortal", portalHost, status), null, null, null, cause);
    }

    private static boolean isCertificateProblem(IOException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException) {
                return true;
            }
        }
        return e instanceof SSLHandshakeException
                && String.valueOf(e.getMessage()).contains("certificate");
    }

    private static Duration retryAfter(JsonNode error, String header) {
        if (error != null && error.hasNonNull("retryAfterSeconds")) {
            return Duration.ofSeconds(Math.max(1, error.get("retryAfterSeconds").asLong()));
        }
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
            } catch (NumberFormatException ignored) {
                // An HTTP-date form is legal too; without seconds the message stays general.
            }
        }
        return null;
    }

    /** Formats a wait as "45 seconds" or "3 minutes", rounding minutes up. */
    static String waitText(Duration wait) {
        if (wait == null) {
            return Messages.get("wait.aWhile");
        }
        long seconds = wait.toSeconds();
        if (seconds < 90) {
            return Messages.get("wait.seconds", seconds);
        }
        return Messages.get("wait.minutes", (seconds + 59) / 60);
    }

    private static PortalException coded(PortalProblem problem, String key, String code,
            Duration retryAfter, Integer attempts, Object... arguments) {
        return new PortalException(problem, Messages.get(key, arguments), code, retryAfter,
                attempts, null);
    }

    private static PortalException of(PortalProblem problem, String message, Throwable cause) {
        return new PortalException(problem, message, null, null, null, cause);
    }

    /** Returns the portal's own sentence, for errors whose detail only the portal has. */
    private static String portalMessage(JsonNode error) {
        String message = text(error, "message");
        return message == null ? "" : message;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
