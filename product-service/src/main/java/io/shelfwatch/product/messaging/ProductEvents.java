package io.shelfwatch.product.messaging;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.product.Product;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The records this service publishes (`products`, `usage`), always through the outbox. */
@ApplicationScoped
public class ProductEvents {

    /** `products` / `product_state`. */
    public record ProductState(
            @JsonProperty("product_id") UUID productId,
            @JsonProperty("product_key") String productKey,
            @JsonProperty("url") String url,
            @JsonProperty("asin") String asin,
            @JsonProperty("competitor_id") UUID competitorId,
            @JsonProperty("trackers") List<UUID> trackers,
            @JsonProperty("deleted") boolean deleted) {
    }

    /** `usage` / `usage_count`. */
    public record UsageCount(
            @JsonProperty("user_id") UUID userId,
            @JsonProperty("metric") String metric,
            @JsonProperty("count") long count,
            @JsonProperty("limit") int limit,
            @JsonProperty("limit_reached") boolean limitReached) {
    }

    private final OutboxWriter outbox;

    public ProductEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> productState(Product product, List<UUID> trackers) {
        var state = new ProductState(product.id, product.productKey, product.url, product.asin,
                product.competitorId, trackers, false);
        return outbox.add("products", product.id.toString(), EventEnvelope.of("product_state", state));
    }

    public Uni<Void> productsTracked(UUID userId, long count, int limit, boolean limitReached) {
        var usage = new UsageCount(userId, "products_tracked", count, limit, limitReached);
        return outbox.add("usage", userId.toString(), EventEnvelope.of("usage_count", usage));
    }
}
