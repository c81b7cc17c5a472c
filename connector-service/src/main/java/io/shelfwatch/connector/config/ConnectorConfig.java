package io.shelfwatch.connector.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of connector-service; each has a default for the one-machine run. */
@ConfigMapping(prefix = "connector")
public interface ConnectorConfig {

    /** Every Redis key of this service starts with this. */
    @WithDefault("connector:")
    String redisKeyPrefix();

    /** Base64 of a 32-byte AES key (ENCRYPTION_KEY); protects Amazon credentials at rest. */
    Optional<String> encryptionKey();

    /** The marketplace a connection is for when `connect` names none (UK, doc B's example). */
    @WithDefault("A1F83G8C2ARO7P")
    String defaultMarketplaceId();

    /** How long a fetch's processed data stays downloadable under its `cache_key` (Redis). */
    @WithDefault("PT24H")
    Duration processedTtl();

    /**
     * Longest a request that waits for Amazon (fetch-data, fetch-missing-items, connect, …) works before it
     * is stopped and answered 408, doc B's upstream timeout. Below the gateway's upstream timeout (30 s),
     * so a client gets this answer and its activity ends, instead of the gateway's 504.
     */
    @WithDefault("PT25S")
    Duration requestDeadline();

    Lwa lwa();

    Jobs jobs();

    interface Jobs {
        /** How often this replica looks for background work (pending, or abandoned by a stopped replica). */
        @WithDefault("2s")
        String pollInterval();

        /** How long a replica owns a background job without recording progress before another may resume it. */
        @WithDefault("PT5M")
        Duration lease();

        /** Background jobs one replica runs at a time. */
        @WithDefault("4")
        int concurrency();

        /** Runs of one job (resumes after a restart included) before it is marked failed. */
        @WithDefault("5")
        int maxAttempts();
    }

    interface Outbox {
        /** How often committed events are relayed to Kafka. */
        @WithDefault("500ms")
        String pollInterval();

        /** Events relayed to Kafka per transaction (few: an sqp.reports record may be 16 MB). */
        @WithDefault("5")
        int batchSize();
    }

    Outbox outbox();

    SpApi spApi();

    interface SpApi {
        /** SPAPI_ENDPOINT: one endpoint for every marketplace; unset: Amazon's regional endpoint of the marketplace. */
        Optional<String> endpoint();

        /** Longest an SP-API call may take, waits for the rate limit and retries included. */
        @WithDefault("PT2M")
        Duration deadline();

        /** First wait before retrying a 429 or 5xx; doubled on each further attempt, with jitter. */
        @WithDefault("PT1S")
        Duration backoffBase();

        /** Longest single wait between two attempts. */
        @WithDefault("PT30S")
        Duration backoffMax();

        /** Most attempts of one request (the first included). */
        @WithDefault("6")
        int maxAttempts();

        /** How long one download of a report document may take. */
        @WithDefault("PT2M")
        Duration downloadTimeout();

        /** Largest report document (uncompressed) this service accepts. */
        @WithDefault("536870912")
        long documentMaxBytes();

        /** Wait between two `getReport` polls while Amazon prepares a report. */
        @WithDefault("PT15S")
        Duration reportPollInterval();

        /** Longest wait for a report to be DONE before giving up. */
        @WithDefault("PT45M")
        Duration reportMaxWait();

        /** Multiplies Amazon's documented rates; 1 in production, larger only for benchmarks against an imitation. */
        @WithDefault("1")
        double rateScale();
    }

    interface Lwa {
        /** An access token this close to its expiry is refreshed before use. */
        @WithDefault("PT5M")
        Duration refreshMargin();
    }
}
