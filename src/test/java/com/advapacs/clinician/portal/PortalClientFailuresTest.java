package com.advapacs.clinician.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Network and HTTP failures that a real portal cannot be made to produce on demand, each
 * staged by a real HTTP server on loopback, and the message the user gets for each.
 */
class PortalClientFailuresTest {

    private MockWebServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void serverErrorAsksToTryLater() {
        server.enqueue(new MockResponse.Builder().code(503).body("Service Unavailable").build());

        PortalException e = assertThrows(PortalException.class, () -> signIn(client()));

        assertEquals(PortalProblem.SERVER_ERROR, e.problem());
        assertTrue(e.getMessage().contains("503"), e.getMessage());
    }

    @Test
    void htmlPageIsNotAPortal() {
        server.enqueue(new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "text/html").body("<html>Welcome</html>").build());

        PortalException e = assertThrows(PortalException.class, () -> signIn(client()));

        assertEquals(PortalProblem.NOT_A_PORTAL, e.problem());
        assertTrue(e.getMessage().contains("Check the portal address"), e.getMessage());
    }

    @Test
    void unknownJsonErrorCodeIsRejectedRequest() {
        server.enqueue(json(418, "{\"error\":{\"code\":\"teapot\",\"message\":\"No\"}}"));

        PortalException e = assertThrows(PortalException.class, () -> signIn(client()));

        assertEquals(PortalProblem.REJECTED_REQUEST, e.problem());
        assertEquals("teapot", e.serverCode().orElseThrow());
    }

    @Test
    void throttledResponseCarriesWait() {
        server.enqueue(json(429, "{\"error\":{\"code\":\"too_many_attempts\","
                + "\"message\":\"Slow down\",\"retryAfterSeconds\":125}}"));

        PortalException e = assertThrows(PortalException.class, () -> signIn(client()));

        assertEquals(PortalProblem.THROTTLED, e.problem());
        assertEquals(Duration.ofSeconds(125), e.retryAfter().orElseThrow());
        assertEquals("Too many attempts. Wait 3 minutes, then try again.", e.getMessage());
    }

    @Test
    void stalledServerTimesOut() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE).build());
        OkHttpClient http = new OkHttpClient.Builder()
                .readTimeout(Duration.ofMillis(300)).build();

        PortalException e = assertThrows(PortalException.class,
                () -> signIn(new PortalClient(address(), http)));

        assertEquals(PortalProblem.TIMEOUT, e.problem());
        assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PortalClient client = new PortalClient(PortalAddress.parse("http://127.0.0.1:" + port),
                new OkHttpClient());

        PortalException e = assertThrows(PortalException.class, () -> signIn(client));

        assertEquals(PortalProblem.UNREACHABLE, e.problem());
    }

    @Test
    void unknownHostIsNamed() {
        OkHttpClient http = new OkHttpClient.Builder().dns(host -> {
            throw new UnknownHostException(host);
        }).build();
        PortalClient client = new PortalClient(
                PortalAddress.parse("https://portal.hospital.invalid"), http);

        PortalException e = assertThrows(PortalException.class, () -> signIn(client));

        assertEquals(PortalProblem.UNREACHABLE, e.problem());
        assertTrue(e.getMessage().contains("portal.hospital.invalid could not be found"),
                e.getMessage());
    }

    @Test
    void untrustedCertificateIsTlsProblem() throws IOException {
        server.close();
        HeldCertificate certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
                .heldCertificate(certificate).build();
        server = new MockWebServer();
        server.useHttps(serverCertificates.sslSocketFactory());
        server.start(InetAddress.getLoopbackAddress(), 0);
        PortalClient client = new PortalClient(
                PortalAddress.parse("https://localhost:" + server.getPort()), new OkHttpClient());

        PortalException e = assertThrows(PortalException.class, () -> signIn(client));

        assertEquals(PortalProblem.TLS_CERTIFICATE, e.problem());
        assertTrue(e.getMessage().contains("certificate"), e.getMessage());
    }

    @Test
    void configuredAuthorityMakesCertificateTrusted() throws Exception {
        server.close();
        HeldCertificate authority = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName("localhost").signedBy(authority).build();
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder()
                .heldCertificate(certificate, authority.certificate()).build().sslSocketFactory());
        server.start(InetAddress.getLoopbackAddress(), 0);
        PortalAddress address = PortalAddress.parse("https://localhost:" + server.getPort());
        server.enqueue(json(401, "{\"error\":{\"code\":\"invalid_credentials\"}}"));

        PortalException untrusted = assertThrows(PortalException.class,
                () -> signIn(PortalClient.create(address, ConnectionSettings.SYSTEM)));
        PortalException trusted = assertThrows(PortalException.class, () -> signIn(
                PortalClient.create(address, new ConnectionSettings(Proxy.NO_PROXY,
                        List.of(authority.certificate())))));

        assertEquals(PortalProblem.TLS_CERTIFICATE, untrusted.problem());
        assertEquals(PortalProblem.WRONG_CREDENTIALS, trusted.problem());
    }

    @Test
    void proxyThatRefusesTunnelIsProxyProblem() {
        server.enqueue(new MockResponse.Builder().inTunnel().code(403).build());
        OkHttpClient http = new OkHttpClient.Builder()
                .proxy(new Proxy(Proxy.Type.HTTP,
                        new InetSocketAddress(server.getHostName(), server.getPort())))
                .build();
        PortalClient client = new PortalClient(
                PortalAddress.parse("https://portal.hospital.example"), http);

        PortalException e = assertThrows(PortalException.class, () -> signIn(client));

        assertEquals(PortalProblem.PROXY, e.problem());
    }

    @Test
    void messagesNeverContainThePassword() {
        server.enqueue(json(401, "{\"error\":{\"code\":\"invalid_credentials\","
                + "\"message\":\"Wrong email or password.\"}}"));

        PortalException e = assertThrows(PortalException.class, () -> client()
                .signInWithPassword("a@b.example", "hunter2-secret".toCharArray()));

        assertEquals(PortalProblem.WRONG_CREDENTIALS, e.problem());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/json").body(body).build();
    }

    private PortalAddress address() {
        return PortalAddress.parse("http://127.0.0.1:" + server.getPort());
    }

    private PortalClient client() {
        return new PortalClient(address(), new OkHttpClient());
    }

    private static void signIn(PortalClient client) throws PortalException {
        client.signInWithPassword("clinician@hospital.example", "password".toCharArray());
    }
}
