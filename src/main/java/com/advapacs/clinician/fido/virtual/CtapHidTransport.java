package com.advapacs.clinician.fido.virtual;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CTAPHID layer of a virtual key (CTAP 2.1 section 11.2). It handles 64-byte reports
 * with initialisation and continuation packets and allocates channels by CTAPHID_INIT on
 * the broadcast channel. CTAPHID_CBOR runs on a worker thread that sends KEEPALIVE frames
 * and honours CTAPHID_CANCEL. Errors go out as CTAPHID_ERROR, and a U2F-only key lacks
 * the CBOR capability.
 */
final class CtapHidTransport {

    static final int REPORT_SIZE = 64;
    static final int BROADCAST = 0xffffffff;

    static final int CMD_PING = 0x01;
    static final int CMD_MSG = 0x03;
    static final int CMD_INIT = 0x06;
    static final int CMD_WINK = 0x08;
    static final int CMD_CBOR = 0x10;
    static final int CMD_CANCEL = 0x11;
    static final int CMD_KEEPALIVE = 0x3b;
    static final int CMD_ERROR = 0x3f;

    static final int ERR_INVALID_CMD = 0x01;
    static final int ERR_INVALID_LEN = 0x03;
    static final int ERR_INVALID_SEQ = 0x04;
    static final int ERR_CHANNEL_BUSY = 0x06;
    static final int ERR_INVALID_CHANNEL = 0x0b;

    private static final int CAPABILITY_WINK = 0x01;
    private static final int CAPABILITY_CBOR = 0x04;
    private static final int CAPABILITY_NMSG = 0x08;
    private static final int INIT_DATA = REPORT_SIZE - 7;
    private static final int CONT_DATA = REPORT_SIZE - 5;
    /** Largest message 128 continuation packets can carry (CTAP 2.1 section 11.2.4). */
    private static final int MAX_MESSAGE = INIT_DATA + 128 * CONT_DATA;
    private static final int REMOVAL_CHECK_MILLIS = 20;

    private final AuthenticatorConfig config;
    private final Ctap2Authenticator authenticator;
    private final UserPresence presence;
    private final LinkedBlockingQueue<byte[]> output = new LinkedBlockingQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "virtual-key-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Object sendLock = new Object();
    private final Set<Integer> channels = new HashSet<>();
    private int nextChannel = 1;
    private Assembly assembling;
    private Transaction active;
    private volatile boolean removed;
    private final AtomicInteger keepAlivesSent = new AtomicInteger();

    CtapHidTransport(AuthenticatorConfig config, Ctap2Authenticator authenticator,
            UserPresence presence) {
        this.config = config;
        this.authenticator = authenticator;
        this.presence = presence;
    }

    /** Takes one report from the platform. */
    synchronized void receive(byte[] report) throws IOException {
        if (removed) {
            throw new IOException("virtual key unplugged");
        }
        if (report.length != REPORT_SIZE) {
            throw new IOException("report of " + report.length + " bytes");
        }
        int channel = ByteBuffer.wrap(report).getInt(0);
        int type = report[4] & 0xff;
        if ((type & 0x80) != 0) {
            receiveInitPacket(channel, type & 0x7f, report);
        } else {
            receiveContinuationPacket(channel, type, report);
        }
    }

    private void receiveInitPacket(int channel, int command, byte[] report) {
        int length = ((report[5] & 0xff) << 8) | (report[6] & 0xff);
        if (command == CMD_CANCEL) {
            if (active != null && active.channel == channel) {
                active.cancelled.set(true);
                presence.wake();
            }
            return;
        }
        if (command == CMD_INIT) {
            init(channel, Arrays.copyOfRange(report, 7, 7 + Math.min(length, INIT_DATA)));
            return;
        }
        if (channel == BROADCAST || !channels.contains(channel)) {
            sendError(channel, ERR_INVALID_CHANNEL);
            return;
        }
        if (active != null || (assembling != null && assembling.channel != channel)) {
            sendError(channel, ERR_CHANNEL_BUSY);
            return;
        }
        if (length > MAX_MESSAGE) {
            sendError(channel, ERR_INVALID_LEN);
            return;
        }
        assembling = new Assembly(channel, command, length);
        assembling.append(report, 7, INIT_DATA);
        completeIfDone();
    }

    private void receiveContinuationPacket(int channel, int sequence, byte[] report) {
        if (assembling == null || assembling.channel != channel) {
            // A stray continuation packet is ignored (CTAP 2.1 section 11.2.5).
            return;
        }
        if (sequence != assembling.nextSequence) {
            assembling = null;
            sendError(channel, ERR_INVALID_SEQ);
            return;
        }
        assembling.nextSequence++;
        assembling.append(report, 5, CONT_DATA);
        completeIfDone();
    }

    private void completeIfDone() {
        if (assembling.data.size() < assembling.length) {
            return;
        }
        Assembly message = assembling;
        assembling = null;
        byte[] payload = Arrays.copyOf(message.data.toByteArray(), message.length);
        dispatch(message.channel, message.command, payload);
    }

    private void init(int channel, byte[] nonce) {
        if (nonce.length != 8) {
            sendError(channel, ERR_INVALID_LEN);
            return;
        }
        int assigned;
        if (channel == BROADCAST) {
            assigned = nextChannel++;
            channels.add(assigned);
        } else if (channels.contains(channel)) {
            // Resynchronisation: abandon whatever the channel was doing.
            assigned = channel;
            if (assembling != null && assembling.channel == channel) {
                assembling = null;
            }
            if (active != null && active.channel == channel) {
                active.cancelled.set(true);
                active = null;
            }
        } else {
            sendError(channel, ERR_INVALID_CHANNEL);
            return;
        }
        int capabilities = CAPABILITY_WINK
                | (config.u2fOnly ? 0 : CAPABILITY_CBOR | CAPABILITY_NMSG);
        ByteBuffer reply = ByteBuffer.allocate(17);
        reply.put(nonce).putInt(assigned);
        reply.put((byte) 2).put((byte) 5).put((byte) 4).put((byte) 3);
        reply.put((byte) capabilities);
        send(channel, CMD_INIT, reply.array());
    }

    private void dispatch(int channel, int command, byte[] payload) {
        switch (command) {
            case CMD_PING:
                send(channel, CMD_PING, payload);
                break;
            case CMD_WINK:
                send(channel, CMD_WINK, new byte[0]);
                break;
            case CMD_MSG:
                if (config.u2fOnly) {
                    send(channel, CMD_MSG, u2fResponse(payload));
                } else {
                    sendError(channel, ERR_INVALID_CMD);
                }
                break;
            case CMD_CBOR:
                if (config.u2fOnly) {
                    sendError(channel, ERR_INVALID_CMD);
                } else {
                    startCbor(channel, payload);
                }
                break;
            default:
                sendError(channel, ERR_INVALID_CMD);
                break;
        }
    }

    /** Returns "U2F_V2" for U2F VERSION. Other U2F commands are not implemented. */
    private static byte[] u2fResponse(byte[] apdu) {
        if (apdu.length >= 2 && apdu[1] == 0x03) {
            byte[] version = "U2F_V2".getBytes(StandardCharsets.US_ASCII);
            byte[] reply = Arrays.copyOf(version, version.length + 2);
            reply[version.length] = (byte) 0x90;
            return reply;
        }
        return new byte[] {0x6d, 0x00};
    }

    private void startCbor(int channel, byte[] payload) {
        Transaction transaction = new Transaction(channel);
        active = transaction;
        worker.execute(() -> runCbor(transaction, payload));
    }

    private void runCbor(Transaction transaction, byte[] payload) {
        CommandContext context = new CommandContext() {
            @Override
            public boolean cancelled() {
                return transaction.cancelled.get();
            }

            @Override
            public void keepAlive(int status) {
                if (isCurrent(transaction)) {
                    keepAlivesSent.incrementAndGet();
                    send(transaction.channel, CMD_KEEPALIVE, new byte[] {(byte) status});
                }
            }
        };
        try {
            byte[] response = authenticator.handle(payload, context);
            synchronized (this) {
                if (active == transaction && !removed) {
                    // The channel is free again before the platform can see the reply and
                    // send its next request.
                    active = null;
                    send(transaction.channel, CMD_CBOR, response);
                }
            }
        } catch (DeviceRemovedException e) {
            // An unplugged key sends nothing.
        } finally {
            synchronized (this) {
                if (active == transaction) {
                    active = null;
                }
            }
        }
    }

    private synchronized boolean isCurrent(Transaction transaction) {
        return active == transaction && !removed && !transaction.cancelled.get();
    }

    private void sendError(int channel, int code) {
        send(channel, CMD_ERROR, new byte[] {(byte) code});
    }

    /** Splits one message into an initialisation packet and continuation packets. */
    private void send(int channel, int command, byte[] payload) {
        synchronized (sendLock) {
            ByteBuffer first = ByteBuffer.allocate(REPORT_SIZE);
            first.putInt(channel).put((byte) (0x80 | command));
            first.putShort((short) payload.length);
            int sent = Math.min(payload.length, INIT_DATA);
            first.put(payload, 0, sent);
            output.add(first.array());
            for (int sequence = 0; sent < payload.length; sequence++) {
                ByteBuffer next = ByteBuffer.allocate(REPORT_SIZE);
                next.putInt(channel).put((byte) sequence);
                int chunk = Math.min(payload.length - sent, CONT_DATA);
                next.put(payload, sent, chunk);
                sent += chunk;
                output.add(next.array());
            }
        }
    }

    /**
     * Returns the next report for the platform, or null after {@code timeoutMillis}
     * (-1 waits without limit, 0 polls).
     */
    byte[] poll(int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            if (removed) {
                throw new IOException("virtual key unplugged");
            }
            long left = timeoutMillis < 0 ? REMOVAL_CHECK_MILLIS
                    : TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                byte[] report = output.poll(Math.max(0, Math.min(left, REMOVAL_CHECK_MILLIS)),
                        TimeUnit.MILLISECONDS);
                if (report != null) {
                    return report;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (timeoutMillis >= 0 && System.nanoTime() - deadline >= 0) {
                return null;
            }
        }
    }

    synchronized void setRemoved(boolean value) {
        removed = value;
        assembling = null;
        if (active != null) {
            active.cancelled.set(true);
            active = null;
        }
        channels.clear();
        output.clear();
    }

    int keepAlivesSent() {
        return keepAlivesSent.get();
    }

    boolean removed() {
        return removed;
    }

    /** Drops unread replies, because a newly opened HID handle starts empty. */
    void clearOutput() {
        output.clear();
    }

    void shutdown() {
        worker.shutdownNow();
    }

    private static final class Assembly {
        final int channel;
        final int command;
        final int length;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        int nextSequence;

        Assembly(int channel, int command, int length) {
            this.channel = channel;
            this.command = command;
            this.length = length;
        }

        void append(byte[] report, int offset, int count) {
            data.write(report, offset, Math.min(count, length - data.size()));
        }
    }

    private static final class Transaction {
        final int channel;
        final AtomicBoolean cancelled = new AtomicBoolean();

        Transaction(int channel) {
            this.channel = channel;
        }
    }
}
