package io.shelfwatch.competition.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

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

    Reports reports();

    Llm llm();

    interface Reports {
        /** Without `force`, a report younger than this is kept instead of generating a new one. */
        @WithDefault("1h")
        Duration minAge();

        /** How many days of the main product's metrics a report's evidence holds. */
        @WithDefault("30")
        int evidenceDays();

        /** How often the workers look for queued generations (a refresh also starts one at once). */
        @WithDefault("2s")
        Duration pollInterval();

        /** A generation running longer than this is taken as abandoned (its replica died) and run again. */
        @WithDefault("10m")
        Duration staleAfter();

        /** A generation abandoned this many times is recorded as failed instead of run again. */
        @WithDefault("3")
        int maxAttempts();
    }

    interface Llm {
        /** OpenAI-compatible API base (e.g. https://api.openai.com/v1); unset: the built-in analyst writes reports. */
        Optional<URI> baseUrl();

        /** Bearer key for that API; never logged. Unset for endpoints without authentication. */
        Optional<String> apiKey();

        /** The chat model asked for the analysis. */
        @WithDefault("gpt-4o-mini")
        String model();

        /** How long to wait for a connection to the LLM endpoint. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long one answer may take before the attempt counts as failed (and is retried). */
        @WithDefault("60s")
        Duration readTimeout();
    }

    interface Outbox {
        /** How often the relay looks for events not yet on Kafka. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Most events the relay sends in one transaction. */
        @WithDefault("100")
        int batchSize();
    }
}
