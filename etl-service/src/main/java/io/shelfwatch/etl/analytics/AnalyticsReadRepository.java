package io.shelfwatch.etl.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reads behind doc D. Product lists come from the per-ASIN-and-period rollup (one row per ASIN
 * and week, not one per query), so a brand of 200 ASINs × 500 queries × 52 weeks sums ~10k rows;
 * only one ASIN's segments read the per-query rows, for their top queries.
 * A period counts in a date range when it lies entirely inside it (as doc D's `start_date >= ? AND
 * end_date <= ?`).
 */
@ApplicationScoped
public class AnalyticsReadRepository {

    public record AsinTotals(String asin, Totals totals, String currency) {
    }

    public record PeriodTotals(String asin, LocalDate start, LocalDate end, Totals totals) {
    }

    /** A query's sums in a bucket; `periodDays` is the length of the reporting period they were reported for. */
    public record QueryTotals(LocalDate bucket, int periodDays, String searchQuery, long impressions, long clicks,
            long purchases) {
    }

    private static final String SUMS = "sum(impressions) AS i, sum(query_impressions) AS qi, sum(clicks) AS c,"
            + " sum(query_clicks) AS qc, sum(cart_adds) AS ca, sum(query_cart_adds) AS qca, sum(purchases) AS p,"
            + " sum(query_purchases) AS qp, sum(revenue) AS revenue";

    private final Pool pool;

    public AnalyticsReadRepository(Pool pool) {
        this.pool = pool;
    }

    /** The finest reporting period (WEEK, MONTH, QUARTER) loaded for the brand inside the range; null if none. */
    public Uni<String> granularity(UUID brandId, LocalDate start, LocalDate end) {
        return pool.preparedQuery("SELECT report_period FROM sqp_brand_period WHERE brand_id = $1"
                + " AND period_start >= $2 AND period_end <= $3 GROUP BY report_period"
                + " ORDER BY CASE report_period WHEN 'WEEK' THEN 0 WHEN 'MONTH' THEN 1 ELSE 2 END LIMIT 1")
                .execute(Tuple.of(brandId, start, end))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** Every ASIN of the brand with data in the range, with its sums. */
    public Uni<Map<String, AsinTotals>> asinTotals(UUID brandId, String period, LocalDate start, LocalDate end) {
        if (period == null) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT asin, " + SUMS + ", max(currency) AS currency FROM sqp_asin_period"
                + " WHERE brand_id = $1 AND report_period = $2 AND period_start >= $3 AND period_end <= $4 GROUP BY asin")
                .execute(Tuple.of(brandId, period, start, end))
                .map(rows -> {
                    Map<String, AsinTotals> out = new LinkedHashMap<>();
                    rows.forEach(row -> out.put(row.getString("asin"),
                            new AsinTotals(row.getString("asin"), totals(row), row.getString("currency"))));
                    return out;
                });
    }

    /** Per period sums of some ASINs of the brand (segments). */
    public Uni<List<PeriodTotals>> periods(UUID brandId, String period, LocalDate start, LocalDate end, List<String> asins) {
        if (period == null || asins.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("SELECT asin, period_start, max(period_end) AS period_end, " + SUMS
                + " FROM sqp_asin_period WHERE brand_id = $1 AND report_period = $2 AND period_start >= $3"
                + " AND period_end <= $4 AND asin = ANY($5) GROUP BY asin, period_start")
                .execute(Tuple.of(brandId, period, start, end, asins.toArray(String[]::new)))
                .map(rows -> {
                    List<PeriodTotals> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new PeriodTotals(row.getString("asin"),
                            row.getLocalDate("period_start"), row.getLocalDate("period_end"), totals(row))));
                    return out;
                });
    }

    /** The brand's whole market in the range: each query's totals once per period. */
    public Uni<Totals> market(UUID brandId, String period, LocalDate start, LocalDate end) {
        if (period == null) {
            return Uni.createFrom().item(Totals.ZERO);
        }
        return pool.preparedQuery("SELECT coalesce(sum(query_impressions), 0) AS qi, coalesce(sum(query_clicks), 0) AS qc,"
                + " coalesce(sum(query_cart_adds), 0) AS qca, coalesce(sum(query_purchases), 0) AS qp"
                + " FROM sqp_brand_period WHERE brand_id = $1 AND report_period = $2 AND period_start >= $3 AND period_end <= $4")
                .execute(Tuple.of(brandId, period, start, end))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Totals(0, row.getLong("qi"), 0, row.getLong("qc"), 0, row.getLong("qca"), 0,
                            row.getLong("qp"), BigDecimal.ZERO);
                });
    }

    /** Whether the brand has ever had data for the ASIN. */
    public Uni<Boolean> hasAsin(UUID brandId, String asin) {
        return pool.preparedQuery("SELECT 1 FROM sqp_asin_period WHERE brand_id = $1 AND asin = $2 LIMIT 1")
                .execute(Tuple.of(brandId, asin)).map(rows -> rows.size() > 0);
    }

    /**
     * The ten best queries of an ASIN per bucket (its period's start, or its month when `monthly`),
     * by purchases, then clicks, then impressions.
     */
    public Uni<List<QueryTotals>> topQueries(UUID brandId, String asin, String period, LocalDate start, LocalDate end,
            boolean monthly, int perBucket) {
        if (period == null) {
            return Uni.createFrom().item(List.of());
        }
        String bucket = monthly ? "CAST(date_trunc('month', period_start) AS date)" : "period_start";
        return pool.preparedQuery("""
                SELECT bucket, days, search_query, i, c, p FROM (
                    SELECT %s AS bucket, search_query, sum(asin_impressions) AS i, sum(asin_clicks) AS c,
                        sum(asin_purchases) AS p, max(period_end - period_start) + 1 AS days,
                        row_number() OVER (PARTITION BY %s ORDER BY sum(asin_purchases) DESC, sum(asin_clicks) DESC,
                            sum(asin_impressions) DESC, search_query) AS rank
                    FROM sqp_query_performance
                    WHERE brand_id = $1 AND asin = $2 AND report_period = $3 AND period_start >= $4 AND period_end <= $5
                    GROUP BY 1, search_query) ranked
                WHERE rank <= $6 ORDER BY bucket, rank
                """.formatted(bucket, bucket))
                .execute(Tuple.of(brandId, asin, period, start, end, perBucket))
                .map(rows -> {
                    List<QueryTotals> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new QueryTotals(row.getLocalDate("bucket"), row.getInteger("days"), row.getString("search_query"),
                            row.getLong("i"), row.getLong("c"), row.getLong("p"))));
                    return out;
                });
    }

    /** Titles the pipeline knows for these ASINs (default marketplace), from its latest product state. */
    public Uni<Map<String, String>> titles(List<String> asins) {
        if (asins.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT asin, title FROM product_latest WHERE product_key = ANY($1) AND title IS NOT NULL")
                .execute(Tuple.of(asins.stream().map(a -> "asin:" + a).toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> out = new HashMap<>();
                    rows.forEach(row -> out.put(row.getString("asin"), row.getString("title")));
                    return out;
                });
    }

    private static Totals totals(Row row) {
        return new Totals(row.getLong("i"), row.getLong("qi"), row.getLong("c"), row.getLong("qc"), row.getLong("ca"),
                row.getLong("qca"), row.getLong("p"), row.getLong("qp"), row.getBigDecimal("revenue"));
    }
}
