package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.advapacs.clinician.fido.jna.LibFido2;
import com.advapacs.clinician.fido.jna.NativeData;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/** Runs authenticatorMakeCredential on a key ({@code fido_dev_make_cred}). */
public final class RegistrationCeremony {

    private RegistrationCeremony() {
    }

    /**
     * Creates an ES256 credential and returns libfido2's raw outputs.
     *
     * @param pin the key's PIN, or null to send none; wiped before this returns
     * @throws FidoException with the problem to show, such as
     *     {@link FidoProblem#ALREADY_REGISTERED} or {@link FidoProblem#PIN_INVALID}
     */
    public static RegistrationResult makeCredential(FidoDevice device,
            RegistrationRequest request, char[] pin) throws FidoException {
        try {
            requireFido2(device);
            return device.call((library, handle) -> run(device, library, handle, request,
                    pin));
        } finally {
            Pin.wipe(pin);
        }
    }

    static void requireFido2(FidoDevice device) throws FidoException {
        if (!device.info().fido2()) {
            throw FidoException.of(FidoProblem.NOT_FIDO2, device.entry().path());
        }
    }

    private static RegistrationResult run(FidoDevice device, LibFido2 library, Pointer handle,
            RegistrationRequest request, char[] pin) throws FidoException {
        Pointer cred = library.fido_cred_new();
        if (cred == null) {
            throw FidoException.fromCode(FidoErrorCode.INTERNAL, "fido_cred_new");
        }
        Memory nativePin = pin == null ? null : Pin.toNative(pin);
        try {
            configure(library, cred, request, device.info(), pin != null);
            long start = System.nanoTime();
            int code = library.fido_dev_make_cred(handle, cred, nativePin);
            if (code != FidoErrorCode.SUCCESS) {
                throw device.failure(code, "fido_dev_make_cred", start);
            }
            return new RegistrationResult(library.fido_cred_fmt(cred),
                    NativeData.bytes(library.fido_cred_authdata_raw_ptr(cred),
                            library.fido_cred_authdata_raw_len(cred)),
                    NativeData.bytes(library.fido_cred_attstmt_ptr(cred),
                            library.fido_cred_attstmt_len(cred)),
                    NativeData.bytes(library.fido_cred_id_ptr(cred),
                            library.fido_cred_id_len(cred)),
                    NativeData.bytes(library.fido_cred_pubkey_ptr(cred),
                            library.fido_cred_pubkey_len(cred)),
                    NativeData.bytes(library.fido_cred_aaguid_ptr(cred),
                            library.fido_cred_aaguid_len(cred)),
                    library.fido_cred_flags(cred) & 0xff);
        } finally {
            if (nativePin != null) {
                nativePin.clear();
            }
            library.fido_cred_free(new PointerByReference(cred));
        }
    }

    private static void configure(LibFido2 library, Pointer cred, RegistrationRequest request,
            DeviceInfo info, boolean pinGiven) throws FidoException {
        check(library.fido_cred_set_type(cred, LibFido2.COSE_ES256), "fido_cred_set_type");
        byte[] json = request.clientData.json();
        if (json != null) {
            check(library.fido_cred_set_clientdata(cred, json, json.length),
                    "fido_cred_set_clientdata");
        } else {
            byte[] hash = request.clientData.hash();
            check(library.fido_cred_set_clientdata_hash(cred, hash, hash.length),
                    "fido_cred_set_clientdata_hash");
        }
        check(library.fido_cred_set_rp(cred, request.rpId, request.rpName), "fido_cred_set_rp");
        check(library.fido_cred_set_user(cred, request.userId, request.userId.length,
                request.userName, request.userDisplayName, null), "fido_cred_set_user");
        for (byte[] excluded : request.excludeCredentialIds) {
            check(library.fido_cred_exclude(cred, excluded, excluded.length),
                    "fido_cred_exclude");
        }
        if (request.residentKey) {
            check(library.fido_cred_set_rk(cred, LibFido2.FIDO_OPT_TRUE), "fido_cred_set_rk");
        }
        check(library.fido_cred_set_uv(cred,
                uvOption(request.userVerification, info, pinGiven)), "fido_cred_set_uv");
        if (request.credProtect != RegistrationRequest.CRED_PROTECT_NONE) {
            check(library.fido_cred_set_extensions(cred, LibFido2.FIDO_EXT_CRED_PROTECT),
                    "fido_cred_set_extensions");
            check(library.fido_cred_set_prot(cred, request.credProtect), "fido_cred_set_prot");
        }
    }

    /**
     * Chooses the "uv" option. With a PIN, libfido2 obtains a pinUvAuthToken and leaves
     * "uv" out itself. Without one, "uv" true requests built-in verification, and libfido2
     * fails with FIDO_ERR_PIN_REQUIRED on a CTAP 2.1 key that has none.
     */
    static int uvOption(UserVerificationRequirement requirement, DeviceInfo info,
            boolean pinGiven) {
        if (pinGiven) {
            return LibFido2.FIDO_OPT_OMIT;
        }
        switch (requirement) {
            case REQUIRED:
                return LibFido2.FIDO_OPT_TRUE;
            case PREFERRED:
                return info.builtInUserVerification() ? LibFido2.FIDO_OPT_TRUE
                        : LibFido2.FIDO_OPT_OMIT;
            default:
                return LibFido2.FIDO_OPT_OMIT;
        }
    }

    static void check(int code, String operation) throws FidoException {
        if (code != FidoErrorCode.SUCCESS) {
            throw FidoException.fromCode(code, operation);
        }
    }
}
