package io.shelfwatch.etl.analytics;

import static io.shelfwatch.etl.analytics.BrandAnalyticsTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.etl.support.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * The brand products query over 200 ASINs × 500 queries × 52 weeks: p50 and p99 of the API against
 * the same aggregation as plain SQL. Minutes of seeding, so only with -Dshelfwatch.bench=true
 * (bench/brand-products.sh); it measures and prints, it never fails on a number.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "shelfwatch.bench", matches = "true")
class BrandProductsBenchTest {

    static final String YEAR = "startDate=2025-01-01&endDate=2025-12-31";
    static final String PLAIN_SQL = """
            SELECT asin, sum(asin_impressions), sum(total_impressions), sum(asin_clicks), sum(total_clicks),
                sum(asin_cart_adds), sum(total_cart_adds), sum(asin_purchases), sum(total_purchases), sum(revenue_estimate)
            FROM sqp_query_performance WHERE brand_id = $1 AND period_start >= '2025-01-01'
                AND period_end <= '2025-12-31' GROUP BY asin
            """;

    @Inject
    Pool pool;

    @Test
    void brandProductsOverAYearOfABigBrand() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID brandId = UUID.randomUUID();
        String database = System.getenv().getOrDefault("PG_DATABASE", "shelfwatch_etl");
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        Process seed = new ProcessBuilder("psql", "-h", System.getenv().getOrDefault("PG_HOST", "127.0.0.1"),
                "-U", user, "-d", database, "-q", "-v", "brand_id=" + brandId, "-v", "user_id=" + userId,
                "-f", Path.of("src/test/resources/analytics/bench-brand-products.sql").toString())
                .inheritIO().start();
        assertEquals(0, seed.waitFor());

        String token = Tokens.forUser(userId, "bench@example.com", "enterprise");
        String path = "/api/brands/" + brandId + "/products?" + YEAR;
        for (int i = 0; i < 5; i++) {
            as(token).get(path).then().statusCode(200);
        }
        List<Double> api = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            as(token).get(path + "&limit=" + (50 + i % 2)).then().statusCode(200);
            api.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> sql = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            pool.preparedQuery(PLAIN_SQL).execute(io.vertx.mutiny.sqlclient.Tuple.of(brandId)).await().indefinitely();
            sql.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("brand products, 200 ASINs x 500 queries x 52 weeks: API p50 %.1f ms, p99 %.1f ms;"
                + " plain SQL p50 %.1f ms; API p50 / SQL p50 = %.3f%n", pct(api, 50), pct(api, 99), pct(sql, 50),
                pct(api, 50) / pct(sql, 50));
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
