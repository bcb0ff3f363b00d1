package com.advapacs.clinician.fido.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/** Copies libfido2's result buffers into Java values and prepares secret inputs. */
public final class NativeData {

    private NativeData() {
    }

    /** Copies {@code length} bytes at {@code pointer}; a NULL pointer gives an empty array. */
    public static byte[] bytes(Pointer pointer, long length) {
        if (pointer == null || length <= 0) {
            return new byte[0];
        }
        return pointer.getByteArray(0, Math.toIntExact(length));
    }

    /** Reads a {@code char **} array of {@code length} UTF-8 strings (not NULL-terminated). */
    public static List<String> strings(Pointer array, long length) {
        List<String> values = new ArrayList<>();
        if (array == null || length <= 0) {
            return values;
        }
        for (Pointer element : array.getPointerArray(0, Math.toIntExact(length))) {
            values.add(element == null ? "" : element.getString(0, "UTF-8"));
        }
        return values;
    }

    /** Reads a {@code const bool *} array; C {@code bool} is one byte on the platforms JNA maps. */
    public static boolean[] booleans(Pointer array, long length) {
        byte[] raw = bytes(array, length);
        boolean[] values = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) {
            values[i] = raw[i] != 0;
        }
        return values;
    }

    /**
     * Copies UTF-8 bytes into native memory with a terminating NUL, for a PIN parameter.
     * The caller zeroes the result with {@link Memory#clear()} after the call; the input
     * array is left to the caller to wipe.
     */
    public static Memory secretString(byte[] utf8) {
        Memory memory = new Memory(utf8.length + 1L);
        memory.clear();
        memory.write(0, utf8, 0, utf8.length);
        return memory;
    }
}
