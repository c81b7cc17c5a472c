package io.shelfwatch.etl.alerts;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads who tracks and owns what, from this service's copies of the `products` and
 * `competitors` topics (filled by their consumers, never written here), and what the pipeline
 * knows of a store.
 */
@ApplicationScoped
@WithSession
public class TrackedTargetRepository {

    public Uni<Boolean> tracks(UUID userId, UUID productId) {
        return exists("SELECT EXISTS (SELECT 1 FROM tracked_product WHERE product_id = :id AND :user = ANY (trackers))",
                productId, userId);
    }

    public Uni<Boolean> owns(UUID userId, UUID competitorId) {
        return exists("SELECT EXISTS (SELECT 1 FROM tracked_competitor WHERE competitor_id = :id AND user_id = :user)",
                competitorId, userId);
    }

    /** product-service's id of a product, when it is known here. */
    public Uni<UUID> productIdOf(String productKey) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "SELECT product_id FROM tracked_product WHERE product_key = :key ORDER BY updated_at DESC LIMIT 1",
                UUID.class).setParameter("key", productKey).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /**
     * Whether a store was already known before a day: another of its products was observed on an
     * earlier day. A store's first scan finds every product; none of them is new.
     */
    public Uni<Boolean> storeKnownBefore(UUID competitorId, String productKey, LocalDate day) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM product_latest pl
                                 JOIN product_daily_metrics m ON m.product_key = pl.product_key
                                WHERE pl.competitor_id = :competitor AND pl.product_key <> :key AND m.metric_date < :day)
                """, Boolean.class)
                .setParameter("competitor", competitorId).setParameter("key", productKey).setParameter("day", day)
                .getSingleResult());
    }

    private static Uni<Boolean> exists(String sql, UUID id, UUID userId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(sql, Boolean.class)
                .setParameter("id", id).setParameter("user", userId).getSingleResult());
    }
}
