package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.advapacs.clinician.fido.jna.LibFido2;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the devices libfido2 finds ({@code fido_dev_info_manifest}): USB HID keys and, on
 * Windows with a libfido2 built with Windows Hello support, the Windows Hello entry.
 */
public final class HidDeviceSource implements DeviceSource {

    /** More keys than anyone plugs in at once; libfido2 needs a fixed-size list. */
    private static final int MAX_DEVICES = 64;

    @Override
    public List<DeviceEntry> devices() throws FidoException {
        LibFido2 library = Fido2Library.get();
        Pointer list = library.fido_dev_info_new(MAX_DEVICES);
        if (list == null) {
            throw FidoException.fromCode(FidoErrorCode.INTERNAL, "fido_dev_info_new");
        }
        try {
            LongByReference found = new LongByReference();
            int code = library.fido_dev_info_manifest(list, MAX_DEVICES, found);
            if (code != FidoErrorCode.SUCCESS) {
                throw FidoException.fromCode(code, "fido_dev_info_manifest");
            }
            List<DeviceEntry> entries = new ArrayList<>();
            for (long i = 0; i < found.getValue(); i++) {
                Pointer info = library.fido_dev_info_ptr(list, i);
                entries.add(DeviceEntry.listed(library.fido_dev_info_path(info),
                        library.fido_dev_info_product_string(info),
                        library.fido_dev_info_manufacturer_string(info)));
            }
            return entries;
        } finally {
            library.fido_dev_info_free(new PointerByReference(list), MAX_DEVICES);
        }
    }
}
