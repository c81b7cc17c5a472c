package io.shelfwatch.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.shelfwatch.gateway.config.GatewayConfig;
import io.shelfwatch.gateway.routing.Upstream;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Turns an X-API-Key into a short-lived JWT through auth-billing's internal exchange
 * ({@code POST /internal/api-keys/exchange}) and keeps the answer briefly, keyed by the
 * key's SHA-256 (the raw key is never stored). account.revocations evicts entries at once.
 * Requests with the same key that arrive while its exchange is under way wait for that one
 * exchange instead of each starting their own.
 */
@ApplicationScoped
public class ApiKeyExchange {

    private static final Logger LOG = Logger.getLogger(ApiKeyExchange.class);
    private static final String EXCHANGE_PATH = "/internal/api-keys/exchange";
    // Never hand out a token that expires while the request is still on its way.
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    /** A successful exchange. */
    public record Exchanged(String accessToken, String userId, String keyPrefix, long expiresAtNanos) {
    }

    /** auth-billing refused the key (401); anything else is a failure of the exchange itself. */
    public static final class InvalidApiKeyException extends RuntimeException {
        InvalidApiKeyException() {
            super("Invalid API key", null, false, false);
        }
    }

    // One digest per thread: every bearer request hashes its token, and looking the algorithm up
    // in the security providers each time cost more than the hashing.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Map<String, Exchanged> cache = new ConcurrentHashMap<>();
    private final Map<String, Uni<Exchanged>> inFlight = new ConcurrentHashMap<>();
    // Bumped by every eviction: an exchange that was in flight meanwhile is not cached.
    private final AtomicLong evictions = new AtomicLong();
    private final WebClient client;
    private final String exchangeUrl;
    private final Duration ttl;
    private final Duration timeout;

    ApiKeyExchange(GatewayConfig config, Vertx vertx) {
        this.client = WebClient.create(vertx);
        this.exchangeUrl = Upstream.AUTH_BILLING.baseUrl(config) + EXCHANGE_PATH;
        this.ttl = config.apiKeys().cacheTtl();
        this.timeout = config.apiKeys().exchangeTimeout();
    }

    public Uni<Exchanged> exchange(String rawKey) {
        String hash = sha256(rawKey);
        Exchanged cached = cache.get(hash);
        if (cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
            return Uni.createFrom().item(cached);
        }
        Uni<Exchanged> shared = inFlight.computeIfAbsent(hash,
                h -> Uni.createFrom().deferred(() -> callExchange(rawKey, h)).memoize().indefinitely());
        // Once answered, the next miss (expiry, eviction) exchanges anew.
        return shared.onTermination().invoke(() -> inFlight.remove(hash, shared));
    }

    private Uni<Exchanged> callExchange(String rawKey, String hash) {
        long startedAt = System.nanoTime();
        long evictionsAtStart = evictions.get();
        return client.postAbs(exchangeUrl)
                .timeout(timeout.toMillis())
                .sendJsonObject(new JsonObject().put("api_key", rawKey))
                .map(response -> {
                    if (response.statusCode() == 401 || response.statusCode() == 404 || response.statusCode() == 422) {
                        cache.remove(hash);
                        throw new InvalidApiKeyException();
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("API-key exchange answered " + response.statusCode());
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    long lifetime = Math.min(ttl.toNanos(),
                            Duration.ofSeconds(body.getLong("expires_in", 0L)).minus(EXPIRY_MARGIN).toNanos());
                    Exchanged exchanged = new Exchanged(body.getString("access_token"), body.getString("user_id"),
                            body.getString("key_prefix"), startedAt + Math.max(lifetime, 0));
                    if (exchanged.accessToken() == null || exchanged.userId() == null) {
                        throw new IllegalStateException("API-key exchange answered without a token");
                    }
                    if (lifetime > 0 && evictions.get() == evictionsAtStart) {
                        cache.put(hash, exchanged);
                    }
                    return exchanged;
                })
                .onFailure(f -> !(f instanceof InvalidApiKeyException))
                .invoke(f -> LOG.warnf("API-key exchange failed: %s", f.getMessage()));
    }

    public void evictPrefix(String keyPrefix) {
        evictions.incrementAndGet();
        // An exchange under way may predate the revocation: later requests must not join it.
        inFlight.clear();
        cache.values().removeIf(e -> keyPrefix.equals(e.keyPrefix()));
    }

    public void evictUser(String userId) {
        evictions.incrementAndGet();
        inFlight.clear();
        cache.values().removeIf(e -> userId.equals(e.userId()));
    }

    public static String sha256(String value) {
        return HexFormat.of().formatHex(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
