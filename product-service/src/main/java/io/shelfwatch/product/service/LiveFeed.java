package io.shelfwatch.product.service;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * One /ws/updates connection's outgoing updates: a bounded queue and one write in flight.
 * The next message goes out only when the socket has taken the previous one, so a client
 * that stops reading fills its own queue and nothing else.
 * <p>
 * A full queue closes the connection with {@link #SLOW_CLIENT} (1008, policy violation)
 * rather than dropping the oldest update: a dropped `price_update` would leave the client
 * showing a price that is no longer true with nothing to tell it so, while a close tells it
 * to reconnect and reload the products over REST, after which it is right again.
 */
public final class LiveFeed {

    /** RFC 6455 1008: the server ends the connection because the client broke its policy (reading too slowly). */
    public static final int SLOW_CLIENT = 1008;

    /** RFC 6455 1001 (going away), as load balancers close idle WebSockets: the peer stopped answering pings. */
    public static final int SILENT_CLIENT = 1001;

    /** RFC 6455 1008 again: the connection's token was revoked (account.revocations); sign in again. */
    public static final int REVOKED = 1008;

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);

    /** The socket under the feed; the endpoint adapts WebSockets Next's connection, tests a fake. */
    public interface Socket {
        /** Completes once the socket has taken the message. */
        Uni<Void> send(String text);

        void close(int code, String reason);
    }

    private final Socket socket;
    private final int capacity;
    private final Deque<String> pending = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;
    private final Instant tokenIssuedAt;
    private volatile long lastHeardMillis;

    /** tokenIssuedAt: the iat of the token the connection was opened with; null when it had none. */
    public LiveFeed(Socket socket, int capacity, long openedAtMillis, Instant tokenIssuedAt) {
        this.socket = socket;
        this.capacity = capacity;
        this.lastHeardMillis = openedAtMillis;
        this.tokenIssuedAt = tokenIssuedAt;
    }

    /** The client answered a ping (or said anything): it is still there. */
    public void heard(long atMillis) {
        lastHeardMillis = atMillis;
    }

    /** Closes the connection when the client has not been heard from since `deadlineMillis`; true if it did. */
    public boolean closeIfSilentSince(long deadlineMillis) {
        return lastHeardMillis < deadlineMillis && closeOnce(SILENT_CLIENT, "No answer to pings; reconnect");
    }

    /**
     * Closes the connection when its token was issued before `cutoff` (a token without an iat cannot
     * show it was not); true if it did.
     */
    public boolean closeIfIssuedBefore(Instant cutoff) {
        return (tokenIssuedAt == null || tokenIssuedAt.isBefore(cutoff))
                && closeOnce(REVOKED, "Session revoked; sign in again");
    }

    private boolean closeOnce(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            pending.clear();
        }
        socket.close(code, reason);
        return true;
    }

    /** Queues a message; false once the feed is closed (by overflow, a failed write or the client). */
    public boolean offer(String message) {
        boolean overflow = false;
        boolean start = false;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (pending.size() >= capacity) {
                closed = true;
                overflow = true;
                pending.clear();
            } else {
                pending.addLast(message);
                start = !sending;
                sending |= start;
            }
        }
        if (overflow) {
            LOG.warnf("closing a /ws/updates connection: %d updates waiting for a client that does not read", capacity);
            socket.close(SLOW_CLIENT, "Too slow: " + capacity + " updates unsent; reconnect and reload");
            return false;
        }
        if (start) {
            sendNext();
        }
        return true;
    }

    /** The client went away: nothing more is queued or sent. */
    public synchronized void stop() {
        closed = true;
        pending.clear();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized int waiting() {
        return pending.size();
    }

    private void sendNext() {
        String next;
        synchronized (this) {
            next = closed ? null : pending.pollFirst();
            if (next == null) {
                sending = false;
                return;
            }
        }
        socket.send(next).subscribe().with(sent -> sendNext(), failure -> {
            LOG.debugf("a /ws/updates write failed, the connection is going: %s", failure.getMessage());
            stop();
        });
    }
}
