package io.shelfwatch.connector.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.shelfwatch.connector.mapping.ProcessedRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A fetch's processed rows under its `cache_key`, per user, in Redis with a TTL; a sorted set
 * per user lists the keys. Redis down: writes are skipped and reads find nothing, so callers
 * fall back to the exports in PostgreSQL.
 */
@ApplicationScoped
public class ProcessedCache {

    /** What listing a key tells without loading its rows. */
    public record Info(@JsonProperty("cache_key") String cacheKey,
            @JsonProperty("marketplace_id") String marketplaceId,
            @JsonProperty("rows") int rows,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("expires_at") String expiresAt) {
    }

    public record Entry(@JsonProperty("info") Info info, @JsonProperty("rows") List<ProcessedRow> rows) {
    }

    private static final Logger LOG = Logger.getLogger(ProcessedCache.class);

    private final ReactiveRedisDataSource redis;
    private final ConnectorConfig config;
    private final ObjectMapper json;

    public ProcessedCache(ReactiveRedisDataSource redis, ConnectorConfig config, ObjectMapper json) {
        this.redis = redis;
        this.config = config;
        this.json = json;
    }

    public Uni<Boolean> put(UUID userId, Entry entry) {
        long ttl = config.processedTtl().toSeconds();
        String cacheKey = entry.info().cacheKey();
        long now = Instant.now().toEpochMilli();
        String data;
        String info;
        try {
            data = json.writeValueAsString(entry);
            info = json.writeValueAsString(entry.info());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(false);
        }
        String index = index(userId);
        return redis.execute("SET", dataKey(userId, cacheKey), data, "EX", Long.toString(ttl))
                .flatMap(ok -> redis.execute("SET", infoKey(userId, cacheKey), info, "EX", Long.toString(ttl)))
                .flatMap(ok -> redis.execute("ZADD", index, Long.toString(now), cacheKey))
                .flatMap(ok -> redis.execute("ZREMRANGEBYSCORE", index, "-inf",
                        Long.toString(now - ttl * 1000)))
                .flatMap(ok -> redis.execute("EXPIRE", index, Long.toString(ttl)))
                .map(ok -> true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("processed data not cached (Redis: %s); exports remain in PostgreSQL",
                            failure.getClass().getSimpleName());
                    return false;
                });
    }

    /** The entry, or null when expired, unknown or Redis cannot be reached. */
    public Uni<Entry> get(UUID userId, String cacheKey) {
        return redis.execute("GET", dataKey(userId, cacheKey))
                .map(response -> response == null ? null : read(response.toString(), Entry.class))
                .onFailure().recoverWithNull();
    }

    /** The user's live keys, newest first; null when Redis cannot be reached. */
    public Uni<List<Info>> list(UUID userId) {
        long ttl = config.processedTtl().toSeconds();
        String min = Long.toString(Instant.now().toEpochMilli() - ttl * 1000);
        return redis.execute("ZRANGEBYSCORE", index(userId), min, "+inf").flatMap(keys -> {
            List<String> names = new ArrayList<>();
            if (keys != null) {
                for (Response key : keys) {
                    names.add(key.toString());
                }
            }
            if (names.isEmpty()) {
                return Uni.createFrom().item(List.<Info>of());
            }
            List<String> infoKeys = names.stream().map(name -> infoKey(userId, name)).toList();
            return redis.execute("MGET", infoKeys.toArray(String[]::new)).map(values -> {
                List<Info> infos = new ArrayList<>();
                if (values != null) {
                    for (Response value : values) {
                        Info info = value == null ? null : read(value.toString(), Info.class);
                        if (info != null) {
                            infos.add(0, info);
                        }
                    }
                }
                return infos;
            });
        }).onFailure().recoverWithNull();
    }

    /** Every key of a deleted user (those Redis cannot be asked about now expire with their TTL). */
    public Uni<Void> deleteAll(UUID userId) {
        return redis.execute("ZRANGE", index(userId), "0", "-1").flatMap(keys -> {
            List<String> doomed = new ArrayList<>(List.of(index(userId)));
            if (keys != null) {
                for (Response key : keys) {
                    doomed.add(dataKey(userId, key.toString()));
                    doomed.add(infoKey(userId, key.toString()));
                }
            }
            return redis.execute("DEL", doomed.toArray(String[]::new));
        }).replaceWithVoid().onFailure().recoverWithNull();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String index(UUID userId) {
        return config.redisKeyPrefix() + "processed-keys:" + userId;
    }

    private String dataKey(UUID userId, String cacheKey) {
        return config.redisKeyPrefix() + "processed:" + userId + ":" + cacheKey;
    }

    private String infoKey(UUID userId, String cacheKey) {
        return config.redisKeyPrefix() + "processed-info:" + userId + ":" + cacheKey;
    }
}
