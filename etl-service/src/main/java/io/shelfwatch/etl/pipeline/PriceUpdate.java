package io.shelfwatch.etl.pipeline;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The `data` of a `price_update` record (contracts/schemas/price.updates/price_update.schema.json). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PriceUpdate(
        @JsonProperty("product_key") String productKey,
        @JsonProperty("asin") String asin,
        @JsonProperty("url") String url,
        @JsonProperty("competitor_id") UUID competitorId,
        @JsonProperty("status") String status,
        @JsonProperty("snapshot") Snapshot snapshot,
        @JsonProperty("previous") Snapshot previous) {

    public static final String TYPE = "price_update";
    public static final String TOPIC = "price.updates";
}
