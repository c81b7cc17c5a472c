package io.shelfwatch.etl.mart;

import java.time.LocalDate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds one day of the mart in a single set-based statement: window functions over the daily
 * metrics give the day-over-day deltas (against the product's previous observed day) and the
 * 7/30/90-day rollups ending on that day. Re-running a day replaces its rows.
 */
@ApplicationScoped
public class MartService {

    private static final String ROLLUP = """
            avg(price) OVER w%1$d, min(min_price) OVER w%1$d, max(max_price) OVER w%1$d,
            round(avg(bsr) OVER w%1$d, 2), round(avg(rating) OVER w%1$d, 2),
            reviews_count - first_value(reviews_count) OVER w%1$d""";

    private static final String REFRESH = """
            INSERT INTO mart_product_daily (product_key, metric_date, asin, price, price_change, price_change_pct,
                bsr, bsr_change, rating, rating_change, reviews_count, reviews_change,
                avg_price_7d, min_price_7d, max_price_7d, avg_bsr_7d, avg_rating_7d, review_growth_7d,
                avg_price_30d, min_price_30d, max_price_30d, avg_bsr_30d, avg_rating_30d, review_growth_30d,
                avg_price_90d, min_price_90d, max_price_90d, avg_bsr_90d, avg_rating_90d, review_growth_90d,
                refreshed_at)
            SELECT * FROM (
                SELECT product_key, metric_date, asin, price,
                    price - lag(price) OVER w,
                    round((price - lag(price) OVER w) * 100 / NULLIF(lag(price) OVER w, 0), 2),
                    bsr, bsr - lag(bsr) OVER w,
                    rating, rating - lag(rating) OVER w,
                    reviews_count, reviews_count - lag(reviews_count) OVER w,
                    %s,
                    %s,
                    %s,
                    now()
                FROM product_daily_metrics
                WHERE metric_date BETWEEN CAST(:day AS date) - 89 AND CAST(:day AS date)
                WINDOW w AS (PARTITION BY product_key ORDER BY metric_date),
                    w7 AS (PARTITION BY product_key ORDER BY metric_date RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW),
                    w30 AS (PARTITION BY product_key ORDER BY metric_date RANGE BETWEEN INTERVAL '29 days' PRECEDING AND CURRENT ROW),
                    w90 AS (PARTITION BY product_key ORDER BY metric_date RANGE BETWEEN INTERVAL '89 days' PRECEDING AND CURRENT ROW)
            ) day_rows
            WHERE metric_date = CAST(:day AS date)
            ON CONFLICT (product_key, metric_date) DO UPDATE SET
                asin = EXCLUDED.asin, price = EXCLUDED.price, price_change = EXCLUDED.price_change,
                price_change_pct = EXCLUDED.price_change_pct, bsr = EXCLUDED.bsr, bsr_change = EXCLUDED.bsr_change,
                rating = EXCLUDED.rating, rating_change = EXCLUDED.rating_change,
                reviews_count = EXCLUDED.reviews_count, reviews_change = EXCLUDED.reviews_change,
                avg_price_7d = EXCLUDED.avg_price_7d, min_price_7d = EXCLUDED.min_price_7d,
                max_price_7d = EXCLUDED.max_price_7d, avg_bsr_7d = EXCLUDED.avg_bsr_7d,
                avg_rating_7d = EXCLUDED.avg_rating_7d, review_growth_7d = EXCLUDED.review_growth_7d,
                avg_price_30d = EXCLUDED.avg_price_30d, min_price_30d = EXCLUDED.min_price_30d,
                max_price_30d = EXCLUDED.max_price_30d, avg_bsr_30d = EXCLUDED.avg_bsr_30d,
                avg_rating_30d = EXCLUDED.avg_rating_30d, review_growth_30d = EXCLUDED.review_growth_30d,
                avg_price_90d = EXCLUDED.avg_price_90d, min_price_90d = EXCLUDED.min_price_90d,
                max_price_90d = EXCLUDED.max_price_90d, avg_bsr_90d = EXCLUDED.avg_bsr_90d,
                avg_rating_90d = EXCLUDED.avg_rating_90d, review_growth_90d = EXCLUDED.review_growth_90d,
                refreshed_at = EXCLUDED.refreshed_at
            """.formatted(ROLLUP.formatted(7), ROLLUP.formatted(30), ROLLUP.formatted(90));

    /** Rows written for the day (one per product observed that day). */
    @WithTransaction
    public Uni<Integer> refresh(LocalDate day) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(REFRESH).setParameter("day", day).executeUpdate());
    }
}
