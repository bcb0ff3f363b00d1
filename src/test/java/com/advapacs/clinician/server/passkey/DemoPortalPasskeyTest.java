package com.advapacs.clinician.server.passkey;

import static com.advapacs.clinician.server.passkey.PasskeyRegistrationTest.YUBIKEY_5_NFC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.server.ApiClient;
import com.advapacs.clinician.server.ApiResponse;
import com.advapacs.clinician.server.DemoPortal;
import com.advapacs.clinician.server.MutableClock;
import com.advapacs.clinician.server.TestPortal;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DemoPortalPasskeyTest {
    @TempDir
    Path dataDirectory;

    @Test
    void demoPortalUsesLocalhostOrigin() {
        MutableClock clock = new MutableClock(TestPortal.START);
        PasskeySettings elsewhere = new PasskeySettings("example.org",
                "https://portal.example.org", UserVerification.PREFERRED,
                AttestationPreference.NONE);
        try (DemoPortal portal = new DemoPortal(TestPortal.config(Path.of("unused"), clock)
                .withPasskeys(elsewhere))) {
            URI base = portal.start(dataDirectory);
            ApiClient client = new ApiClient(base);
            String token = client.postJson("/api/v1/sign-in/password", "{\"email\":\""
                    + portal.demoEmail() + "\",\"password\":\"" + portal.demoPassword() + "\"}")
                    .json().path("session").path("token").asString();

            ApiResponse started = client.postJson(PasskeyApi.REGISTRATIONS, "{}", token);
            JsonNode options = started.json().path("publicKey");
            assertEquals("localhost", options.path("rp").path("id").asString());

            SoftwareAuthenticator key = SoftwareAuthenticator.es256(YUBIKEY_5_NFC);
            String origin = "http://localhost:" + base.getPort();
            ApiResponse finished = client.postJson(PasskeyApi.REGISTRATIONS + "/"
                    + started.json().path("registrationId").asString() + "/finish",
                    "{\"credential\":" + key.register(options, origin) + "}", token);
            assertEquals(201, finished.status(), finished.toString());
        }
    }
}
