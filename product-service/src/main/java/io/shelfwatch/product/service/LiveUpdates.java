package io.shelfwatch.product.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.shelfwatch.product.config.ProductConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The /ws/updates connections this replica holds, by user: the one place a message for
 * some users is handed to their connections. Every replica reads every price and alert
 * record (see application.properties, the `-live` channels), so each delivers to the
 * users connected to it. Tests drive it directly.
 */
@ApplicationScoped
public class LiveUpdates {

    private final Map<UUID, Map<String, LiveFeed>> feeds = new ConcurrentHashMap<>();
    private final ProductConfig config;

    public LiveUpdates(ProductConfig config) {
        this.config = config;
    }

    /**
     * A connection opened for a user with a token issued at `tokenIssuedAt` (null: the token said
     * not); its feed is bounded by product.live.buffer-size.
     */
    public LiveFeed open(UUID userId, String connectionId, Instant tokenIssuedAt, LiveFeed.Socket socket) {
        LiveFeed feed = new LiveFeed(socket, config.live().bufferSize(), System.currentTimeMillis(), tokenIssuedAt);
        feeds.computeIfAbsent(userId, user -> new ConcurrentHashMap<>()).put(connectionId, feed);
        return feed;
    }

    public void close(UUID userId, String connectionId) {
        feeds.computeIfPresent(userId, (user, connections) -> {
            LiveFeed feed = connections.remove(connectionId);
            if (feed != null) {
                feed.stop();
            }
            return connections.isEmpty() ? null : connections;
        });
    }

    /** A pong (the answer to the server's auto-ping) arrived on a connection. */
    public void heard(UUID userId, String connectionId) {
        Map<String, LiveFeed> connections = feeds.get(userId);
        LiveFeed feed = connections == null ? null : connections.get(connectionId);
        if (feed != null) {
            feed.heard(System.currentTimeMillis());
        }
    }

    /**
     * Idle handling: the server pings every connection (auto-ping-interval); one whose client
     * has not answered for product.live.max-silence is a dead peer (a laptop closed, a network
     * gone) that TCP alone would notice only after many minutes, so it is closed now.
     */
    @Scheduled(every = "${product.live.silence-check:15s}", concurrentExecution = ConcurrentExecution.SKIP)
    void closeSilentConnections() {
        closeSilentSince(System.currentTimeMillis() - config.live().maxSilence().toMillis());
    }

    /** Closes every connection not heard from since the deadline; answers how many. */
    public int closeSilentSince(long deadlineMillis) {
        int closed = 0;
        for (Map<String, LiveFeed> connections : feeds.values()) {
            for (LiveFeed feed : connections.values()) {
                if (feed.closeIfSilentSince(deadlineMillis)) {
                    closed++;
                }
            }
        }
        return closed;
    }

    /**
     * The user's tokens issued before `revokedAt` are void (account.revocations): their connections
     * opened with one are closed. A token's iat has whole seconds, and one issued in the revocation's
     * own second must survive (the user signs in again right after a password reset), as at the
     * gateway. Answers how many were closed.
     */
    public int closeRevoked(UUID userId, Instant revokedAt) {
        Map<String, LiveFeed> connections = feeds.get(userId);
        if (connections == null) {
            return 0;
        }
        Instant cutoff = revokedAt.truncatedTo(ChronoUnit.SECONDS);
        int closed = 0;
        for (LiveFeed feed : connections.values()) {
            if (feed.closeIfIssuedBefore(cutoff)) {
                closed++;
            }
        }
        return closed;
    }

    /** Users with at least one connection here; records for no one here cost no database query. */
    public Set<UUID> connectedUsers() {
        return Set.copyOf(feeds.keySet());
    }

    public boolean anyoneConnected() {
        return !feeds.isEmpty();
    }

    /** Sends one message to every connection of these users held here; answers how many took it. */
    public int deliver(Collection<UUID> userIds, String message) {
        int delivered = 0;
        for (UUID userId : userIds) {
            Map<String, LiveFeed> connections = feeds.get(userId);
            if (connections == null) {
                continue;
            }
            for (LiveFeed feed : connections.values()) {
                if (feed.offer(message)) {
                    delivered++;
                }
            }
        }
        return delivered;
    }
}
