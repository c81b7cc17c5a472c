package io.shelfwatch.etl.extract;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Politeness per host, across every run in this process: at most {@code perHostConcurrency}
 * requests in flight to one host, and their starts at least {@code perHostDelay} apart.
 */
@ApplicationScoped
public class HostGate {

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final int limit;
    private final long delayMillis;

    public HostGate(Vertx vertx, ExtractConfig config) {
        this.vertx = vertx;
        this.limit = Math.max(1, config.perHostConcurrency());
        this.delayMillis = config.perHostDelay().toMillis();
    }

    public <T> Uni<T> run(String host, Supplier<Uni<T>> work) {
        Lane lane = lanes.computeIfAbsent(host, h -> new Lane());
        return Uni.createFrom().deferred(() -> {
            Ticket ticket = new Ticket();
            return Uni.createFrom().<Void>emitter(emitter -> lane.acquire(ticket, emitter))
                    .flatMap(ignored -> work.get())
                    // Also on cancellation: a waiting ticket leaves the queue, a held one frees its slot.
                    .onTermination().invoke(() -> lane.release(ticket));
        });
    }

    private static final class Ticket {
        UniEmitter<? super Void> emitter;
        boolean holding;
    }

    private final class Lane {
        private final Queue<Ticket> waiting = new ArrayDeque<>();
        private int active;
        private long nextStart;

        synchronized void acquire(Ticket ticket, UniEmitter<? super Void> emitter) {
            ticket.emitter = emitter;
            if (active < limit) {
                active++;
                ticket.holding = true;
                grant(emitter);
            } else {
                waiting.add(ticket);
            }
        }

        synchronized void release(Ticket ticket) {
            if (!ticket.holding) {
                waiting.remove(ticket);
                return;
            }
            ticket.holding = false;
            Ticket next = waiting.poll();
            if (next != null) {
                next.holding = true;
                grant(next.emitter);
            } else {
                active--;
            }
        }

        /** Called holding the lock: books this request's start slot and starts it then. */
        private void grant(UniEmitter<? super Void> emitter) {
            long now = System.currentTimeMillis();
            long start = Math.max(now, nextStart);
            nextStart = start + delayMillis;
            long wait = start - now;
            if (wait <= 0) {
                emitter.complete(null);
            } else {
                vertx.setTimer(wait, id -> emitter.complete(null));
            }
        }
    }
}
