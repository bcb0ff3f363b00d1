package com.advapacs.clinician.server.passkey;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.ApiException;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.verifier.exception.BadAaguidException;
import com.webauthn4j.verifier.exception.BadAlgorithmException;
import com.webauthn4j.verifier.exception.BadAttestationStatementException;
import com.webauthn4j.verifier.exception.BadBackupEligibleFlagException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CertificateException;
import com.webauthn4j.verifier.exception.CredentialIdTooLongException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.IllegalBackupStateException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.NotAllowedCredentialIdException;
import com.webauthn4j.verifier.exception.SelfAttestationProhibitedException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import tools.jackson.core.JacksonException;

/**
 * Turns a failed WebAuthn check into {@code passkey_invalid} with a machine-readable
 * {@code reason} and a message for a clinician, and describes the failure for the log.
 */
public final class PasskeyFailures {
    public static final String UNREADABLE = "unreadable";
    public static final String CREDENTIAL_ID_MISMATCH = "credential_id_mismatch";
    public static final String USER_HANDLE_MISMATCH = "user_handle_mismatch";
    public static final String VERIFICATION_FAILED = "verification_failed";

    private static final String VERIFICATION_FAILED_MESSAGE = "The security key's response"
            + " could not be verified. Try again, or use another sign-in method.";

    private PasskeyFailures() {
    }

    /** Cause of a failure, as sent in {@code reason}, with the message shown to the user. */
    private record Failure(String reason, String message) {
    }

    /**
     * Returns the API error for {@code failure}.
     *
     * @param status 422 for a registration, 401 at sign-in
     */
    public static ApiException toApiError(RuntimeException failure, int status) {
        Failure mapped = classify(failure);
        return ApiErrors.passkeyInvalid(status, mapped.reason(), mapped.message());
    }

    /** Returns {@code passkey_invalid} for a check the portal makes itself. */
    public static ApiException invalid(int status, String reason) {
        String message = switch (reason) {
            case CREDENTIAL_ID_MISMATCH -> "The security key's response does not fit together."
                    + " Try again.";
            case USER_HANDLE_MISMATCH -> "The security key's response names a different"
                    + " account. Try again, or sign in with your password.";
            case VERIFICATION_FAILED -> VERIFICATION_FAILED_MESSAGE;
            default -> "The security key's response could not be read. Try again, or use"
                    + " another security key.";
        };
        return ApiErrors.passkeyInvalid(status, reason, message);
    }

    /**
     * Describes {@code failure} for the server log. Messages that may quote the challenge or
     * the raw response are left out, so only the exception type is logged for those.
     */
    public static String describe(RuntimeException failure) {
        String type = failure.getClass().getSimpleName();
        if (failure instanceof BadChallengeException
                || !(failure instanceof VerificationException)) {
            return type;
        }
        return type + ": " + failure.getMessage();
    }

    private static Failure classify(RuntimeException failure) {
        if (failure instanceof DataConversionException || failure instanceof JacksonException
                || failure instanceof IllegalArgumentException) {
            return new Failure(UNREADABLE, "The security key's response could not be read."
                    + " Try again, or use another security key.");
        }

        if (failure instanceof InconsistentClientDataTypeException) {
            return new Failure("wrong_ceremony", "The security key's response was for a"
                    + " different step of signing in or adding a key. Try again.");
        }

        if (failure instanceof BadChallengeException
                || failure instanceof MissingChallengeException) {
            return new Failure("challenge_mismatch", "The security key's response belongs to an"
                    + " earlier attempt. Try again.");
        }

        if (failure instanceof BadOriginException) {
            return new Failure("origin_mismatch",
                    "The security key's response was for a different website.");
        }

        if (failure instanceof CrossOriginException || failure instanceof BadTopOriginException) {
            return new Failure("cross_origin", "The security key's response came from a page"
                    + " embedded in another website.");
        }

        if (failure instanceof BadRpIdException) {
            return new Failure("rp_id_mismatch", "The security key signed for a different"
                    + " portal. Check the portal address in the app's settings and try again.");
        }

        if (failure instanceof UserNotPresentException) {
            return new Failure("user_not_present", "The security key did not confirm that you"
                    + " touched it. Touch the key when it flashes and try again.");
        }

        if (failure instanceof UserNotVerifiedException) {
            return new Failure("user_not_verified", "The security key did not check your PIN"
                    + " or fingerprint, which this portal requires. Set a PIN on the key and"
                    + " try again.");
        }

        if (failure instanceof NotAllowedAlgorithmException
                || failure instanceof BadAlgorithmException) {
            return new Failure("algorithm_not_allowed", "The security key uses a signature"
                    + " type this portal does not accept. Use another security key.");
        }

        if (failure instanceof WebAuthnVerifier.AttestationNotRequestedException) {
            return new Failure("attestation_not_requested", "The security key sent proof of its"
                    + " make and model, which the portal did not ask for. Update the AdvaPACS"
                    + " app and try again.");
        }

        if (failure instanceof BadAttestationStatementException
                || failure instanceof CertificateException
                || failure instanceof BadAaguidException
                || failure instanceof SelfAttestationProhibitedException) {
            return new Failure("attestation_invalid", "The security key's proof of its make and"
                    + " model is not valid. Use another security key.");
        }

        if (failure instanceof BadSignatureException) {
            return new Failure("bad_signature", "The security key's signature is not valid."
                    + " Try again, or use another sign-in method.");
        }

        if (failure instanceof CredentialIdTooLongException) {
            return new Failure("credential_id_too_long", "The security key's credential ID is"
                    + " longer than 1023 bytes. Use another security key.");
        }

        if (failure instanceof BadBackupEligibleFlagException
                || failure instanceof IllegalBackupStateException) {
            return new Failure("backup_flags_invalid", "The security key reported backup flags"
                    + " that do not fit together. Try again, or use another security key.");
        }

        if (failure instanceof NotAllowedCredentialIdException) {
            return new Failure("credential_not_allowed", "This security key was not one of those"
                    + " the portal asked for. Use a key registered to your account.");
        }

        return new Failure(VERIFICATION_FAILED, VERIFICATION_FAILED_MESSAGE);
    }
}
