package com.advapacs.clinician.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The desktop client and the reference portal meet only over HTTP: no client source file
 * may import the portal backend's classes, and the backend may import only the demo-mode
 * interface and the log set-up that both share.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/com/advapacs/clinician");

    @Test
    void clientNeverImportsBackend() throws IOException {
        assertEquals(List.of(), filesImporting("import com.advapacs.clinician.server",
                path -> !path.startsWith(SOURCES.resolve("server"))));
    }

    @Test
    void backendImportsOnlyItselfDemoAndLogging() throws IOException {
        assertEquals(List.of(), filesImporting("import com.advapacs.clinician.",
                path -> path.startsWith(SOURCES.resolve("server")),
                "import com.advapacs.clinician.server", "import com.advapacs.clinician.demo",
                "import com.advapacs.clinician.logging"));
    }

    private static List<String> filesImporting(String prefix,
            java.util.function.Predicate<Path> inScope, String... allowed) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(inScope)
                    .filter(path -> imports(path, prefix, allowed))
                    .map(Path::toString)
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static boolean imports(Path file, String prefix, String... allowed) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(prefix))
                    .anyMatch(line -> Stream.of(allowed).noneMatch(line::startsWith));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
