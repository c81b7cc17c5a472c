package io.shelfwatch.etl.mart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.etl.support.Tokens;

/** The mart against numbers worked out by hand from four days of one product. */
@QuarkusTest
class MartRefreshTest {

    static Object[] query(String sql, String key) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .flatMap(s -> s.createNativeQuery(sql, Object[].class).setParameter("key", key).getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .flatMap(s -> s.createNativeQuery(sql).executeUpdate())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertNumber(String expected, Object actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void deltasAndRollupsMatchHandComputedNumbers() {
        String key = "asin:M" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        execute("""
                INSERT INTO product_daily_metrics (product_key, metric_date, price, min_price, max_price, price_sum,
                    price_observations, bsr, rating, reviews_count, observations, last_observed_at) VALUES
                ('%1$s', DATE '2025-12-01', 99, 99, 99, 99, 1, 999, 1.0, 1, 1, now()),
                ('%1$s', DATE '2026-01-01', 10, 9, 11, 20, 2, 100, 4.0, 100, 2, now()),
                ('%1$s', DATE '2026-01-05', 20, 20, 20, 20, 1, 200, 4.2, 110, 1, now()),
                ('%1$s', DATE '2026-01-09', 30, 28, 30, 58, 2, 300, 4.4, 130, 2, now()),
                ('%1$s', DATE '2026-01-10', 24, 24, 33, 57, 2, 150, 4.6, 150, 2, now())
                """.formatted(key));

        given().auth().oauth2(Tokens.forAdmin()).queryParam("target_date", "2026-01-10")
                .post("/v1/etl/mart/refresh").then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("details.records_processed", equalTo(1));

        Object[] row = query("""
                SELECT price_change, price_change_pct, bsr_change, rating_change, reviews_change,
                       avg_price_7d, min_price_7d, max_price_7d, avg_bsr_7d, avg_rating_7d, review_growth_7d,
                       avg_price_30d, min_price_30d, max_price_30d, avg_bsr_30d, avg_rating_30d, review_growth_30d,
                       avg_price_90d, min_price_90d, review_growth_90d
                FROM mart_product_daily WHERE product_key = :key AND metric_date = DATE '2026-01-10'
                """, key);
        // Against the previous observed day (2026-01-09: 30, #300, 4.4, 130 reviews).
        assertNumber("-6", row[0], "price_change");
        assertNumber("-20.00", row[1], "price_change_pct");
        assertNumber("-150", row[2], "bsr_change");
        assertNumber("0.2", row[3], "rating_change");
        assertNumber("20", row[4], "reviews_change");
        // 7 days ending 2026-01-10: the 5th, 9th and 10th.
        assertNumber("24.67", new BigDecimal(row[5].toString()).setScale(2, java.math.RoundingMode.HALF_UP), "avg_price_7d");
        assertNumber("20", row[6], "min_price_7d");
        assertNumber("33", row[7], "max_price_7d");
        assertNumber("216.67", row[8], "avg_bsr_7d");
        assertNumber("4.40", row[9], "avg_rating_7d");
        assertNumber("40", row[10], "review_growth_7d");
        // 30 days: also the 1st.
        assertNumber("21", row[11], "avg_price_30d");
        assertNumber("9", row[12], "min_price_30d");
        assertNumber("33", row[13], "max_price_30d");
        assertNumber("187.50", row[14], "avg_bsr_30d");
        assertNumber("4.30", row[15], "avg_rating_30d");
        assertNumber("50", row[16], "review_growth_30d");
        // 90 days: also 2025-12-01.
        assertNumber("36.6", row[17], "avg_price_90d");
        assertNumber("9", row[18], "min_price_90d");
        assertNumber("149", row[19], "review_growth_90d");
    }

    @Test
    void onlyAdminsRefreshAndTheDateIsChecked() {
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "u@example.com", "pro"))
                .post("/v1/etl/mart/refresh").then().statusCode(403);
        given().auth().oauth2(Tokens.forAdmin()).queryParam("target_date", "yesterday")
                .post("/v1/etl/mart/refresh").then().statusCode(422)
                .body("detail[0].loc", contains("query", "target_date"));
        given().auth().oauth2(Tokens.forAdmin()).queryParam("target_date", "2026-02-30")
                .post("/v1/etl/mart/refresh").then().statusCode(422)
                .body("detail[0].loc", contains("query", "target_date"))
                .body("detail[0].msg", org.hamcrest.Matchers.equalTo("is not a calendar date"));
    }
}
