package io.shelfwatch.product.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.shelfwatch.product.config.ProductConfig;
import io.shelfwatch.product.mapping.ProductViews.AsinProduct;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Redis side of doc A's stale-while-revalidate cache. Every call fails soft: Redis down or slow
 * reads as a miss and writes are dropped, so answers come from the database instead.
 */
@ApplicationScoped
public class ProductCache {

    private static final Logger LOG = Logger.getLogger(ProductCache.class);

    /** What is stored per ASIN: the product and when it stops being fresh. */
    public record Entry(AsinProduct data, @JsonProperty("stale_at") Instant staleAt) {
        public boolean fresh(Instant now) {
            return now.isBefore(staleAt);
        }
    }

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final ProductConfig config;
    private final Counter failures;

    public ProductCache(ReactiveRedisDataSource redis, ObjectMapper json, ProductConfig config, MeterRegistry meters) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.json = json;
        this.config = config;
        this.failures = Counter.builder("product_cache_redis_failures_total")
                .description("Redis calls that failed or timed out; the database answered instead").register(meters);
    }

    public String key(String asin) {
        return config.redisKeyPrefix() + "asin:" + asin;
    }

    /** The cached entry, or null on a miss or when Redis cannot answer. */
    public Uni<Entry> get(String asin) {
        return soft(values.get(key(asin))).map(this::parse);
    }

    /** All entries in one round trip (MGET); an ASIN missing from the map is a miss. */
    public Uni<Map<String, Entry>> getAll(List<String> asins) {
        String[] keys = asins.stream().map(this::key).toArray(String[]::new);
        return soft(values.mget(keys)).map(found -> {
            Map<String, Entry> entries = new HashMap<>();
            if (found != null) {
                for (String asin : asins) {
                    Entry entry = parse(found.get(key(asin)));
                    if (entry != null) {
                        entries.put(asin, entry);
                    }
                }
            }
            return entries;
        });
    }

    /** Stores a fresh entry; the key outlives freshness by the stale window. */
    public Uni<Entry> put(AsinProduct product) {
        Entry entry = new Entry(product, Instant.now().plus(config.cache().freshFor()).truncatedTo(ChronoUnit.MILLIS));
        return putEntry(entry).replaceWith(entry);
    }

    /** Stores an entry as given (tests use it to plant a stale one). */
    public Uni<Void> putEntry(Entry entry) {
        String value;
        try {
            value = json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("cache entry could not be serialised", e));
        }
        Duration ttl = config.cache().freshFor().plus(config.cache().keepStaleFor());
        return soft(values.set(key(entry.data().asin()), value, new SetArgs().px(ttl))).replaceWithVoid();
    }

    /** Takes the per-key refresh lock (SET NX PX); true for the one caller that should refresh. */
    public Uni<Boolean> lockRefresh(String asin) {
        String lockKey = key(asin) + ":refresh";
        return soft(redis.execute("SET", lockKey, "1", "NX", "PX",
                Long.toString(config.cache().refreshLock().toMillis())))
                .map(response -> response != null && "OK".equals(response.toString()));
    }

    public Uni<Void> evict(String asin) {
        return soft(redis.key(String.class).del(key(asin))).replaceWithVoid();
    }

    private <T> Uni<T> soft(Uni<T> call) {
        return call.ifNoItem().after(config.cache().timeout()).fail()
                .onFailure().invoke(e -> {
                    failures.increment();
                    LOG.debugf("Redis unavailable, answering from the database: %s", e.toString());
                })
                .onFailure().recoverWithNull();
    }

    private Entry parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, Entry.class);
        } catch (JsonProcessingException e) {
            // An entry from an older layout is a miss, not an error.
            return null;
        }
    }

    /** For callers that keep the order of their input. */
    public static List<String> distinct(List<String> asins) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(asins));
    }
}
