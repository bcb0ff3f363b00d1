package com.advapacs.clinician.portal;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Connection settings for the portal: the proxy, and the certificate authorities trusted
 * besides the JVM's and the operating system's.
 *
 * @param proxy {@code null} to use the operating system's proxy settings, or an explicit
 *     proxy ({@link Proxy#NO_PROXY} for a direct connection)
 * @param extraAuthorities CA certificates to trust in addition, such as the one a
 *     TLS-inspecting proxy signs with
 */
public record ConnectionSettings(Proxy proxy, List<X509Certificate> extraAuthorities) {

    /** The operating system's proxy settings and no extra authorities. */
    public static final ConnectionSettings SYSTEM = new ConnectionSettings(null, List.of());

    public ConnectionSettings {
        extraAuthorities = List.copyOf(extraAuthorities);
    }

    /** Creates an HTTP proxy at {@code host:port}. */
    public static Proxy httpProxy(String host, int port) {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }
}
