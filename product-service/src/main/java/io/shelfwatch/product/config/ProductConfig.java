package io.shelfwatch.product.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of product-service; each has a default for the one-machine run. */
@ConfigMapping(prefix = "product")
public interface ProductConfig {

    /** Every Redis key starts with it, since services may share one Redis. */
    @WithDefault("product:")
    String redisKeyPrefix();

    /** Marketplace id of a bare `asin:{ASIN}` key (DEFAULT_MARKETPLACE); US unless set. */
    @WithDefault("ATVPDKIKX0DER")
    String defaultMarketplace();

    /** max_products used while a new user's account.events record has not arrived (the free plan's). */
    @WithDefault("50")
    int fallbackMaxProducts();

    /** Serves /internal/bench/* (the bounds bench/product-get.sh compares against); never on in production. */
    @WithDefault("false")
    boolean benchEndpoints();

    Cache cache();

    Outbox outbox();

    Live live();

    interface Cache {
        /** How long a cached product is served as fresh; `stale_at` is the end of it. */
        @WithDefault("60s")
        Duration freshFor();

        /** How long a stale entry may still be served while it is refreshed in the background. */
        @WithDefault("1h")
        Duration keepStaleFor();

        /** Lock held by the one request refreshing a stale key; expires if that refresh dies. */
        @WithDefault("10s")
        Duration refreshLock();

        /** A Redis call slower than this is treated as Redis down: the answer comes from the database. */
        @WithDefault("300ms")
        Duration timeout();
    }

    interface Outbox {
        /** How often the relay looks for events not yet on Kafka. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Most events the relay sends in one transaction. */
        @WithDefault("100")
        int batchSize();
    }

    interface Live {
        /**
         * Updates one /ws/updates connection may have waiting for its socket; one more and the
         * connection is closed with 1008 (see LiveFeed), so a slow client never holds memory or others up.
         */
        @WithDefault("256")
        int bufferSize();

        /**
         * A connection whose client has answered no ping for this long is closed (1001); with pings
         * every 30 s (quarkus.websockets-next.server.auto-ping-interval) that is three missed answers.
         */
        @WithDefault("90s")
        Duration maxSilence();

        /** How often connections are checked for silence (LiveUpdates' @Scheduled reads it). */
        @WithDefault("15s")
        Duration silenceCheck();

        /** A price.updates record for a product the catalog has not stored yet is routed again once after this. */
        @WithDefault("1s")
        Duration unknownProductRetry();
    }
}
