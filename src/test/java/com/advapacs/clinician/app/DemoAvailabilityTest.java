package com.advapacs.clinician.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.demo.EmbeddedPortal;
import com.advapacs.clinician.i18n.Messages;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** Demo mode needs the embedded portal, which the build tree has and the installers lack. */
class DemoAvailabilityTest {

    @Test
    void portalFoundOnBuildClassPath() {
        assertTrue(EmbeddedPortal.isAvailable(DemoAvailabilityTest.class.getClassLoader()));
    }

    @Test
    void portalMissingWithoutServiceFile() throws IOException {
        try (URLClassLoader withoutPortal = new URLClassLoader(new URL[0],
                ClassLoader.getPlatformClassLoader())) {
            assertFalse(EmbeddedPortal.isAvailable(withoutPortal));
        }
    }

    @Test
    void missingPortalMessageGivesNextSteps() {
        String message = Messages.get("demo.notInstalled");
        assertTrue(message.contains("not part of this installation"), message);
        assertTrue(message.contains("without --demo"), message);
        assertTrue(message.contains("organisation's portal"), message);
        assertTrue(message.contains("./run-app.sh"), message);
    }
}
