package com.advapacs.clinician.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigurationTest {

    @TempDir
    Path directory;

    @Test
    void noFilesMeansNoPresetAndNoProblems() {
        ClientConfiguration configuration = load();

        assertNull(configuration.portalUrl());
        assertFalse(configuration.portalUrlLocked());
        assertTrue(configuration.problems().isEmpty());
    }

    @Test
    void userFileOverridesUnlockedMachineAddress() throws IOException {
        write("machine.properties", "portal.url=https://machine.example\n");
        write("user.properties", "portal.url=https://user.example\n");

        assertEquals("https://user.example", load().portalUrl());
    }

    @Test
    void lockedMachineAddressWins() throws IOException {
        write("machine.properties", "portal.url=https://machine.example\nportal.url.locked=true\n");
        write("user.properties", "portal.url=https://user.example\n");

        ClientConfiguration configuration = load();

        assertEquals("https://machine.example", configuration.portalUrl());
        assertTrue(configuration.portalUrlLocked());
    }

    @Test
    void invalidLockedAddressIsDroppedAndUnlocked() throws IOException {
        write("machine.properties", "# preset by IT\nportal.url=ftp://x\nportal.url.locked=true\n");

        ClientConfiguration configuration = load();

        assertNull(configuration.portalUrl());
        assertFalse(configuration.portalUrlLocked(), "the user can type a working address");
        assertEquals(1, configuration.problems().size());
        String problem = configuration.problems().get(0);
        assertTrue(problem.contains("machine.properties:2"), problem);
        assertTrue(problem.contains("portal.url=ftp://x is not used"), problem);
        assertTrue(problem.contains("https://portal.hospital.example"), problem);
    }

    @Test
    void plainHttpUserAddressNamesSecureOne() throws IOException {
        write("user.properties", "portal.url=http://portal.hospital.example\n");

        ClientConfiguration configuration = load();

        assertNull(configuration.portalUrl());
        String problem = configuration.problems().get(0);
        assertTrue(problem.contains("user.properties:1"), problem);
        assertTrue(problem.contains("Use https://portal.hospital.example"), problem);
    }

    @Test
    void invalidLockValueNamesFileAndFix() throws IOException {
        write("machine.properties", "portal.url=https://machine.example\nportal.url.locked=maybe\n");

        ClientConfiguration configuration = load();

        assertFalse(configuration.portalUrlLocked());
        assertEquals(1, configuration.problems().size());
        String problem = configuration.problems().get(0);
        assertTrue(problem.contains("machine.properties"), problem);
        assertTrue(problem.contains("portal.url.locked=maybe"), problem);
        assertTrue(problem.contains("portal.url.locked=true"), problem);
    }

    @Test
    void lockWithoutAddressIsIgnored() throws IOException {
        write("machine.properties", "portal.url.locked=true\n");

        ClientConfiguration configuration = load();

        assertFalse(configuration.portalUrlLocked());
        assertEquals(1, configuration.problems().size());
    }

    @Test
    void unreadableFileIsReportedAndIgnored() throws IOException {
        Files.write(directory.resolve("machine.properties"), new byte[] {'a', '=', '\\', 'u',
                'z', 'z'});

        ClientConfiguration configuration = load();

        assertNull(configuration.portalUrl());
        assertEquals(1, configuration.problems().size());
    }

    @Test
    void rememberedAddressIsReadBack() {
        AppDirectories directories = new AppDirectories(directory, directory.resolve("config"),
                directory, directory.resolve("machine"));

        ClientConfiguration.rememberPortalUrl(directories, "https://remembered.example");

        assertEquals("https://remembered.example",
                ClientConfiguration.load(directories).portalUrl());
    }

    @Test
    void proxyDefaultsToSystem() {
        assertNull(load().connection().proxy());
    }

    @Test
    void proxyNoneAndHostPort() throws IOException {
        write("machine.properties", "proxy=proxy.hospital.example:3128\n");
        Proxy proxy = load().connection().proxy();
        assertEquals(Proxy.Type.HTTP, proxy.type());
        assertEquals("proxy.hospital.example:3128", proxy.address().toString()
                .replace("/<unresolved>", ""));

        write("user.properties", "proxy=none\n");
        assertEquals(Proxy.NO_PROXY, load().connection().proxy());
    }

    @Test
    void invalidProxyNamesFileAndLine() throws IOException {
        write("machine.properties", "# comment\nportal.url=https://a.example\nproxy=nonsense\n");

        ClientConfiguration configuration = load();

        assertNull(configuration.connection().proxy());
        String problem = configuration.problems().get(0);
        assertTrue(problem.contains("machine.properties:3"), problem);
        assertTrue(problem.contains("proxy=proxy.hospital.example:8080"), problem);
    }

    @Test
    void extraAuthoritiesAreRead() throws IOException {
        HeldCertificate authority = new HeldCertificate.Builder().certificateAuthority(0).build();
        Files.writeString(directory.resolve("hospital-ca.pem"), authority.certificatePem());
        write("machine.properties", "tls.extraCaCertificates=" + directory.resolve("hospital-ca.pem")
                + ", " + directory.resolve("missing.pem") + "\n");

        ClientConfiguration configuration = load();

        assertEquals(1, configuration.connection().extraAuthorities().size());
        assertEquals(1, configuration.problems().size());
        String problem = configuration.problems().get(0);
        assertTrue(problem.contains("machine.properties:1"), problem);
        assertTrue(problem.contains("missing.pem"), problem);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(directory.resolve(name), content);
    }

    private ClientConfiguration load() {
        return ClientConfiguration.load(directory.resolve("machine.properties"),
                directory.resolve("user.properties"));
    }
}
