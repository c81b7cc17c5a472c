package io.shelfwatch.product.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.shelfwatch.product.config.ProductConfig;
import io.smallrye.mutiny.Uni;

/** The per-connection bound: a client that stops reading is closed, and never holds up another. */
class LiveFeedTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-07T10:00:00Z");

    /** A socket whose writes complete only when the test says so (a client that does not read). */
    static final class FakeSocket implements LiveFeed.Socket {
        final List<String> written = new ArrayList<>();
        final List<CompletableFuture<Void>> unfinished = new ArrayList<>();
        final boolean reads;
        Integer closeCode;
        String closeReason;

        FakeSocket(boolean reads) {
            this.reads = reads;
        }

        @Override
        public Uni<Void> send(String text) {
            written.add(text);
            if (reads) {
                return Uni.createFrom().voidItem();
            }
            CompletableFuture<Void> pending = new CompletableFuture<>();
            unfinished.add(pending);
            return Uni.createFrom().completionStage(pending);
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
        }
    }

    private static LiveUpdates hub(int bufferSize) {
        ProductConfig.Live live = new ProductConfig.Live() {
            @Override
            public int bufferSize() {
                return bufferSize;
            }

            @Override
            public java.time.Duration maxSilence() {
                return java.time.Duration.ofSeconds(90);
            }

            @Override
            public java.time.Duration silenceCheck() {
                return java.time.Duration.ofSeconds(15);
            }

            @Override
            public java.time.Duration unknownProductRetry() {
                return java.time.Duration.ofSeconds(1);
            }
        };
        ProductConfig config = (ProductConfig) java.lang.reflect.Proxy.newProxyInstance(
                ProductConfig.class.getClassLoader(), new Class<?>[] { ProductConfig.class },
                (proxy, method, args) -> method.getName().equals("live") ? live : null);
        return new LiveUpdates(config);
    }

    @Test
    void aClientThatStopsReadingIsClosedWith1008AndTheOthersGetEverything() {
        LiveUpdates hub = hub(8);
        UUID slowUser = UUID.randomUUID();
        UUID fastUser = UUID.randomUUID();
        FakeSocket slow = new FakeSocket(false);
        FakeSocket fast = new FakeSocket(true);
        LiveFeed slowFeed = hub.open(slowUser, "slow", SIGNED_IN, slow);
        hub.open(fastUser, "fast", SIGNED_IN, fast);

        for (int i = 0; i < 100; i++) {
            hub.deliver(List.of(slowUser, fastUser), "update " + i);
        }

        assertEquals(100, fast.written.size(), "the reading client gets every update, in order");
        assertEquals("update 99", fast.written.get(99));
        assertNull(fast.closeCode);
        // One write in flight, eight waiting, the tenth overflows.
        assertEquals(1, slow.written.size());
        assertEquals(LiveFeed.SLOW_CLIENT, slow.closeCode);
        assertEquals(1008, slow.closeCode);
        assertTrue(slow.closeReason.startsWith("Too slow"), slow.closeReason);
        assertTrue(slow.closeReason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 123,
                "a close reason fits a control frame");
        assertTrue(slowFeed.isClosed());
        assertEquals(0, slowFeed.waiting(), "a closed feed holds nothing");
        assertFalse(slowFeed.offer("more"));
    }

    @Test
    void aClientThatReadsSlowlyButKeepsUpIsNotClosed() {
        LiveUpdates hub = hub(8);
        UUID user = UUID.randomUUID();
        FakeSocket socket = new FakeSocket(false);
        LiveFeed feed = hub.open(user, "c1", SIGNED_IN, socket);
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 5; i++) {
                hub.deliver(List.of(user), "r" + round + "-" + i);
            }
            // The client catches up: every write completes.
            while (socket.unfinished.size() > 0) {
                socket.unfinished.remove(0).complete(null);
            }
        }
        assertNull(socket.closeCode);
        assertEquals(100, socket.written.size());
        assertFalse(feed.isClosed());
    }

    @Test
    void aClosedConnectionGetsNothingMoreAndEveryConnectionOfAUserGetsTheMessage() {
        LiveUpdates hub = hub(8);
        UUID user = UUID.randomUUID();
        FakeSocket phone = new FakeSocket(true);
        FakeSocket laptop = new FakeSocket(true);
        hub.open(user, "phone", SIGNED_IN, phone);
        hub.open(user, "laptop", SIGNED_IN, laptop);
        assertEquals(2, hub.deliver(List.of(user, UUID.randomUUID()), "one"));
        hub.close(user, "phone");
        assertEquals(1, hub.deliver(List.of(user), "two"));
        assertEquals(List.of("one"), phone.written);
        assertEquals(List.of("one", "two"), laptop.written);
        hub.close(user, "laptop");
        assertFalse(hub.anyoneConnected());
    }

    @Test
    void aClientThatStopsAnsweringPingsIsClosedWith1001AndOneThatAnswersIsNot() {
        LiveUpdates hub = hub(8);
        UUID user = UUID.randomUUID();
        FakeSocket silent = new FakeSocket(true);
        FakeSocket answering = new FakeSocket(true);
        LiveFeed silentFeed = hub.open(user, "silent", SIGNED_IN, silent);
        LiveFeed answeringFeed = hub.open(user, "answering", SIGNED_IN, answering);
        long now = System.currentTimeMillis();
        hub.heard(user, "answering");
        assertEquals(0, hub.closeSilentSince(now - 60_000), "both were heard from within the last minute");

        // A minute on: only the connection that answered a ping since is still wanted.
        answeringFeed.heard(now + 60_000);
        assertEquals(1, hub.closeSilentSince(now + 30_000));
        assertEquals(LiveFeed.SILENT_CLIENT, silent.closeCode);
        assertEquals(1001, silent.closeCode);
        assertTrue(silentFeed.isClosed());
        assertNull(answering.closeCode);
        assertEquals(0, hub.closeSilentSince(now + 30_000), "a closed connection is not closed twice");
    }

    @Test
    void revokedTokensCloseTheUsersConnectionsOpenedWithThemAndNoOtherConnection() {
        LiveUpdates hub = hub(8);
        UUID user = UUID.randomUUID();
        UUID otherUser = UUID.randomUUID();
        FakeSocket before = new FakeSocket(true);
        FakeSocket sameSecond = new FakeSocket(true);
        FakeSocket noIat = new FakeSocket(true);
        FakeSocket someoneElse = new FakeSocket(true);
        Instant revokedAt = Instant.parse("2026-12-07T10:06:00.500Z");
        LiveFeed beforeFeed = hub.open(user, "before", revokedAt.minusSeconds(60), before);
        // Signed in again right after a password reset: iat has whole seconds, the revocation does not.
        hub.open(user, "same-second", Instant.parse("2026-12-07T10:06:00Z"), sameSecond);
        hub.open(user, "no-iat", null, noIat);
        hub.open(otherUser, "other", revokedAt.minusSeconds(60), someoneElse);

        assertEquals(2, hub.closeRevoked(user, revokedAt));
        assertEquals(LiveFeed.REVOKED, before.closeCode);
        assertEquals(1008, before.closeCode);
        assertEquals("Session revoked; sign in again", before.closeReason);
        assertTrue(beforeFeed.isClosed());
        assertEquals(1008, noIat.closeCode, "a token without iat cannot show it came after the revocation");
        assertNull(sameSecond.closeCode);
        assertNull(someoneElse.closeCode);
        assertEquals(1, hub.deliver(List.of(user), "still here"), "only the connection signed in since gets updates");
        assertEquals(List.of("still here"), sameSecond.written);
        assertEquals(0, hub.closeRevoked(user, revokedAt), "a closed connection is not closed twice");
        assertEquals(0, hub.closeRevoked(UUID.randomUUID(), revokedAt));
    }
}
