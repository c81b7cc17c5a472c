package io.shelfwatch.etl.analytics;

import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Navigation contexts in Redis under `etl:analytics:nav:{contextId}`, expiring after the configured TTL. */
@ApplicationScoped
public class NavigationContextStore {

    private static final Logger LOG = Logger.getLogger(NavigationContextStore.class);

    private final ReactiveRedisDataSource redis;
    private final AnalyticsConfig config;
    private final ObjectMapper json;

    public NavigationContextStore(ReactiveRedisDataSource redis, AnalyticsConfig config, ObjectMapper json) {
        this.redis = redis;
        this.config = config;
        this.json = json;
    }

    public Uni<Void> put(NavigationContext context) {
        String value;
        try {
            value = json.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return redis.execute("SET", key(context.contextId()), value, "EX",
                Long.toString(config.navigationContextTtl().toSeconds()))
                .replaceWithVoid()
                .onFailure().transform(NavigationContextStore::unavailable);
    }

    /** The context, or null when unknown or expired. */
    public Uni<NavigationContext> get(UUID contextId) {
        return redis.execute("GET", key(contextId.toString()))
                .onFailure().transform(NavigationContextStore::unavailable)
                .map(response -> {
                    if (response == null) {
                        return null;
                    }
                    try {
                        return json.readValue(response.toString(), NavigationContext.class);
                    } catch (JsonProcessingException e) {
                        LOG.warnf("unreadable navigation context %s dropped", contextId);
                        return null;
                    }
                });
    }

    private String key(String contextId) {
        return config.redisKeyPrefix() + "analytics:nav:" + contextId;
    }

    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof AnalyticsException) {
            return failure;
        }
        LOG.warnf("navigation context store unreachable (Redis: %s)", failure.getClass().getSimpleName());
        return new AnalyticsException(503, "Navigation context store unavailable", "SERVICE_UNAVAILABLE",
                java.util.Map.of());
    }
}
