package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.demo.EmbeddedPortal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPortalTest {
    @TempDir
    Path dataDirectory;

    @Test
    void serviceLoaderFindsDemoPortalWithProductionSettings() {
        EmbeddedPortal portal = EmbeddedPortal.load().orElseThrow();
        assertInstanceOf(DemoPortal.class, portal);
        try (portal) {
            URI base = portal.start(dataDirectory);
            ApiResponse response = signIn(base, portal.demoEmail(), portal.demoPassword());
            assertEquals("signed_in", response.json().path("result").asString(),
                    response.toString());
        }
    }

    @Test
    void seedsDemoAccountsOnLocalhost() {
        MutableClock clock = new MutableClock(TestPortal.START);
        try (DemoPortal portal = new DemoPortal(TestPortal.config(Path.of("unused"), clock))) {
            URI base = portal.start(dataDirectory);

            assertEquals("http", base.getScheme());
            assertEquals("localhost", base.getHost());
            assertTrue(base.getPort() > 0);
            assertEquals("demo.clinician@advapacs.example", portal.demoEmail());
            assertEquals("demo-clinician-2026", portal.demoPassword());
            assertTrue(Files.exists(dataDirectory.resolve("demo-portal.mv.db")));

            ApiResponse clinician = signIn(base, portal.demoEmail(), portal.demoPassword());
            assertEquals("Dr Demo Clinician",
                    clinician.json().path("user").path("displayName").asString());
            String token = clinician.json().path("session").path("token").asString();
            String page = new ApiClient(base).get("/clinician", token).body();
            for (String modality : new String[] {"CT", "MR", "XR", "US"}) {
                assertTrue(page.contains(">" + modality + "<"), modality);
            }
            assertEquals(6, count(page, "<tr><td>"));

            ApiResponse policy = signIn(base, "enrol.required@advapacs.example",
                    portal.demoPassword());
            assertEquals("enrolment_required", policy.json().path("result").asString());
            ApiResponse me = new ApiClient(base).get("/api/v1/me",
                    policy.json().path("session").path("token").asString());
            assertEquals("St Example Hospital", me.json().path("organisation").asString());
            assertEquals("Dr Policy Example", me.json().path("displayName").asString());
        }
    }

    @Test
    void restartKeepsDataWithoutDuplicates() {
        MutableClock clock = new MutableClock(TestPortal.START);
        DemoPortal portal = new DemoPortal(TestPortal.config(Path.of("unused"), clock));
        portal.start(dataDirectory);
        portal.close();
        URI base = portal.start(dataDirectory);
        try (portal) {
            ApiResponse clinician = signIn(base, portal.demoEmail(), portal.demoPassword());
            String token = clinician.json().path("session").path("token").asString();
            assertEquals(6, count(new ApiClient(base).get("/clinician", token).body(),
                    "<tr><td>"));
            assertThrows(IllegalStateException.class, () -> portal.start(dataDirectory));
        }
    }

    private static ApiResponse signIn(URI base, String email, String password) {
        return new ApiClient(base).postJson("/api/v1/sign-in/password",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
