package io.shelfwatch.competition.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.shelfwatch.competition.config.CompetitionConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cached competition answers in Redis. Each main ASIN has a version that every change to its
 * comparisons or links increments; the version is part of each cache key, so new data makes the
 * old entries unreachable at once. Redis unavailable: every call answers "nothing cached" and the
 * caller reads the database.
 */
@ApplicationScoped
public class CompetitionCache {

    private static final Logger LOG = Logger.getLogger(CompetitionCache.class);
    /** A Redis that does not answer quickly is treated as down; the database is the fallback. */
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

    /** What is stored: the answer and when it turns stale. */
    public record Entry<T>(T data, Instant staleAt) {
    }

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final CompetitionConfig config;

    public CompetitionCache(ReactiveRedisDataSource redis, ObjectMapper json, CompetitionConfig config) {
        this.redis = redis;
        this.json = json;
        this.config = config;
    }

    /** The cached answer, if any; a cache failure reads as a miss. */
    public <T> Uni<Optional<Entry<T>>> get(UUID userId, String asinMain, String query, Class<T> type) {
        return version(asinMain)
                .flatMap(version -> redis.value(String.class).get(key(userId, asinMain, query, version)))
                .map(text -> text == null ? Optional.<Entry<T>>empty() : Optional.of(read(text, type)))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("competition cache unavailable: %s", e.getMessage());
                    return Optional.empty();
                });
    }

    /** Stores an answer; answers when it turns stale, or null when it could not be stored. */
    public <T> Uni<Instant> put(UUID userId, String asinMain, String query, T data) {
        Duration ttl = config.cacheTtl();
        Instant staleAt = Instant.now().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return version(asinMain)
                .flatMap(version -> redis.value(String.class).set(key(userId, asinMain, query, version),
                        write(new Entry<>(data, staleAt)), new SetArgs().px(ttl)))
                .map(ok -> staleAt)
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .onFailure().recoverWithItem(e -> null);
    }

    /** Makes every cached answer about these main ASINs unreachable. */
    public Uni<Void> invalidate(List<String> asinMains) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String main : asinMains) {
            chain = chain.flatMap(v -> redis.value(Long.class).incr(versionKey(main)).replaceWithVoid()
                    .ifNoItem().after(REDIS_TIMEOUT).fail()
                    .onFailure().recoverWithItem(e -> {
                        LOG.warnf("competition cache not invalidated for %s (entries expire on their own): %s",
                                main, e.getMessage());
                        return null;
                    }));
        }
        return chain;
    }

    private Uni<Long> version(String asinMain) {
        return redis.value(Long.class).get(versionKey(asinMain)).map(v -> v == null ? 0L : v);
    }

    private String versionKey(String asinMain) {
        return config.redisKeyPrefix() + "version:" + asinMain;
    }

    private String key(UUID userId, String asinMain, String query, long version) {
        return config.redisKeyPrefix() + "answer:" + asinMain + ":" + version + ":" + userId + ":" + query;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cache entry could not be written", e);
        }
    }

    private <T> Entry<T> read(String text, Class<T> type) {
        try {
            var node = json.readTree(text);
            return new Entry<>(json.treeToValue(node.get("data"), type),
                    node.hasNonNull("staleAt") ? Instant.parse(node.get("staleAt").asText()) : null);
        } catch (Exception e) {
            throw new IllegalStateException("cache entry could not be read", e);
        }
    }
}
