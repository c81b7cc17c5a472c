package io.shelfwatch.etl.config;

import io.smallrye.config.ConfigMapping;

/** Settings of etl-service; each has a default for the one-machine run. */
@ConfigMapping(prefix = "etl")
public interface EtlConfig {

    /** Marketplace id of a bare `asin:{ASIN}` product key (DEFAULT_MARKETPLACE). */
    String defaultMarketplace();
}
