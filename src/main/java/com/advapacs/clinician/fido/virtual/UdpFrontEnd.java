package com.advapacs.clinician.fido.virtual;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;

/**
 * Serves a virtual key's CTAPHID reports as UDP datagrams on loopback, the way the
 * SoloKeys and CanoKey firmware simulators do (they listen on 8111 and reply to 7112).
 */
public final class UdpFrontEnd implements AutoCloseable {

    private final CtapHidTransport transport;
    private final DatagramSocket socket;
    private final int replyPort;
    private volatile SocketAddress lastSender;
    private volatile boolean running = true;
    private final Thread receiver;
    private final Thread sender;

    UdpFrontEnd(CtapHidTransport transport, int port, int replyPort) throws SocketException {
        this.transport = transport;
        this.replyPort = replyPort;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                port));
        this.receiver = new Thread(this::receiveLoop, "virtual-key-udp-in");
        this.sender = new Thread(this::sendLoop, "virtual-key-udp-out");
        receiver.setDaemon(true);
        sender.setDaemon(true);
        receiver.start();
        sender.start();
    }

    /** Returns the local UDP port the key listens on. */
    public int port() {
        return socket.getLocalPort();
    }

    private void receiveLoop() {
        byte[] buffer = new byte[CtapHidTransport.REPORT_SIZE + 1];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                lastSender = packet.getSocketAddress();
                if (packet.getLength() == CtapHidTransport.REPORT_SIZE) {
                    transport.receive(Arrays.copyOf(packet.getData(), packet.getLength()));
                }
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void sendLoop() {
        while (running) {
            try {
                byte[] report = transport.poll(50);
                SocketAddress target = replyPort == 0 ? lastSender
                        : new InetSocketAddress(InetAddress.getLoopbackAddress(), replyPort);
                if (report != null && target != null) {
                    socket.send(new DatagramPacket(report, report.length, target));
                }
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                pauseAfterFailure();
            }
        }
    }

    /** Keeps an unplugged key's failing poll from spinning. */
    private static void pauseAfterFailure() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        socket.close();
        receiver.interrupt();
        sender.interrupt();
    }
}
