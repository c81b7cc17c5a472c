package io.shelfwatch.etl.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of etl-service; each has a default for the one-machine run. */
@ConfigMapping(prefix = "etl")
public interface EtlConfig {

    /** Marketplace id of a bare `asin:{ASIN}` product key (DEFAULT_MARKETPLACE). */
    String defaultMarketplace();

    Outbox outbox();

    Alerts alerts();

    interface Outbox {
        /**
         * How often the relay looks for events not yet on Kafka. The pipeline wakes it after each commit,
         * so this bounds only the latency of events written elsewhere (the scheduler runs nothing below 1 s).
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most events the relay sends in one transaction. */
        @WithDefault("500")
        int batchSize();
    }

    interface Alerts {
        /** Smallest price move, in percent of the previous price, that raises a market alert. */
        @WithDefault("10")
        double priceChangePercent();

        /** Smallest Best Sellers Rank move, in percent of the previous rank, that raises a market alert. */
        @WithDefault("30")
        double bsrChangePercent();
    }
}
