package com.advapacs.clinician.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting jars laid out like JavaFX's and JNA's into class jars and native libraries. */
class JarNativesTest {

    @TempDir
    Path temp;

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Set<String> names(Path jar) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(names::add);
        }
        return names;
    }

    @Test
    void javafxLibrariesMoveBesideJar() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        entries.put("com/sun/glass/ui/Application.class", "class bytes");
        entries.put("libglass.so", "glass library");
        entries.put("libprism_es2.so", "prism library");
        entries.put("javafx.properties", "javafx.version=21");
        Path source = jar("javafx-graphics-21-linux.jar", entries);

        List<String> unpacked = JarNatives.split(source, temp.resolve("out/graphics.jar"),
                temp.resolve("natives"), "linux-x86-64");

        assertEquals(List.of("libglass.so", "libprism_es2.so"), unpacked);
        assertEquals("glass library",
                Files.readString(temp.resolve("natives/libglass.so")));
        assertEquals(Set.of("META-INF/MANIFEST.MF", "com/sun/glass/ui/Application.class",
                "javafx.properties"), names(temp.resolve("out/graphics.jar")));
    }

    @Test
    void jnaKeepsOnlyThisPlatform() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("com/sun/jna/Native.class", "class bytes");
        entries.put("com/sun/jna/linux-x86-64/libjnidispatch.so", "linux x86-64");
        entries.put("com/sun/jna/linux-aarch64/libjnidispatch.so", "linux aarch64");
        entries.put("com/sun/jna/win32-x86-64/jnidispatch.dll", "windows");
        entries.put("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib", "mac");
        Path source = jar("jna.jar", entries);

        List<String> unpacked = JarNatives.split(source, temp.resolve("out/jna.jar"),
                temp.resolve("natives"), "linux-x86-64");

        assertEquals(List.of("libjnidispatch.so"), unpacked);
        assertEquals("linux x86-64",
                Files.readString(temp.resolve("natives/libjnidispatch.so")));
        assertEquals(Set.of("com/sun/jna/Native.class"), names(temp.resolve("out/jna.jar")));
    }

    @Test
    void moduleInfoIsDropped() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("module-info.class", "module");
        entries.put("META-INF/versions/9/module-info.class", "module");
        entries.put("okhttp3/OkHttpClient.class", "class bytes");
        Path source = jar("okhttp.jar", entries);

        JarNatives.copyWithoutModuleInfo(source, temp.resolve("plain/okhttp.jar"));

        assertEquals(Set.of("okhttp3/OkHttpClient.class"),
                names(temp.resolve("plain/okhttp.jar")));
    }

    @Test
    void copiedEntriesKeepContent() throws IOException {
        Path source = jar("app.jar", Map.of("a/B.class", "exact bytes"));

        JarNatives.split(source, temp.resolve("out/app.jar"), temp.resolve("natives"),
                "linux-x86-64");

        try (ZipFile zip = new ZipFile(temp.resolve("out/app.jar").toFile())) {
            byte[] content = zip.getInputStream(zip.getEntry("a/B.class")).readAllBytes();
            assertArrayEquals("exact bytes".getBytes(StandardCharsets.UTF_8), content);
        }
    }

    @Test
    void storeKeepsEntriesUncompressed() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        entries.put("tools/jackson/Json.class", "class bytes ".repeat(100));
        entries.put("empty/", "");
        Path source = jar("jackson.jar", entries);

        JarNatives.store(source, temp.resolve("out/jackson.jar"));

        try (ZipFile zip = new ZipFile(temp.resolve("out/jackson.jar").toFile())) {
            assertEquals(List.of("META-INF/MANIFEST.MF", "tools/jackson/Json.class", "empty/"),
                    zip.stream().map(ZipEntry::getName).toList(), "same entries, same order");
            ZipEntry entry = zip.getEntry("tools/jackson/Json.class");
            assertEquals(ZipEntry.STORED, entry.getMethod());
            assertEquals(entry.getSize(), entry.getCompressedSize());
            assertArrayEquals(("class bytes ".repeat(100)).getBytes(StandardCharsets.UTF_8),
                    zip.getInputStream(entry).readAllBytes());
        }
    }

    @Test
    void splitJarsAreStored() throws IOException {
        Path source = jar("javafx-base-21-linux.jar", Map.of("javafx/Base.class", "bytes"));

        JarNatives.split(source, temp.resolve("out/base.jar"), temp.resolve("natives"),
                "linux-x86-64");

        try (ZipFile zip = new ZipFile(temp.resolve("out/base.jar").toFile())) {
            assertEquals(ZipEntry.STORED, zip.getEntry("javafx/Base.class").getMethod());
        }
    }

    @Test
    void nativeNamesAreRecognised() {
        assertTrue(JarNatives.isNative("libjfxwebkit.so"));
        assertTrue(JarNatives.isNative("glass.dll"));
        assertTrue(JarNatives.isNative("libglass.dylib"));
        assertTrue(JarNatives.isNative("com/sun/jna/aix-ppc/libjnidispatch.a"));
        assertFalse(JarNatives.isNative("com/example/Some.class"));
        assertFalse(JarNatives.isNative("META-INF/some.so/"));
    }
}
