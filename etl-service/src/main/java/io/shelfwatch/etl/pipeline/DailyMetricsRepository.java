package io.shelfwatch.etl.pipeline;

import java.time.ZoneOffset;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Daily metrics per product and UTC day, upserted in the caller's transaction. */
@ApplicationScoped
public class DailyMetricsRepository {

    // One statement per observation: the day's row is created or folded in place, and its
    // "latest" columns only move forward in time (a late observation still counts in min/max/avg).
    private static final String UPSERT = """
            INSERT INTO product_daily_metrics AS d (product_key, metric_date, asin, price, min_price, max_price,
                price_sum, price_observations, bsr, rating, reviews_count, buybox_price, observations, last_observed_at)
            VALUES (:key, CAST(:day AS date), :asin, CAST(:price AS numeric), CAST(:price AS numeric), CAST(:price AS numeric),
                COALESCE(CAST(:price AS numeric), 0), CASE WHEN CAST(:price AS numeric) IS NULL THEN 0 ELSE 1 END,
                CAST(:bsr AS integer), CAST(:rating AS numeric), CAST(:reviews AS integer), CAST(:buybox AS numeric), 1, :at)
            ON CONFLICT (product_key, metric_date) DO UPDATE SET
                asin = COALESCE(EXCLUDED.asin, d.asin),
                min_price = LEAST(d.min_price, EXCLUDED.min_price),
                max_price = GREATEST(d.max_price, EXCLUDED.max_price),
                price_sum = d.price_sum + EXCLUDED.price_sum,
                price_observations = d.price_observations + EXCLUDED.price_observations,
                observations = d.observations + 1,
                price = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at THEN EXCLUDED.price ELSE d.price END,
                bsr = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at THEN EXCLUDED.bsr ELSE d.bsr END,
                rating = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at THEN EXCLUDED.rating ELSE d.rating END,
                reviews_count = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at
                    THEN EXCLUDED.reviews_count ELSE d.reviews_count END,
                buybox_price = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at
                    THEN EXCLUDED.buybox_price ELSE d.buybox_price END,
                last_observed_at = GREATEST(d.last_observed_at, EXCLUDED.last_observed_at)
            """;

    public Uni<Void> record(String productKey, String asin, Snapshot s) {
        var at = s.observedAt().atOffset(ZoneOffset.UTC);
        // The reactive driver binds by Java type: numbers as BigDecimal/Integer, the day as a LocalDate.
        return Panache.getSession().flatMap(session -> session.createNativeQuery(UPSERT)
                .setParameter("key", productKey)
                .setParameter("day", at.toLocalDate())
                .setParameter("asin", asin)
                .setParameter("price", s.price())
                .setParameter("bsr", s.bsr())
                .setParameter("rating", s.rating())
                .setParameter("reviews", s.reviewsCount())
                .setParameter("buybox", s.buyboxPrice())
                .setParameter("at", at)
                .executeUpdate())
                .replaceWithVoid();
    }
}
