package com.advapacs.clinician.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a portal's certificate chain is trusted. A chain is trusted when any one
 * of these sources vouches for it: the JVM's CA certificates, the operating system's store
 * (Windows-ROOT on Windows, the keychain on macOS, the {@code ca-certificates} bundle on
 * Linux) or the extra authorities configured by IT. Hospital networks that inspect TLS sign
 * with a CA that only some of these sources hold, so trusting one source alone breaks them.
 */
public final class TrustedAuthorities {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedAuthorities.class);
    private static final List<Path> LINUX_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"));

    private TrustedAuthorities() {
    }

    /** Builds the trust manager from every source; a source that cannot load is skipped. */
    public static X509TrustManager create(List<X509Certificate> extraAuthorities) {
        List<X509TrustManager> sources = new ArrayList<>();
        addSource(sources, "JVM", null);
        KeyStore system = operatingSystemStore();
        if (system != null) {
            addSource(sources, "operating system", system);
        }
        if (!extraAuthorities.isEmpty()) {
            addSource(sources, "configured", keyStoreOf(extraAuthorities));
        }
        return new AnyOf(sources);
    }

    /** Reads every PEM or DER certificate in {@code file}. */
    public static List<X509Certificate> read(Path file) throws IOException, CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends java.security.cert.Certificate> certificates =
                    factory.generateCertificates(in);
            List<X509Certificate> result = new ArrayList<>();
            for (java.security.cert.Certificate certificate : certificates) {
                result.add((X509Certificate) certificate);
            }
            if (result.isEmpty()) {
                throw new CertificateException("no certificate found in " + file);
            }
            return result;
        }
    }

    private static KeyStore operatingSystemStore() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.startsWith("windows")) {
                KeyStore store = KeyStore.getInstance("Windows-ROOT");
                store.load(null, null);
                return store;
            }
            if (os.startsWith("mac")) {
                KeyStore store = KeyStore.getInstance("KeychainStore");
                store.load(null, null);
                return store;
            }
            for (Path bundle : LINUX_BUNDLES) {
                if (Files.isReadable(bundle)) {
                    return keyStoreOf(read(bundle));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("The operating system's certificate store could not be read: {}",
                    e.toString());
        }
        return null;
    }

    private static KeyStore keyStoreOf(List<X509Certificate> certificates) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build an in-memory key store", e);
        }
    }

    private static void addSource(List<X509TrustManager> sources, String name, KeyStore store) {
        try {
            TrustManagerFactory factory =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    sources.add(x509);
                    LOG.debug("Trusting {} certificate authorities ({})", name,
                            x509.getAcceptedIssuers().length);
                }
            }
        } catch (GeneralSecurityException e) {
            LOG.warn("The {} certificate authorities could not be used: {}", name, e.toString());
        }
    }

    /** Trusts a chain when at least one source does; reports the first source's reason. */
    private static final class AnyOf implements X509TrustManager {

        private final List<X509TrustManager> sources;

        AnyOf(List<X509TrustManager> sources) {
            this.sources = List.copyOf(sources);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            CertificateException first = null;
            for (X509TrustManager source : sources) {
                try {
                    source.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            throw first != null ? first
                    : new CertificateException("No certificate authority is trusted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            throw new CertificateException("The app does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            Set<X509Certificate> issuers = new LinkedHashSet<>();
            for (X509TrustManager source : sources) {
                issuers.addAll(List.of(source.getAcceptedIssuers()));
            }
            return issuers.toArray(X509Certificate[]::new);
        }
    }
}
