package io.shelfwatch.etl.analytics;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the search-query analytics read model (doc D); each has a default for the one-machine run. */
@ConfigMapping(prefix = "analytics")
public interface AnalyticsConfig {

    /** Largest report document accepted once decompressed, in bytes (a gzip bomb stops here). */
    @WithDefault("67108864")
    long maxDocumentBytes();

    /** How long a navigation context stays in Redis (doc D keeps it for a session: one hour). */
    @WithDefault("1h")
    Duration navigationContextTtl();

    /** Prefix of this service's Redis keys (the services may share one Redis). */
    @WithDefault("etl:")
    String redisKeyPrefix();
}
