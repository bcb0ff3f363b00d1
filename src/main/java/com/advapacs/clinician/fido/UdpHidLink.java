package com.advapacs.clinician.fido;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A report link to a key simulator: each 64-byte CTAPHID report is one UDP datagram.
 * Datagrams of any other size are skipped.
 */
final class UdpHidLink implements HidReportLink {

    private final DatagramSocket socket;
    private final InetSocketAddress device;

    private UdpHidLink(DatagramSocket socket, InetSocketAddress device) {
        this.socket = socket;
        this.device = device;
    }

    /** Binds the reply port on the loopback address of {@code address}. */
    static UdpHidLink open(UdpSimulatorAddress address) {
        try {
            DatagramSocket socket = new DatagramSocket(
                    new InetSocketAddress(address.host(), address.localPort()));
            return new UdpHidLink(socket, new InetSocketAddress(address.host(), address.port()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on UDP port " + address.localPort()
                    + " for " + address.path(), e);
        }
    }

    @Override
    public void write(byte[] report) throws IOException {
        socket.send(new DatagramPacket(report, REPORT_SIZE, device));
    }

    @Override
    public byte[] read(int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] buffer = new byte[REPORT_SIZE + 1];
        while (true) {
            int wait = timeoutMillis < 0 ? 0
                    : (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout(wait);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (packet.getLength() == REPORT_SIZE && device.equals(packet.getSocketAddress())) {
                return Arrays.copyOf(packet.getData(), REPORT_SIZE);
            }
            if (timeoutMillis >= 0 && System.nanoTime() - deadline >= 0) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
