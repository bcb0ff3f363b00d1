package com.advapacs.clinician.fido.jna;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * JNA mapping of the libfido2 1.12 calls that a WebAuthn client needs, declared as in
 * {@code fido.h}. Obtain the instance through {@link LibFido2Loader#load()}.
 *
 * <p>Type mapping (64-bit platforms only): {@code size_t} is {@code long}, C {@code bool}
 * is {@code byte} (non-zero is true), {@code const char *} results are {@code String}
 * (decoded as UTF-8 because the loader sets {@code OPTION_STRING_ENCODING}),
 * {@code unsigned char *} results are {@code Pointer} to be read with their length, and the
 * {@code *_free(T **)} calls take a {@link PointerByReference}. A PIN parameter is a
 * {@code Pointer} to NUL-terminated UTF-8 in native memory, so the caller can zero it.
 */
public interface LibFido2 extends Library {

    /** {@code fido_opt_t}: leave the option out of the request. */
    int FIDO_OPT_OMIT = 0;
    /** {@code fido_opt_t}: send the option as false. */
    int FIDO_OPT_FALSE = 1;
    /** {@code fido_opt_t}: send the option as true. */
    int FIDO_OPT_TRUE = 2;

    /** COSE algorithm identifier of ECDSA with P-256 and SHA-256. */
    int COSE_ES256 = -7;
    /** {@code FIDO_EXT_CRED_PROTECT} for {@code fido_cred_set_extensions}. */
    int FIDO_EXT_CRED_PROTECT = 0x02;
    /** {@code FIDO_DISABLE_U2F_FALLBACK} for {@code fido_init}. */
    int FIDO_DISABLE_U2F_FALLBACK = 0x02;

    void fido_init(int flags);

    String fido_strerr(int code);

    // Device discovery (fido_dev_info_manifest(3)).

    Pointer fido_dev_info_new(long count);

    void fido_dev_info_free(PointerByReference devlist, long count);

    int fido_dev_info_manifest(Pointer devlist, long capacity, LongByReference found);

    Pointer fido_dev_info_ptr(Pointer devlist, long index);

    String fido_dev_info_path(Pointer info);

    String fido_dev_info_product_string(Pointer info);

    String fido_dev_info_manufacturer_string(Pointer info);

    short fido_dev_info_vendor(Pointer info);

    short fido_dev_info_product(Pointer info);

    // Devices (fido_dev_open(3), fido_dev_set_io_functions(3)).

    Pointer fido_dev_new();

    Pointer fido_dev_new_with_info(Pointer info);

    int fido_dev_open(Pointer dev, String path);

    int fido_dev_open_with_info(Pointer dev);

    int fido_dev_close(Pointer dev);

    void fido_dev_free(PointerByReference dev);

    int fido_dev_cancel(Pointer dev);

    int fido_dev_set_timeout(Pointer dev, int ms);

    int fido_dev_set_io_functions(Pointer dev, FidoDevIo io);

    int fido_dev_set_transport_functions(Pointer dev, FidoDevTransport transport);

    Pointer fido_dev_io_handle(Pointer dev);

    byte fido_dev_is_fido2(Pointer dev);

    byte fido_dev_is_winhello(Pointer dev);

    byte fido_dev_has_pin(Pointer dev);

    byte fido_dev_has_uv(Pointer dev);

    byte fido_dev_supports_pin(Pointer dev);

    byte fido_dev_supports_uv(Pointer dev);

    byte fido_dev_supports_credman(Pointer dev);

    byte fido_dev_supports_cred_prot(Pointer dev);

    byte fido_dev_supports_permissions(Pointer dev);

    byte fido_dev_protocol(Pointer dev);

    byte fido_dev_major(Pointer dev);

    byte fido_dev_minor(Pointer dev);

    byte fido_dev_build(Pointer dev);

    byte fido_dev_flags(Pointer dev);

    int fido_dev_get_retry_count(Pointer dev, IntByReference retries);

    int fido_dev_get_uv_retry_count(Pointer dev, IntByReference retries);

    int fido_dev_set_pin(Pointer dev, Pointer pin, Pointer oldPin);

    int fido_dev_reset(Pointer dev);

    int fido_dev_get_touch_begin(Pointer dev);

    int fido_dev_get_touch_status(Pointer dev, IntByReference touched, int ms);

    // authenticatorGetInfo (fido_cbor_info_new(3)).

    Pointer fido_cbor_info_new();

    void fido_cbor_info_free(PointerByReference info);

    int fido_dev_get_cbor_info(Pointer dev, Pointer info);

    Pointer fido_cbor_info_aaguid_ptr(Pointer info);

    long fido_cbor_info_aaguid_len(Pointer info);

    Pointer fido_cbor_info_versions_ptr(Pointer info);

    long fido_cbor_info_versions_len(Pointer info);

    Pointer fido_cbor_info_extensions_ptr(Pointer info);

    long fido_cbor_info_extensions_len(Pointer info);

    Pointer fido_cbor_info_transports_ptr(Pointer info);

    long fido_cbor_info_transports_len(Pointer info);

    Pointer fido_cbor_info_options_name_ptr(Pointer info);

    Pointer fido_cbor_info_options_value_ptr(Pointer info);

    long fido_cbor_info_options_len(Pointer info);

    Pointer fido_cbor_info_protocols_ptr(Pointer info);

    long fido_cbor_info_protocols_len(Pointer info);

    long fido_cbor_info_algorithm_count(Pointer info);

    int fido_cbor_info_algorithm_cose(Pointer info, long index);

    long fido_cbor_info_maxmsgsiz(Pointer info);

    long fido_cbor_info_maxcredcntlst(Pointer info);

    long fido_cbor_info_maxcredidlen(Pointer info);

    long fido_cbor_info_fwversion(Pointer info);

    long fido_cbor_info_minpinlen(Pointer info);

    long fido_cbor_info_rk_remaining(Pointer info);

    byte fido_cbor_info_new_pin_required(Pointer info);

    // authenticatorMakeCredential (fido_cred_new(3), fido_dev_make_cred(3)).

    Pointer fido_cred_new();

    void fido_cred_free(PointerByReference cred);

    int fido_cred_set_type(Pointer cred, int coseAlgorithm);

    int fido_cred_set_clientdata(Pointer cred, byte[] clientData, long length);

    int fido_cred_set_clientdata_hash(Pointer cred, byte[] hash, long length);

    int fido_cred_set_rp(Pointer cred, String id, String name);

    int fido_cred_set_user(Pointer cred, byte[] userId, long userIdLength, String name,
            String displayName, String icon);

    int fido_cred_set_rk(Pointer cred, int option);

    int fido_cred_set_uv(Pointer cred, int option);

    int fido_cred_set_extensions(Pointer cred, int extensions);

    int fido_cred_set_prot(Pointer cred, int protection);

    int fido_cred_exclude(Pointer cred, byte[] credentialId, long length);

    int fido_dev_make_cred(Pointer dev, Pointer cred, Pointer pin);

    String fido_cred_fmt(Pointer cred);

    Pointer fido_cred_authdata_raw_ptr(Pointer cred);

    long fido_cred_authdata_raw_len(Pointer cred);

    Pointer fido_cred_attstmt_ptr(Pointer cred);

    long fido_cred_attstmt_len(Pointer cred);

    Pointer fido_cred_id_ptr(Pointer cred);

    long fido_cred_id_len(Pointer cred);

    Pointer fido_cred_aaguid_ptr(Pointer cred);

    long fido_cred_aaguid_len(Pointer cred);

    Pointer fido_cred_pubkey_ptr(Pointer cred);

    long fido_cred_pubkey_len(Pointer cred);

    Pointer fido_cred_sig_ptr(Pointer cred);

    long fido_cred_sig_len(Pointer cred);

    Pointer fido_cred_x5c_ptr(Pointer cred);

    long fido_cred_x5c_len(Pointer cred);

    byte fido_cred_flags(Pointer cred);

    int fido_cred_sigcount(Pointer cred);

    int fido_cred_prot(Pointer cred);

    // authenticatorGetAssertion (fido_assert_new(3), fido_dev_get_assert(3)).

    Pointer fido_assert_new();

    void fido_assert_free(PointerByReference assertion);

    int fido_assert_set_rp(Pointer assertion, String rpId);

    int fido_assert_set_clientdata(Pointer assertion, byte[] clientData, long length);

    int fido_assert_set_clientdata_hash(Pointer assertion, byte[] hash, long length);

    int fido_assert_allow_cred(Pointer assertion, byte[] credentialId, long length);

    int fido_assert_set_up(Pointer assertion, int option);

    int fido_assert_set_uv(Pointer assertion, int option);

    int fido_dev_get_assert(Pointer dev, Pointer assertion, Pointer pin);

    long fido_assert_count(Pointer assertion);

    /** Returns the authenticator data wrapped in a CBOR byte string (libfido2 1.12). */
    Pointer fido_assert_authdata_ptr(Pointer assertion, long index);

    long fido_assert_authdata_len(Pointer assertion, long index);

    Pointer fido_assert_sig_ptr(Pointer assertion, long index);

    long fido_assert_sig_len(Pointer assertion, long index);

    Pointer fido_assert_id_ptr(Pointer assertion, long index);

    long fido_assert_id_len(Pointer assertion, long index);

    Pointer fido_assert_user_id_ptr(Pointer assertion, long index);

    long fido_assert_user_id_len(Pointer assertion, long index);

    String fido_assert_user_name(Pointer assertion, long index);

    String fido_assert_user_display_name(Pointer assertion, long index);

    byte fido_assert_flags(Pointer assertion, long index);

    int fido_assert_sigcount(Pointer assertion, long index);
}
