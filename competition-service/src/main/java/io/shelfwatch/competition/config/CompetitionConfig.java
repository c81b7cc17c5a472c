package io.shelfwatch.competition.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of competition-service; each has a default for the one-machine run. */
@ConfigMapping(prefix = "competition")
public interface CompetitionConfig {

    /** Every Redis key of this service starts with this (the services may share one Redis). */
    @WithDefault("competition:")
    String redisKeyPrefix();

    /** How long a competition answer is served from Redis at most (new data invalidates it sooner). */
    @WithDefault("5m")
    Duration cacheTtl();

    Outbox outbox();

    interface Outbox {
        /** How often the relay looks for events not yet on Kafka. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Most events the relay sends in one transaction. */
        @WithDefault("100")
        int batchSize();
    }
}
