package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.advapacs.clinician.fido.jna.LibFido2;
import com.advapacs.clinician.fido.jna.NativeData;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;

/** Runs authenticatorGetAssertion on a key ({@code fido_dev_get_assert}). */
public final class AssertionCeremony {

    private AssertionCeremony() {
    }

    /**
     * Returns the key's assertions: one for an allow list, one per account for a
     * discoverable request with several accounts on the key, for the user to choose.
     *
     * @param pin the key's PIN, or null to send none; wiped before this returns
     */
    public static List<AssertionResult> getAssertion(FidoDevice device,
            AssertionRequest request, char[] pin) throws FidoException {
        try {
            RegistrationCeremony.requireFido2(device);
            return device.call((library, handle) -> run(device, library, handle, request,
                    pin));
        } finally {
            Pin.wipe(pin);
        }
    }

    private static List<AssertionResult> run(FidoDevice device, LibFido2 library,
            Pointer handle, AssertionRequest request, char[] pin) throws FidoException {
        Pointer assertion = library.fido_assert_new();
        if (assertion == null) {
            throw FidoException.fromCode(FidoErrorCode.INTERNAL, "fido_assert_new");
        }
        Memory nativePin = pin == null ? null : Pin.toNative(pin);
        try {
            configure(library, assertion, request, device.info(), pin != null);
            long start = System.nanoTime();
            int code = library.fido_dev_get_assert(handle, assertion, nativePin);
            if (code != FidoErrorCode.SUCCESS) {
                throw device.failure(code, "fido_dev_get_assert", start);
            }
            List<AssertionResult> results = new ArrayList<>();
            for (long i = 0; i < library.fido_assert_count(assertion); i++) {
                results.add(read(library, assertion, i));
            }
            return results;
        } finally {
            if (nativePin != null) {
                nativePin.clear();
            }
            library.fido_assert_free(new PointerByReference(assertion));
        }
    }

    private static void configure(LibFido2 library, Pointer assertion,
            AssertionRequest request, DeviceInfo info, boolean pinGiven) throws FidoException {
        RegistrationCeremony.check(library.fido_assert_set_rp(assertion, request.rpId),
                "fido_assert_set_rp");
        byte[] json = request.clientData.json();
        if (json != null) {
            RegistrationCeremony.check(
                    library.fido_assert_set_clientdata(assertion, json, json.length),
                    "fido_assert_set_clientdata");
        } else {
            byte[] hash = request.clientData.hash();
            RegistrationCeremony.check(
                    library.fido_assert_set_clientdata_hash(assertion, hash, hash.length),
                    "fido_assert_set_clientdata_hash");
        }
        for (byte[] id : request.allowCredentialIds) {
            RegistrationCeremony.check(library.fido_assert_allow_cred(assertion, id, id.length),
                    "fido_assert_allow_cred");
        }
        RegistrationCeremony.check(library.fido_assert_set_up(assertion,
                request.userPresence ? LibFido2.FIDO_OPT_TRUE : LibFido2.FIDO_OPT_FALSE),
                "fido_assert_set_up");
        RegistrationCeremony.check(library.fido_assert_set_uv(assertion,
                RegistrationCeremony.uvOption(request.userVerification, info, pinGiven)),
                "fido_assert_set_uv");
    }

    private static AssertionResult read(LibFido2 library, Pointer assertion, long index)
            throws FidoException {
        byte[] wrapped = NativeData.bytes(library.fido_assert_authdata_ptr(assertion, index),
                library.fido_assert_authdata_len(assertion, index));
        return new AssertionResult(
                NativeData.bytes(library.fido_assert_id_ptr(assertion, index),
                        library.fido_assert_id_len(assertion, index)),
                CborByteString.unwrap(wrapped),
                NativeData.bytes(library.fido_assert_sig_ptr(assertion, index),
                        library.fido_assert_sig_len(assertion, index)),
                NativeData.bytes(library.fido_assert_user_id_ptr(assertion, index),
                        library.fido_assert_user_id_len(assertion, index)),
                library.fido_assert_user_name(assertion, index),
                library.fido_assert_user_display_name(assertion, index),
                library.fido_assert_flags(assertion, index) & 0xff,
                Integer.toUnsignedLong(library.fido_assert_sigcount(assertion, index)));
    }
}
