package com.advapacs.clinician.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Moves the native libraries out of the JavaFX and JNA jars for the installer, and writes
 * the jars of the installer with their entries stored uncompressed.
 *
 * <p>JavaFX 21's {@code NativeLibLoader} first looks for its libraries in the folder of the
 * javafx-graphics jar on Linux and macOS ({@code ../bin} from it on Windows). Next it unpacks
 * them from the jar into {@code ~/.openjfx/cache}, at each start, and last it searches
 * {@code java.library.path}, which the Windows launcher sets to the jars' folder. JNA loads
 * its {@code jnidispatch} library from {@code jna.boot.library.path} when set. Unpacking both
 * beside the jars, and dropping them from the jars, saves that work and the space of a second
 * copy.
 *
 * <p>The installers compress their whole content. xz level 6 over the app's jars with stored
 * entries came to less than half of xz over the same jars deflated: 6.8 MB against 14.5 MB
 * for the JavaFX 21.0.11, Jackson 3.3, OkHttp 5.5 and Kotlin jars.
 */
public final class JarNatives {

    private static final List<String> NATIVE_SUFFIXES =
            List.of(".so", ".dll", ".dylib", ".jnilib", ".a");

    private JarNatives() {
    }

    /**
     * Copies {@code jar} to {@code jarOut} without native libraries, its entries stored, and
     * unpacks those that this platform loads into {@code nativeOut}: JavaFX's, at the jar's
     * root, and JNA's in {@code com/sun/jna/JNA_PLATFORM/}. Returns the names of the unpacked
     * files.
     */
    public static List<String> split(Path jar, Path jarOut, Path nativeOut, String jnaPlatform)
            throws IOException {
        Files.createDirectories(nativeOut);
        List<String> unpacked = new ArrayList<>();
        String jnaFolder = "com/sun/jna/" + jnaPlatform + "/";
        copy(jar, jarOut, true, entry -> !isNative(entry.getName()), (zip, entry) -> {
            String name = entry.getName();
            boolean atRoot = !name.contains("/");
            boolean jnaForThisPlatform = name.startsWith(jnaFolder)
                    && name.indexOf('/', jnaFolder.length()) < 0;
            if (isNative(name) && (atRoot || jnaForThisPlatform)) {
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, nativeOut.resolve(fileName),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                unpacked.add(fileName);
            }
        });
        return unpacked;
    }

    /**
     * Copies {@code jar} without its {@code module-info.class} files, so that jdeps analyses
     * a modular jar on the class path, as the app runs it, instead of resolving its module.
     */
    public static void copyWithoutModuleInfo(Path jar, Path jarOut) throws IOException {
        copy(jar, jarOut, false, entry -> !entry.getName().endsWith("module-info.class"),
                (zip, entry) -> { });
    }

    /** Copies {@code jar} to {@code jarOut} with every entry stored uncompressed. */
    public static void store(Path jar, Path jarOut) throws IOException {
        copy(jar, jarOut, true, entry -> true, (zip, entry) -> { });
    }

    static boolean isNative(String entryName) {
        String name = entryName.toLowerCase(Locale.ROOT);
        return !name.endsWith("/") && NATIVE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** Visits an entry of the source jar; may read it from the open zip file. */
    private interface EntryVisitor {
        void visit(ZipFile zip, ZipEntry entry) throws IOException;
    }

    private static void copy(Path jar, Path jarOut, boolean stored, Predicate<ZipEntry> keep,
            EntryVisitor visitor) throws IOException {
        Files.createDirectories(jarOut.toAbsolutePath().getParent());
        try (ZipFile zip = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(jarOut);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                visitor.visit(zip, entry);
                if (!keep.test(entry)) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                if (stored) {
                    // A stored entry needs its size and CRC before its content.
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCompressedSize(content.length);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
    }

    /**
     * Command line for {@code scripts/packaging-steps.sh}:
     * {@code split JNA_PLATFORM JAR_OUT_DIR NATIVE_OUT_DIR JAR...},
     * {@code store JAR_OUT_DIR JAR...} or {@code plain JAR_OUT_DIR JAR...}. Output jars keep
     * their file names.
     */
    public static void main(String[] args) throws IOException {
        if (args.length >= 4 && args[0].equals("split")) {
            Path jarOut = Path.of(args[2]);
            Path nativeOut = Path.of(args[3]);
            for (int i = 4; i < args.length; i++) {
                Path jar = Path.of(args[i]);
                List<String> unpacked = split(jar, jarOut.resolve(jar.getFileName()), nativeOut,
                        args[1]);
                if (!unpacked.isEmpty()) {
                    System.out.println(jar.getFileName() + ": " + String.join(" ", unpacked));
                }
            }
        } else if (args.length >= 2 && (args[0].equals("plain") || args[0].equals("store"))) {
            Path jarOut = Path.of(args[1]);
            boolean plain = args[0].equals("plain");
            List.of(args).subList(2, args.length).forEach(name -> {
                Path jar = Path.of(name);
                try {
                    if (plain) {
                        copyWithoutModuleInfo(jar, jarOut.resolve(jar.getFileName()));
                    } else {
                        store(jar, jarOut.resolve(jar.getFileName()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } else {
            System.err.println("Usage: JarNatives split JNA_PLATFORM JAR_OUT_DIR NATIVE_OUT_DIR "
                    + "JAR... | store JAR_OUT_DIR JAR... | plain JAR_OUT_DIR JAR...");
            System.exit(2);
        }
    }
}
