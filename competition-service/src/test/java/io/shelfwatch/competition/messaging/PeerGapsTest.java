package io.shelfwatch.competition.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.shelfwatch.competition.support.Asins;
import io.shelfwatch.competition.support.Contracts;
import io.shelfwatch.competition.support.Kafka;
import io.shelfwatch.competition.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** price.updates records, as etl-service sends them, become the gaps a user reads in doc A's shape. */
@QuarkusTest
class PeerGapsTest {

    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    static String priceUpdate(String asin, String observedAt, String price, Integer bsr, String rating,
            Integer reviews, String buybox) {
        return """
                {"event_id":"%s","type":"price_update","occurred_at":"%s",
                 "data":{"product_key":"asin:%s","asin":"%s","url":"https://www.amazon.com/dp/%s","competitor_id":null,
                  "status":"active","snapshot":{"title":"Item %s","brand":"Brand","category":"Electronics",
                   "image_url":null,"price":%s,"currency":"USD","availability":"In Stock","bsr":%s,"rating":%s,
                   "reviews_count":%s,"buybox_price":%s,"sku":null,"observed_at":"%s"},"previous":null}}
                """.formatted(UUID.randomUUID(), observedAt, asin, asin, asin, asin, price, bsr, rating, reviews,
                buybox, observedAt);
    }

    @Inject
    Pool pool;

    @Test
    void anObservationWhoseWriteFailsForAWhileIsKeptOnceTheDatabaseTakesItNotDeadLettered() {
        String asin = Asins.random();
        String outage = "outage_" + asin.toLowerCase(java.util.Locale.ROOT);
        // PostgreSQL refuses this ASIN's daily row three times (a deadlock each time), then takes it.
        sql("CREATE SEQUENCE " + outage,
                "CREATE FUNCTION " + outage + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF nextval('" + outage
                        + "') <= 3 THEN RAISE EXCEPTION 'simulated outage' USING ERRCODE = '40P01'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER " + outage + " BEFORE INSERT OR UPDATE ON asin_daily_metrics FOR EACH ROW WHEN (NEW.asin = '"
                        + asin + "') EXECUTE FUNCTION " + outage + "()");
        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, asin, priceUpdate(asin, "2026-02-10T10:00:00Z", "24.90", 1200, "4.4", 310, null));
            await().atMost(Duration.ofSeconds(30)).until(() -> sqlLong(
                    "SELECT count(*) FROM asin_daily_metrics WHERE asin = '" + asin + "' AND price = 24.90") == 1);
            assertTrue(sqlLong("SELECT last_value FROM " + outage) > 3, "the first three tries were refused");
            assertTrue(Kafka.recordsWithin(kafka, Kafka.topic("price.updates.dlq"), Duration.ofSeconds(3)).stream()
                    .noneMatch(r -> ("asin:" + asin).equals(r.key())), "nothing was dead-lettered");
        } finally {
            sql("DROP TRIGGER " + outage + " ON asin_daily_metrics", "DROP FUNCTION " + outage + "()",
                    "DROP SEQUENCE " + outage);
        }
    }

    @Test
    void anObservationTheDatabaseCanNeverStoreIsDeadLetteredAtOnceAndThePartitionMovesOn() {
        String asin = Asins.random();
        // Valid by the contract, but beyond the NUMERIC(14,2) column: PostgreSQL answers 22003 every time.
        String overflowing = priceUpdate(asin, "2026-02-10T10:00:00Z", "10000000000000", 1200, "4.4", 310, null);
        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, asin, overflowing);
            send(kafka, asin, priceUpdate(asin, "2026-02-10T11:00:00Z", "24.90", 1200, "4.4", 310, null));
            // The record after it, on the same partition, is applied without waiting out a minute of retries.
            await().atMost(Duration.ofSeconds(30)).until(() -> sqlLong(
                    "SELECT count(*) FROM asin_daily_metrics WHERE asin = '" + asin + "' AND price = 24.90") == 1);
            ConsumerRecord<String, String> dead = Kafka.awaitRecord(kafka, Kafka.topic("price.updates.dlq"),
                    r -> ("asin:" + asin).equals(r.key()));
            assertEquals(overflowing, dead.value());
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(reason.contains("numeric field overflow"), reason);
        }
    }

    @Test
    void aDaysBackThatIsNotAnIntegerIs422AtTheParameterNot404() {
        String token = Tokens.forUser(UUID.randomUUID(), "d@example.com", "pro");
        String main = Asins.random();
        for (String path : List.of("/v1/competitions/" + main, "/v1/competitions/" + main + "/history")) {
            as(token).queryParam("days_back", "abc").get(path).then().statusCode(422)
                    .body("detail", hasSize(1))
                    .body("detail[0].loc", contains("query", "days_back"))
                    .body("detail[0].msg", equalTo("value is not a valid integer"))
                    .body("detail[0].type", equalTo("type_error.integer"));
        }
    }

    private void sql(String... statements) {
        for (String statement : statements) {
            pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
        }
    }

    private long sqlLong(String query) {
        return pool.query(query).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static void send(KafkaCompanion kafka, String asin, String value) {
        Contracts.assertConforms("price.updates", "price_update", value);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("price.updates"), "asin:" + asin, value))
                .awaitCompletion();
    }

    private static RequestSpecification as(String token) {
        return given().config(DECIMALS).auth().oauth2(token);
    }

    private static void link(String token, String main, List<String> competitors) {
        as(token).contentType(ContentType.JSON).body(Map.of("asin_main", main, "competitor_asins", competitors))
                .post("/v1/competitions/setup").then().statusCode(200);
    }

    private static String at(LocalDate day, String time) {
        return day + "T" + time + "Z";
    }

    @Test
    void gapsFollowPriceUpdatesOnBothSidesAndTheCacheIsInvalidated() {
        String main = Asins.random();
        String rival = Asins.random();
        String unseen = Asins.random();
        String token = Tokens.forUser(UUID.randomUUID(), "g@example.com", "pro");
        link(token, main, List.of(rival, unseen));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, main, priceUpdate(main, at(today, "00:00:01"), "299.99", 12, "4.5", 18432, "299.99"));
            send(kafka, rival, priceUpdate(rival, at(today, "00:00:02"), "279.00", 20, "null", 1000, "null"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token)
                    .get("/v1/competitions/" + main).then().statusCode(200)
                    .body("data.peers[0].price_diff", equalTo(new BigDecimal("20.99"))));
            as(token).get("/v1/competitions/" + main.toLowerCase() + "?days_back=7").then().statusCode(200)
                    .body("data.asin_main", equalTo(main))
                    .body("data.date_range", equalTo(today.minusDays(7) + " to " + today))
                    .body("data.peers.asin", contains(rival, unseen))
                    .body("data.peers[0].bsr_gap", equalTo(-8))
                    .body("data.peers[0].rating_diff", nullValue())
                    .body("data.peers[0].reviews_gap", equalTo(17432))
                    .body("data.peers[0].buybox_diff", nullValue())
                    .body("data.peers[1].price_diff", nullValue())
                    .body("cached", equalTo(false));
            as(token).get("/v1/competitions/" + main + "?days_back=7").then().statusCode(200)
                    .body("cached", equalTo(true)).body("stale_at", notNullValue())
                    .body("data.peers[0].reviews_gap", equalTo(17432));

            // A new value on the competitor's side shows within seconds, cache or not.
            send(kafka, rival, priceUpdate(rival, at(today, "00:00:03"), "310.00", 20, "4.2", 1000, "305.00"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token)
                    .get("/v1/competitions/" + main + "?days_back=7").then()
                    .body("data.peers[0].price_diff", equalTo(new BigDecimal("-10.01")))
                    .body("data.peers[0].rating_diff", equalTo(new BigDecimal("0.30")))
                    .body("data.peers[0].buybox_diff", equalTo(new BigDecimal("-5.01"))));
        }

        String stranger = Tokens.forUser(UUID.randomUUID(), "s@example.com", "pro");
        as(stranger).get("/v1/competitions/" + main).then().statusCode(200).body("data.peers", hasSize(0));
        as(token).get("/v1/competitions/" + main + "?days_back=0").then().statusCode(422);
        as(token).get("/v1/competitions/TOO-SHORT").then().statusCode(422);
    }

    @Test
    void historyHasOneRecordPerPairAndDayAndFiltersByCompetitor() {
        String main = Asins.random();
        String first = Asins.random();
        String second = Asins.random();
        String token = Tokens.forUser(UUID.randomUUID(), "h@example.com", "pro");
        link(token, main, List.of(first, second));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);

        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, main, priceUpdate(main, at(yesterday, "10:00:00"), "20.00", 100, "4.0", 50, "20.00"));
            send(kafka, first, priceUpdate(first, at(yesterday, "10:00:00"), "18.00", 150, "3.5", 40, "18.00"));
            send(kafka, second, priceUpdate(second, at(yesterday, "11:00:00"), "25.00", 80, "4.8", 500, "24.00"));
            send(kafka, main, priceUpdate(main, at(today, "00:00:05"), "19.00", 90, "4.0", 55, "19.00"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token)
                .get("/v1/competitions/" + main + "/history?days_back=7").then().statusCode(200)
                .body("records", hasSize(4))
                .body("records.date", contains(today.toString(), today.toString(), yesterday.toString(),
                        yesterday.toString())));
        as(token).queryParam("competitor_asin", first).queryParam("days_back", 7)
                .get("/v1/competitions/" + main + "/history").then().statusCode(200)
                .body("records.price_diff", contains(new BigDecimal("1.00"), new BigDecimal("2.00")));

        as(token).queryParam("competitor_asin", second.toLowerCase()).queryParam("days_back", 7)
                .get("/v1/competitions/" + main + "/history").then().statusCode(200)
                .body("competitor_asin", equalTo(second))
                .body("records", hasSize(2))
                .body("records.competitor_asin", everyItem(equalTo(second)))
                .body("records.date", contains(today.toString(), yesterday.toString()))
                .body("records.price_diff", contains(new BigDecimal("-6.00"), new BigDecimal("-5.00")))
                .body("records[1].reviews_gap", equalTo(-450));
        as(token).queryParam("days_back", 7).queryParam("competitor_asin", "bad")
                .get("/v1/competitions/" + main + "/history").then().statusCode(422);
        as(Tokens.forUser(UUID.randomUUID(), "x@example.com", "pro"))
                .get("/v1/competitions/" + main + "/history").then().statusCode(200).body("records", hasSize(0));
    }

    @Test
    void theDailyJobRebuildsADayAndReportsItsCounts() {
        String main = Asins.random();
        String rival = Asins.random();
        String token = Tokens.forUser(UUID.randomUUID(), "j@example.com", "pro");
        link(token, main, List.of(rival));
        LocalDate observed = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        LocalDate target = observed.plusDays(2);
        UUID jobId = UUID.randomUUID();
        String request = """
                {"event_id":"%s","type":"job_requested","occurred_at":"2026-02-12T10:00:00Z",
                 "data":{"job_id":"%s","job_name":"competition_daily","params":{"target_date":"%s"},"requested_by":null}}
                """.formatted(UUID.randomUUID(), jobId, target);
        Contracts.assertConforms("jobs", "job_requested", request);

        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, main, priceUpdate(main, at(observed, "09:00:00"), "50.00", 10, "4.1", 10, "50.00"));
            send(kafka, rival, priceUpdate(rival, at(observed, "09:00:00"), "45.50", 30, "4.0", 5, "45.00"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token)
                    .get("/v1/competitions/" + main + "/history").then().body("records", hasSize(1)));

            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("jobs"), jobId.toString(), request))
                    .awaitCompletion();
            ConsumerRecord<String, String> finished = Kafka.awaitRecord(kafka, Kafka.topic("jobs"),
                    r -> jobId.toString().equals(r.key()) && r.value() != null && r.value().contains("job_finished"));
            Contracts.assertConforms("jobs", "job_finished", finished.value());
            assertTrue(finished.value().contains("\"status\":\"succeeded\""), finished.value());
            assertTrue(finished.value().contains("\"comparisons\":"), finished.value());
        }
        as(token).get("/v1/competitions/" + main + "/history").then()
                .body("records.date", contains(target.toString(), observed.toString()))
                .body("records[0].price_diff", equalTo(new BigDecimal("4.50")));
        assertEquals(2, as(token).get("/v1/competitions/" + main + "/history").then().extract()
                .jsonPath().getList("records").size());
    }
}
