package io.shelfwatch.competition.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.competition.service.CompetitionCache;
import io.shelfwatch.competition.support.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * bench/competition.sh: `GET /v1/competitions/{asin}?days_back=90` for a product with 20
 * competitors and 90 days of daily comparisons, uncached (the cache invalidated before each call)
 * and cached, beside the same query run directly on the database, in one run. Prints one line;
 * it measures, it never fails on a number. Only with -Dshelfwatch.bench=true.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "shelfwatch.bench", matches = "true")
class CompetitionBenchTest {

    private static final String MAIN = "B0BENCH000";
    private static final int COMPETITORS = 20;
    private static final int DAYS = 90;
    private static final int CALLS = 200;
    // The query behind the endpoint (GapRepository.latestGaps), as plain SQL.
    private static final String DIRECT_SQL = """
            SELECT l.asin_main, l.competitor_asin, g.day, g.price_diff, g.bsr_gap, g.rating_diff, g.reviews_gap, g.buybox_diff
            FROM competitor_links l
            LEFT JOIN LATERAL (SELECT * FROM competition_daily g WHERE g.asin_main = l.asin_main
                               AND g.competitor_asin = l.competitor_asin AND g.day >= $3
                               ORDER BY g.day DESC LIMIT 1) g ON true
            WHERE l.user_id = $1 AND l.asin_main = $2
            ORDER BY l.created_at, l.competitor_asin
            """;

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URI base;

    // A plain keep-alive client: REST Assured's own per-call cost would swamp a cached answer.
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    CompetitionCache cache;

    @Test
    void competitionOfAProductWithTwentyCompetitorsAndNinetyDays() throws Exception {
        UUID userId = UUID.randomUUID();
        seed(userId);
        String token = Tokens.forUser(userId, "bench@example.com", "pro");
        HttpRequest get = HttpRequest.newBuilder(base.resolve("/v1/competitions/" + MAIN + "?days_back=" + DAYS))
                .header("Authorization", "Bearer " + token).build();
        for (int i = 0; i < 20; i++) {
            ok(get);
        }

        List<Double> uncached = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            cache.invalidate(List.of(MAIN)).await().indefinitely();
            long start = System.nanoTime();
            ok(get);
            uncached.add(millisSince(start));
        }
        List<Double> cached = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            ok(get);
            cached.add(millisSince(start));
        }
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS);
        List<Double> direct = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            pool.preparedQuery(DIRECT_SQL).execute(Tuple.of(userId, MAIN, from)).await().indefinitely();
            direct.add(millisSince(start));
        }
        System.out.printf(java.util.Locale.ROOT,
                "competition, %d competitors x %d days: uncached p50 %.2f ms p99 %.2f ms; cached p50 %.2f ms p99 %.2f ms;"
                        + " direct SQL p50 %.2f ms p99 %.2f ms; uncached/direct p50 = %.2f, cached/direct p50 = %.2f%n",
                COMPETITORS, DAYS, pct(uncached, 50), pct(uncached, 99), pct(cached, 50), pct(cached, 99),
                pct(direct, 50), pct(direct, 99), pct(uncached, 50) / pct(direct, 50), pct(cached, 50) / pct(direct, 50));
    }

    private void ok(HttpRequest get) throws Exception {
        HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET answered " + response.statusCode() + ": " + response.body());
        }
    }

    private void seed(UUID userId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        pool.preparedQuery("""
                INSERT INTO competitor_links (id, user_id, asin_main, competitor_asin, created_at)
                SELECT gen_random_uuid(), $1, $2, 'B0BENCH' || lpad(n::text, 3, '0'), now() FROM generate_series(1, $3) n
                """).execute(Tuple.of(userId, MAIN, COMPETITORS)).await().indefinitely();
        pool.preparedQuery("""
                INSERT INTO competition_daily (asin_main, competitor_asin, day, price_diff, bsr_gap, rating_diff,
                                               reviews_gap, buybox_diff, computed_at)
                SELECT $1, 'B0BENCH' || lpad(c::text, 3, '0'), $2::date - d, (c - 10) * 0.5, c * 10 - d, 0.1, c - d, 0.25, now()
                FROM generate_series(1, $3) c, generate_series(0, $4 - 1) d
                ON CONFLICT DO NOTHING
                """).execute(Tuple.of(MAIN, today, COMPETITORS, DAYS)).await().indefinitely();
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
