package io.shelfwatch.product.repository;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.product.Product;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Tracking rows (user, product, via): who sees a product, and what counts against max_products. */
@ApplicationScoped
@WithSession
public class TrackingRepository {

    /** Sort orders of doc E's `sort_by`, as SQL. */
    public enum SortBy {
        last_seen("p.last_seen DESC NULLS LAST"),
        first_seen("p.first_seen DESC NULLS LAST"),
        price("p.price ASC NULLS LAST"),
        title("p.title ASC NULLS LAST"),
        created("t.created_at DESC");

        final String sql;

        SortBy(String sql) {
            this.sql = sql;
        }
    }

    /** Starts tracking; false when the user already tracked the product. */
    public Uni<Boolean> track(UUID userId, UUID productId, String via) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO tracking (user_id, product_id, via, created_at) VALUES (:user, :product, :via, now())"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("user", userId).setParameter("product", productId).setParameter("via", via)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Boolean> untrack(UUID userId, UUID productId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "DELETE FROM tracking WHERE user_id = :user AND product_id = :product")
                .setParameter("user", userId).setParameter("product", productId)
                .executeUpdate())
                .map(deleted -> deleted > 0);
    }

    public Uni<Boolean> isTracking(UUID userId, UUID productId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT count(*) FROM tracking WHERE user_id = :user AND product_id = :product", Long.class)
                .setParameter("user", userId).setParameter("product", productId)
                .getSingleResult())
                .map(count -> count > 0);
    }

    public Uni<Long> countFor(UUID userId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT count(*) FROM tracking WHERE user_id = :user", Long.class)
                .setParameter("user", userId)
                .getSingleResult());
    }

    public Uni<List<UUID>> trackers(UUID productId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT user_id FROM tracking WHERE product_id = :product ORDER BY user_id", UUID.class)
                .setParameter("product", productId)
                .getResultList());
    }

    /**
     * The products a user tracks, optionally only one status or one competitor store, one page of them.
     * {@code offset} is a long (PostgreSQL's OFFSET is a bigint): a page far past the end is empty, not an overflow.
     */
    public Uni<List<Product>> trackedBy(UUID userId, String status, UUID competitorId, SortBy sortBy, long offset,
            int limit) {
        String sql = "SELECT p.* FROM products p JOIN tracking t ON t.product_id = p.id WHERE t.user_id = :user"
                + filters(status, competitorId) + " ORDER BY " + sortBy.sql + ", p.id LIMIT :limit OFFSET :offset";
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Product.class)
                    .setParameter("user", userId).setParameter("limit", limit).setParameter("offset", offset);
            if (status != null) {
                query.setParameter("status", status);
            }
            if (competitorId != null) {
                query.setParameter("competitor", competitorId);
            }
            return query.getResultList();
        });
    }

    public Uni<Long> countTrackedBy(UUID userId, String status, UUID competitorId) {
        String sql = "SELECT count(*) FROM products p JOIN tracking t ON t.product_id = p.id WHERE t.user_id = :user"
                + filters(status, competitorId);
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Long.class).setParameter("user", userId);
            if (status != null) {
                query.setParameter("status", status);
            }
            if (competitorId != null) {
                query.setParameter("competitor", competitorId);
            }
            return query.getSingleResult();
        });
    }

    private static String filters(String status, UUID competitorId) {
        return (status != null ? " AND p.status = :status" : "")
                + (competitorId != null ? " AND p.competitor_id = :competitor" : "");
    }

    /**
     * A product by key and everyone who should hear of it live: its trackers and watchers.
     * Null when the catalog has no such product (yet).
     */
    public Uni<Audience> audienceOf(String productKey) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT p.id, a.user_id FROM products p LEFT JOIN (SELECT product_id, user_id FROM tracking"
                        + " UNION SELECT product_id, user_id FROM watchlist) a ON a.product_id = p.id"
                        + " WHERE p.product_key = :key", Object[].class)
                .setParameter("key", productKey)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : new Audience((UUID) rows.get(0)[0], rows.stream()
                        .map(row -> (UUID) row[1]).filter(Objects::nonNull)
                        .collect(Collectors.toUnmodifiableSet())));
    }

    /** A product's id and the users tracking or watching it. */
    public record Audience(UUID productId, Set<UUID> users) {
    }
}
