package io.shelfwatch.gateway.auth;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

import io.shelfwatch.gateway.config.GatewayConfig;
import io.shelfwatch.gateway.routing.Upstream;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * auth-billing's public keys, fetched without blocking the event loop and kept for the
 * refresh interval. A token signed with a key id not yet seen triggers one early refetch
 * (key rotation), at most every {@link #MIN_REFETCH}. Requests arriving while a fetch is
 * under way share it: a crowd after start-up or expiry costs auth-billing one request, not one each.
 */
@ApplicationScoped
public class JwksKeys {

    private static final Logger LOG = Logger.getLogger(JwksKeys.class);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);

    private record Snapshot(List<JsonWebKey> keys, long fetchedAtNanos) {
    }

    private final WebClient client;
    private final String url;
    private final Duration refresh;
    private final Duration timeout;
    private volatile Snapshot snapshot;
    private final AtomicReference<Uni<List<JsonWebKey>>> inFlight = new AtomicReference<>();

    JwksKeys(GatewayConfig config, Vertx vertx) {
        this.client = WebClient.create(vertx);
        this.url = config.jwt().jwksUrl().orElse(Upstream.AUTH_BILLING.baseUrl(config) + "/.well-known/jwks.json");
        this.refresh = config.jwt().jwksRefresh();
        this.timeout = config.healthTimeout();
    }

    /** The current keys; the ones of {@code kid}'s set when it is unknown and a refetch is allowed. */
    public Uni<List<JsonWebKey>> keysFor(String kid) {
        Snapshot current = snapshot;
        if (current != null) {
            long age = System.nanoTime() - current.fetchedAtNanos();
            boolean known = kid == null || current.keys().stream().anyMatch(k -> kid.equals(k.getKeyId()));
            if (age < refresh.toNanos() && (known || age < MIN_REFETCH.toNanos())) {
                return Uni.createFrom().item(current.keys());
            }
        }
        return sharedFetch().onFailure().recoverWithUni(failure -> {
            if (current != null) {
                // auth-billing briefly away: the keys we had are still the best answer.
                LOG.warnf("JWKS refetch failed, keeping the known keys: %s", failure.getMessage());
                return Uni.createFrom().item(current.keys());
            }
            return Uni.createFrom().failure(failure);
        });
    }

    private Uni<List<JsonWebKey>> sharedFetch() {
        Uni<List<JsonWebKey>> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Uni<List<JsonWebKey>> shared = Uni.createFrom().deferred(this::fetch).memoize().indefinitely();
        if (!inFlight.compareAndSet(null, shared)) {
            Uni<List<JsonWebKey>> other = inFlight.get();
            return other != null ? other : shared;
        }
        // The next refresh fetches anew; whoever joined this one keeps its (memoized) answer.
        return shared.onTermination().invoke(() -> inFlight.compareAndSet(shared, null));
    }

    private Uni<List<JsonWebKey>> fetch() {
        return client.getAbs(url).timeout(timeout.toMillis()).send().map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("JWKS answered " + response.statusCode());
            }
            try {
                List<JsonWebKey> keys = new JsonWebKeySet(response.bodyAsString()).getJsonWebKeys();
                snapshot = new Snapshot(keys, System.nanoTime());
                return keys;
            } catch (Exception e) {
                throw new IllegalStateException("JWKS is not a JWK set", e);
            }
        });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
