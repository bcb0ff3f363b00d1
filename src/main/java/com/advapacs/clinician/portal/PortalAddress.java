package com.advapacs.clinician.portal;

import com.advapacs.clinician.i18n.Messages;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * A validated portal base address such as {@code https://portal.hospital.example}.
 *
 * <p>Plain {@code http} is accepted only for this computer (localhost and loopback
 * addresses), because a session token sent in clear over a hospital network can be stolen.
 */
public final class PortalAddress {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

    private final HttpUrl url;

    private PortalAddress(HttpUrl url) {
        this.url = url;
    }

    /**
     * Parses what a user typed. A missing scheme means https. Paths, queries and fragments
     * are rejected because the client builds every path itself.
     *
     * @throws IllegalArgumentException with a message for the user naming the value and fix
     */
    public static PortalAddress parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("address.empty"));
        }
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        HttpUrl parsed = HttpUrl.parse(text);
        if (parsed == null) {
            throw new IllegalArgumentException(Messages.get("address.invalid", typed.strip()));
        }
        boolean loopback = LOOPBACK_HOSTS.contains(parsed.host().toLowerCase(Locale.ROOT));
        if (!parsed.isHttps() && !loopback) {
            String secure = parsed.newBuilder().scheme("https").encodedPath("/").query(null)
                    .fragment(null).build().toString().replaceAll("/$", "");
            throw new IllegalArgumentException(
                    Messages.get("address.notHttps", typed.strip(), secure));
        }
        boolean hasPath = !parsed.encodedPath().equals("/");
        if (hasPath || parsed.query() != null || parsed.fragment() != null) {
            throw new IllegalArgumentException(Messages.get("address.hasPath", typed.strip(),
                    parsed.newBuilder().encodedPath("/").query(null).fragment(null).build()
                            .toString().replaceAll("/$", "")));
        }
        return new PortalAddress(parsed);
    }

    public HttpUrl url() {
        return url;
    }

    public String host() {
        return url.host();
    }

    /** Builds the address of {@code path} (given without a leading slash) on this portal. */
    public HttpUrl resolve(String path) {
        return url.newBuilder().addPathSegments(path).build();
    }

    @Override
    public String toString() {
        return url.toString().replaceAll("/$", "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortalAddress address && address.url.equals(url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }
}
