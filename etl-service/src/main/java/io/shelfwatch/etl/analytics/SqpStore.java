package io.shelfwatch.etl.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Loads report documents: in one transaction per document, the rows the document speaks for
 * (its brand, period and ASINs) are replaced and the rollups of the touched periods rebuilt.
 * The same document again changes nothing; a restated period replaces the old numbers.
 */
@ApplicationScoped
public class SqpStore {

    public enum Outcome { LOADED, REPLACED, UNCHANGED }

    public record LoadResult(Outcome outcome, int rows) {
    }

    /** Rows per INSERT statement (arrays bound as parameters, unnested by PostgreSQL). */
    private static final int CHUNK = 5000;

    private static final String INSERT_ROWS = """
            INSERT INTO sqp_query_performance (brand_id, report_period, period_start, period_end, asin, search_query,
                search_query_score, search_query_volume, total_impressions, asin_impressions, total_clicks, asin_clicks,
                total_cart_adds, asin_cart_adds, total_purchases, asin_purchases, median_price, currency, revenue_estimate)
            SELECT $1, $2, r.s, r.e, r.asin, r.q, r.score, r.volume, r.ti, r.ai, r.tc, r.ac, r.tca, r.aca, r.tp, r.ap,
                CAST(r.price AS numeric), r.currency, COALESCE(CAST(r.price AS numeric), 0) * r.ap
            FROM unnest($3::date[], $4::date[], $5::text[], $6::text[], $7::int[], $8::bigint[], $9::bigint[],
                $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[],
                $17::text[], $18::text[])
                AS r(s, e, asin, q, score, volume, ti, ai, tc, ac, tca, aca, tp, ap, price, currency)
            """;

    private static final String REBUILD_ASIN_PERIODS = """
            INSERT INTO sqp_asin_period (brand_id, report_period, period_start, period_end, asin, impressions,
                query_impressions, clicks, query_clicks, cart_adds, query_cart_adds, purchases, query_purchases,
                revenue, currency)
            SELECT brand_id, report_period, period_start, max(period_end), asin, sum(asin_impressions),
                sum(total_impressions), sum(asin_clicks), sum(total_clicks), sum(asin_cart_adds), sum(total_cart_adds),
                sum(asin_purchases), sum(total_purchases), sum(revenue_estimate), max(currency)
            FROM sqp_query_performance
            WHERE brand_id = $1 AND report_period = $2 AND asin = ANY($3) AND period_start >= $4 AND period_end <= $5
            GROUP BY brand_id, report_period, period_start, asin
            """;

    // A query's totals are the same for every ASIN that shows in it: counted once per period.
    private static final String REBUILD_BRAND_PERIODS = """
            INSERT INTO sqp_brand_period (brand_id, report_period, period_start, period_end, query_impressions,
                query_clicks, query_cart_adds, query_purchases)
            SELECT brand_id, report_period, period_start, max(period_end), sum(qi), sum(qc), sum(qca), sum(qp)
            FROM (SELECT brand_id, report_period, period_start, max(period_end) AS period_end, search_query,
                    max(total_impressions) AS qi, max(total_clicks) AS qc, max(total_cart_adds) AS qca,
                    max(total_purchases) AS qp
                  FROM sqp_query_performance
                  WHERE brand_id = $1 AND report_period = $2 AND period_start >= $3 AND period_end <= $4
                  GROUP BY brand_id, report_period, period_start, search_query) q
            GROUP BY brand_id, report_period, period_start
            """;

    private final Pool pool;

    public SqpStore(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    /** Loads the report for the brand inside the caller's transaction (the brand row is locked by the caller). */
    public Uni<LoadResult> load(SqlClient tx, UUID brandId, SqpReport report, String reportId) {
        String asinKey = String.join(" ", report.asins());
        Tuple key = Tuple.of(brandId, report.reportPeriod(), report.start(), asinKey);
        return tx.preparedQuery("SELECT sha256 FROM sqp_report_load WHERE brand_id = $1 AND report_period = $2"
                + " AND period_start = $3 AND asins = $4").execute(key)
                .flatMap(found -> {
                    String previous = found.size() == 0 ? null : found.iterator().next().getString("sha256");
                    if (report.sha256().equals(previous)) {
                        return Uni.createFrom().item(new LoadResult(Outcome.UNCHANGED, report.rows().size()));
                    }
                    Outcome outcome = previous == null ? Outcome.LOADED : Outcome.REPLACED;
                    // Earlier loads sharing an ASIN with this one are (partly) superseded: loading one of them
                    // again is a restatement, not a repeat.
                    return replace(tx, brandId, report)
                            .flatMap(v -> tx.preparedQuery("DELETE FROM sqp_report_load WHERE brand_id = $1"
                                    + " AND report_period = $2 AND period_start = $3 AND asins <> $4"
                                    + " AND string_to_array(asins, ' ') && $5")
                                    .execute(Tuple.of(brandId, report.reportPeriod(), report.start(), asinKey,
                                            report.asins().toArray(String[]::new))))
                            .flatMap(v -> tx.preparedQuery("""
                                    INSERT INTO sqp_report_load (brand_id, report_period, period_start, period_end, asins,
                                        sha256, report_id, rows_loaded, loaded_at)
                                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                                    ON CONFLICT (brand_id, report_period, period_start, asins) DO UPDATE SET
                                        period_end = EXCLUDED.period_end, sha256 = EXCLUDED.sha256,
                                        report_id = EXCLUDED.report_id, rows_loaded = EXCLUDED.rows_loaded,
                                        loaded_at = EXCLUDED.loaded_at
                                    """).execute(Tuple.from(List.of(brandId, report.reportPeriod(), report.start(),
                                    report.end(), asinKey, report.sha256(), reportId == null ? "" : reportId,
                                    report.rows().size(), OffsetDateTime.now(ZoneOffset.UTC)))))
                            .map(v -> new LoadResult(outcome, report.rows().size()));
                });
    }

    private Uni<Void> replace(SqlClient tx, UUID brandId, SqpReport report) {
        String[] asins = report.asins().toArray(String[]::new);
        Tuple scope = Tuple.of(brandId, report.reportPeriod(), asins, report.start(), report.end());
        Uni<Void> chain = tx.preparedQuery("DELETE FROM sqp_query_performance WHERE brand_id = $1 AND report_period = $2"
                + " AND asin = ANY($3) AND period_start >= $4 AND period_end <= $5").execute(scope).replaceWithVoid();
        List<SqpReport.Row> rows = report.rows();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<SqpReport.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            chain = chain.flatMap(v -> tx.preparedQuery(INSERT_ROWS).execute(insertTuple(brandId, report, chunk))
                    .replaceWithVoid());
        }
        Tuple periods = Tuple.of(brandId, report.reportPeriod(), report.start(), report.end());
        return chain
                .flatMap(v -> tx.preparedQuery("DELETE FROM sqp_asin_period WHERE brand_id = $1 AND report_period = $2"
                        + " AND asin = ANY($3) AND period_start >= $4 AND period_end <= $5").execute(scope))
                .flatMap(v -> tx.preparedQuery(REBUILD_ASIN_PERIODS).execute(scope))
                .flatMap(v -> tx.preparedQuery("DELETE FROM sqp_brand_period WHERE brand_id = $1 AND report_period = $2"
                        + " AND period_start >= $3 AND period_end <= $4").execute(periods))
                .flatMap(v -> tx.preparedQuery(REBUILD_BRAND_PERIODS).execute(periods))
                .replaceWithVoid();
    }

    private static Tuple insertTuple(UUID brandId, SqpReport report, List<SqpReport.Row> rows) {
        int n = rows.size();
        LocalDate[] starts = new LocalDate[n];
        LocalDate[] ends = new LocalDate[n];
        String[] asins = new String[n];
        String[] queries = new String[n];
        Integer[] scores = new Integer[n];
        Long[] volumes = new Long[n];
        Long[][] counts = new Long[8][n];
        String[] prices = new String[n];
        String[] currencies = new String[n];
        for (int i = 0; i < n; i++) {
            SqpReport.Row r = rows.get(i);
            starts[i] = r.start();
            ends[i] = r.end();
            asins[i] = r.asin();
            queries[i] = r.searchQuery();
            scores[i] = r.score();
            volumes[i] = r.volume();
            counts[0][i] = r.totalImpressions();
            counts[1][i] = r.asinImpressions();
            counts[2][i] = r.totalClicks();
            counts[3][i] = r.asinClicks();
            counts[4][i] = r.totalCartAdds();
            counts[5][i] = r.asinCartAdds();
            counts[6][i] = r.totalPurchases();
            counts[7][i] = r.asinPurchases();
            prices[i] = r.medianPrice() == null ? null : r.medianPrice().toPlainString();
            currencies[i] = r.currency();
        }
        return Tuple.from(List.of(brandId, report.reportPeriod(), starts, ends, asins, queries, scores, volumes,
                counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], prices,
                currencies));
    }
}
