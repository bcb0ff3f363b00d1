package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.server.admin.PortalAdministration;
import com.advapacs.clinician.server.totp.TotpGenerator;
import com.advapacs.clinician.server.totp.TotpParameters;
import com.advapacs.clinician.server.totp.TotpSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * A real portal on a free loopback port over an H2 file in a temporary folder, with a clock
 * the test moves. Password hashing uses 1,000 iterations to keep the suite fast.
 */
public final class TestPortal implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-03-02T09:00:10Z");
    public static final String PASSWORD = "correct horse battery";
    public static final int TEST_ITERATIONS = 1_000;

    public final MutableClock clock;
    public final Path databasePath;
    private final UnaryOperator<PortalConfig> customisation;
    private PortalServer server;
    private ApiClient client;

    public TestPortal(Path folder) {
        this(folder.resolve("portal"), new MutableClock(START));
    }

    public TestPortal(Path databasePath, MutableClock clock) {
        this(databasePath, clock, UnaryOperator.identity());
    }

    /** Starts a portal whose settings {@code customisation} changes, e.g. its passkey policy. */
    public TestPortal(Path databasePath, MutableClock clock,
            UnaryOperator<PortalConfig> customisation) {
        this.databasePath = databasePath;
        this.clock = clock;
        this.customisation = customisation;
        start();
    }

    public static PortalConfig config(Path databasePath, MutableClock clock) {
        return PortalConfig.defaults(databasePath).withPort(0).withClock(clock)
                .withPasswordIterations(TEST_ITERATIONS);
    }

    /** Starts the server again on the same database, e.g. after {@link #stop()}. */
    public void start() {
        server = new PortalServer(customisation.apply(config(databasePath, clock))).start();
        client = new ApiClient(server.baseUri());
    }

    public void stop() {
        server.close();
    }

    public ApiClient client() {
        return client;
    }

    /** Returns the origin passkeys must name by default: http://localhost:PORT. */
    public String origin() {
        return "http://localhost:" + server.port();
    }

    public PortalAdministration admin() {
        return server.administration();
    }

    public PortalServer server() {
        return server;
    }

    public long addUser(String email) {
        return admin().addUser(email, "Dr Test User", null, false, PASSWORD);
    }

    public ApiResponse signIn(String email, String password) {
        return client.postJson("/api/v1/sign-in/password",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    /** Signs in with the test password and returns the full session token. */
    public String signInFull(String email) {
        ApiResponse response = signIn(email, PASSWORD);
        assertEquals(200, response.status(), response.toString());
        assertEquals("signed_in", response.json().path("result").asString(), response.body());
        return response.json().path("session").path("token").asString();
    }

    /** Starts an enrolment for the session and returns its JSON body. */
    public JsonNode startEnrolment(String token) {
        ApiResponse response = client.postJson("/api/v1/mfa/totp/enrolments", "{}", token);
        assertEquals(201, response.status(), response.toString());
        return response.json();
    }

    public ApiResponse confirm(String token, String enrolmentId, String code) {
        return client.postJson("/api/v1/mfa/totp/enrolments/" + enrolmentId + "/confirm",
                "{\"code\":\"" + code + "\"}", token);
    }

    /** Enrols and confirms TOTP for the session; returns the base32 secret. */
    public String enrolTotp(String token) {
        JsonNode enrolment = startEnrolment(token);
        String secret = enrolment.path("secret").asString();
        ApiResponse confirmed = confirm(token, enrolment.path("enrolmentId").asString(),
                codeAt(secret, Duration.ZERO));
        assertEquals(200, confirmed.status(), confirmed.toString());
        return secret;
    }

    /** Returns the code for {@code secret} at the clock's time plus {@code offset}. */
    public String codeAt(String secret, Duration offset) {
        return new TotpGenerator(TotpParameters.PORTAL)
                .codeAt(TotpSecret.fromBase32(secret), clock.instant().plus(offset));
    }

    /** Returns a six-digit code that matches no step in the ±1 window of {@code secret}. */
    public String wrongCode(String secret) {
        Set<String> valid = Set.of(codeAt(secret, Duration.ofSeconds(-30)),
                codeAt(secret, Duration.ZERO), codeAt(secret, Duration.ofSeconds(30)));
        for (int candidate = 0; ; candidate += 111_111) {
            String code = String.format("%06d", candidate % 1_000_000);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    /** Moves the clock to the start of the next 30-second TOTP step. */
    public void nextStep() {
        long step = TotpParameters.PORTAL.stepAt(clock.instant());
        clock.set(TotpParameters.PORTAL.startOfStep(step + 1).plusSeconds(1));
    }

    /** Signs in with password and returns the MFA token of the mfa_required result. */
    public String mfaToken(String email) {
        ApiResponse response = signIn(email, PASSWORD);
        assertEquals(200, response.status(), response.toString());
        assertEquals("mfa_required", response.json().path("result").asString(), response.body());
        return response.json().path("mfaToken").asString();
    }

    public ApiResponse signInTotp(String mfaToken, String code) {
        return client.postJson("/api/v1/sign-in/totp",
                "{\"mfaToken\":\"" + mfaToken + "\",\"code\":\"" + code + "\"}");
    }

    @Override
    public void close() {
        server.close();
    }
}
