package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unknown email costs one password derivation like a wrong password, so response time does
 * not reveal which accounts exist. With 200,000 iterations one derivation took about 70 ms on
 * a 2-core machine, against about 10 ms for a request without one.
 */
class SignInTimingTest {
    private static final int ITERATIONS = 200_000;
    private static final int SAMPLES = 3;

    @TempDir
    Path folder;

    @Test
    void unknownEmailCostsOneDerivation() {
        MutableClock clock = new MutableClock(TestPortal.START);
        PortalConfig config = TestPortal.config(folder.resolve("portal"), clock)
                .withPasswordIterations(ITERATIONS);
        try (PortalServer server = new PortalServer(config).start()) {
            server.administration().addUser("known@example.org", "Dr Known", null, false,
                    TestPortal.PASSWORD);
            ApiClient client = new ApiClient(server.baseUri());

            long wrongPassword = medianMillis(i -> client.postJson("/api/v1/sign-in/password",
                    "{\"email\":\"known@example.org\",\"password\":\"wrong " + i + "\"}"));
            long unknownEmail = medianMillis(i -> client.postJson("/api/v1/sign-in/password",
                    "{\"email\":\"unknown" + i + "@example.org\",\"password\":\"wrong\"}"));

            assertTrue(unknownEmail * 3 > wrongPassword,
                    "unknown email " + unknownEmail + " ms, wrong password " + wrongPassword
                            + " ms");
        }
    }

    private static long medianMillis(IntFunction<ApiResponse> request) {
        long[] samples = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            ApiResponse response = request.apply(i);
            samples[i] = (System.nanoTime() - start) / 1_000_000;
            assertEquals(401, response.status(), response.toString());
        }
        Arrays.sort(samples);
        return samples[SAMPLES / 2];
    }
}
