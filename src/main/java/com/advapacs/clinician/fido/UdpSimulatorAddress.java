package com.advapacs.clinician.fido;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The address of a key firmware simulator, written {@code udp://127.0.0.1:8111}, with an
 * optional {@code ?localPort=N} for the port the app listens on for replies (default
 * {@value #DEFAULT_LOCAL_PORT}, where the SoloKeys and CanoKey simulators send them; 0
 * picks a free port and the simulator must then reply to the sender).
 *
 * <p>Only loopback addresses are accepted: the UDP link has neither authentication nor
 * encryption, so a PIN sent over it to another machine could be read on the network.
 */
public record UdpSimulatorAddress(InetAddress host, int port, int localPort) {

    public static final int DEFAULT_LOCAL_PORT = 7112;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Parses and checks an address. The exception message names the problem and the fix. */
    public static UdpSimulatorAddress parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid simulator address '" + text
                    + "'. Write it as udp://127.0.0.1:8111.", e);
        }
        if (!"udp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || uri.getPort() <= 0) {
            throw new IllegalArgumentException("Invalid simulator address '" + text
                    + "'. Write it as udp://127.0.0.1:8111.");
        }
        InetAddress host = loopbackHost(uri.getHost(), text);
        return new UdpSimulatorAddress(host, uri.getPort(), localPort(uri.getQuery(), text));
    }

    /** Returns the address as {@code udp://host:port}, the device path shown to users. */
    public String path() {
        String literal = host.getHostAddress();
        return "udp://" + (literal.contains(":") ? "[" + literal + "]" : literal) + ":" + port;
    }

    /** Returns the device entry for this simulator. */
    public DeviceEntry entry() {
        return new DeviceEntry(path(), "Key simulator", "UDP", Transport.UDP_SIMULATOR,
                DeviceConnector.hidReports(() -> UdpHidLink.open(this)));
    }

    private static InetAddress loopbackHost(String host, String text) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean literal = IPV4.matcher(bare).matches() || bare.contains(":");
        if (bare.equalsIgnoreCase("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        if (literal) {
            try {
                // An IP literal is parsed without any name lookup.
                InetAddress address = InetAddress.getByName(bare);
                if (address.isLoopbackAddress()) {
                    return address;
                }
            } catch (UnknownHostException e) {
                // Reported below as not loopback.
            }
        }
        throw new IllegalArgumentException("Simulator address '" + text + "' is not on this "
                + "computer. Use a loopback address (127.0.0.1, ::1 or localhost): the UDP "
                + "link is unencrypted, so a PIN sent to another machine could be read.");
    }

    private static int localPort(String query, String text) {
        if (query == null || query.isEmpty()) {
            return DEFAULT_LOCAL_PORT;
        }
        if (!query.startsWith("localPort=")) {
            throw new IllegalArgumentException("Unknown option in simulator address '" + text
                    + "'. Only ?localPort=N is supported.");
        }
        try {
            int port = Integer.parseInt(query.substring("localPort=".length()));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid localPort in simulator address '"
                    + text + "'. Use a port from 0 to 65535.", e);
        }
    }
}
