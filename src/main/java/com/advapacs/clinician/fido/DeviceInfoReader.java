package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.advapacs.clinician.fido.jna.LibFido2;
import com.advapacs.clinician.fido.jna.NativeData;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads authenticatorGetInfo through {@code fido_dev_get_cbor_info}. */
final class DeviceInfoReader {

    private DeviceInfoReader() {
    }

    static DeviceInfo read(LibFido2 library, Pointer device, DeviceEntry entry)
            throws FidoException {
        if (library.fido_dev_is_fido2(device) == 0) {
            return new DeviceInfo(entry, false, List.of("U2F_V2"), List.of(), List.of(),
                    Map.of(), Optional.empty(), 0, DeviceInfo.DEFAULT_MIN_PIN_LENGTH,
                    List.of(), 0, -1);
        }
        Pointer info = library.fido_cbor_info_new();
        try {
            int code = library.fido_dev_get_cbor_info(device, info);
            if (code != FidoErrorCode.SUCCESS) {
                throw FidoException.fromCode(code, "fido_dev_get_cbor_info");
            }
            return new DeviceInfo(entry, true,
                    NativeData.strings(library.fido_cbor_info_versions_ptr(info),
                            library.fido_cbor_info_versions_len(info)),
                    NativeData.strings(library.fido_cbor_info_extensions_ptr(info),
                            library.fido_cbor_info_extensions_len(info)),
                    NativeData.strings(library.fido_cbor_info_transports_ptr(info),
                            library.fido_cbor_info_transports_len(info)),
                    options(library, info), aaguid(library, info),
                    library.fido_cbor_info_fwversion(info), minPinLength(library, info),
                    protocols(library, info), library.fido_cbor_info_maxcredcntlst(info),
                    library.fido_cbor_info_rk_remaining(info));
        } finally {
            library.fido_cbor_info_free(new PointerByReference(info));
        }
    }

    private static Map<String, Boolean> options(LibFido2 library, Pointer info) {
        long count = library.fido_cbor_info_options_len(info);
        List<String> names = NativeData.strings(
                library.fido_cbor_info_options_name_ptr(info), count);
        boolean[] values = NativeData.booleans(
                library.fido_cbor_info_options_value_ptr(info), count);
        Map<String, Boolean> options = new LinkedHashMap<>();
        for (int i = 0; i < names.size() && i < values.length; i++) {
            options.put(names.get(i), values[i]);
        }
        return options;
    }

    private static Optional<UUID> aaguid(LibFido2 library, Pointer info) {
        byte[] raw = NativeData.bytes(library.fido_cbor_info_aaguid_ptr(info),
                library.fido_cbor_info_aaguid_len(info));
        if (raw.length != 16) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    private static int minPinLength(LibFido2 library, Pointer info) {
        long reported = library.fido_cbor_info_minpinlen(info);
        return reported > 0 ? (int) reported : DeviceInfo.DEFAULT_MIN_PIN_LENGTH;
    }

    private static List<Integer> protocols(LibFido2 library, Pointer info) {
        byte[] raw = NativeData.bytes(library.fido_cbor_info_protocols_ptr(info),
                library.fido_cbor_info_protocols_len(info));
        List<Integer> protocols = new ArrayList<>();
        for (byte protocol : raw) {
            protocols.add(protocol & 0xff);
        }
        return protocols;
    }
}
