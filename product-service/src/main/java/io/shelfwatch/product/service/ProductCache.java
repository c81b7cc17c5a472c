package io.shelfwatch.product.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

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

    /**
     * What is stored per ASIN: doc A's product as the JSON text answers carry, and when it
     * stops being fresh. Answers splice {@link #data()} in as it is (no parse, no re-serialise),
     * so a cache hit costs little more than its Redis read.
     */
    public record Entry(String data, String staleAt) {
        /** {@code now} from {@link #stamp}: the fixed width makes text order time order. */
        public boolean fresh(String now) {
            return now.compareTo(staleAt) < 0;
        }

        /** The stored value: {@code {"data":<product>,"stale_at":"<instant>"}}, the layout {@link #read} expects. */
        String stored() {
            return DATA_PREFIX + data + STALE_AT_INFIX + staleAt + STALE_AT_SUFFIX;
        }
    }

    private static final String DATA_PREFIX = "{\"data\":";
    private static final String STALE_AT_INFIX = ",\"stale_at\":\"";
    private static final String STALE_AT_SUFFIX = "\"}";
    /** stale_at as stored and answered: ISO-8601 in UTC, always with milliseconds (24 characters). */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int STAMP_LENGTH = 24;

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
        return soft(values.get(key(asin))).map(ProductCache::read);
    }

    /** All entries in one round trip (MGET); an ASIN missing from the map is a miss. */
    public Uni<Map<String, Entry>> getAll(List<String> asins) {
        String[] keys = asins.stream().map(this::key).toArray(String[]::new);
        return soft(values.mget(keys)).map(found -> {
            Map<String, Entry> entries = new HashMap<>();
            if (found != null) {
                for (String asin : asins) {
                    Entry entry = read(found.get(key(asin)));
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
        return putEntry(product, Instant.now().plus(config.cache().freshFor()));
    }

    /** Stores an entry that turns stale at the given time (tests use it to plant a stale one). */
    public Uni<Entry> putEntry(AsinProduct product, Instant staleAt) {
        Entry entry;
        try {
            entry = new Entry(json.writeValueAsString(product), stamp(staleAt));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("cache entry could not be serialised", e));
        }
        Duration ttl = config.cache().freshFor().plus(config.cache().keepStaleFor());
        return soft(values.set(key(product.asin()), entry.stored(), new SetArgs().px(ttl))).replaceWith(entry);
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

    /**
     * Splits a stored value by position: the product's JSON and the trailing stale_at. Inside
     * the product, every quote of a string value is escaped, so the last {@code ,"stale_at":"}
     * is the entry's own. A value of another layout (an older release) is a miss, not an error.
     */
    static Entry read(String value) {
        if (value == null || !value.startsWith(DATA_PREFIX) || !value.endsWith(STALE_AT_SUFFIX)) {
            return null;
        }
        int infix = value.lastIndexOf(STALE_AT_INFIX);
        if (infix <= DATA_PREFIX.length()) {
            return null;
        }
        String staleAt = value.substring(infix + STALE_AT_INFIX.length(), value.length() - STALE_AT_SUFFIX.length());
        return staleAt.length() == STAMP_LENGTH ? new Entry(value.substring(DATA_PREFIX.length(), infix), staleAt)
                : null;
    }

    /** A time as stale_at is written (milliseconds, UTC), so entries compare with it as text. */
    public static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /** For callers that keep the order of their input. */
    public static List<String> distinct(List<String> asins) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(asins));
    }
}
