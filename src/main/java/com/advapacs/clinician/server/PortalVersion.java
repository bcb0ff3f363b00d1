package com.advapacs.clinician.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version reported by GET /api/v1/health. */
public final class PortalVersion {
    private static final String POM_PROPERTIES =
            "META-INF/maven/com.advapacs/advapacs-clinician/pom.properties";

    private PortalVersion() {
    }

    /**
     * Returns the Maven version from the packaged jar, or "development" when running from
     * compiled classes, which have no pom.properties.
     */
    public static String current() {
        try (InputStream in = PortalVersion.class.getClassLoader()
                .getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException e) {
            // Fall through to the manifest value.
        }
        String manifest = PortalVersion.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "development";
    }
}
