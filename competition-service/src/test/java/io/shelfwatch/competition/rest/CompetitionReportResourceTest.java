package io.shelfwatch.competition.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.shelfwatch.competition.support.Asins;
import io.shelfwatch.competition.support.Contracts;
import io.shelfwatch.competition.support.Kafka;
import io.shelfwatch.competition.support.PriceUpdates;
import io.shelfwatch.competition.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Doc A's versioned competition reports without an LLM: the built-in analyst writes them from
 * the evidence; refresh keeps a recent or unchanged report unless forced; each user's are their own.
 */
@QuarkusTest
class CompetitionReportResourceTest {

    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final String HEX64 = "[0-9a-f]{64}";

    static RequestSpecification as(String token) {
        return given().config(DECIMALS).auth().oauth2(token);
    }

    static String user() {
        return Tokens.forUser(UUID.randomUUID(), "r@example.com", "pro");
    }

    static void link(String token, String main, List<String> competitors) {
        as(token).contentType(ContentType.JSON).body(Map.of("asin_main", main, "competitor_asins", competitors))
                .post("/v1/competitions/setup").then().statusCode(200);
    }

    /** The raw path with its literal colon, exactly as a client writes it (no percent-encoding). */
    static ValidatableResponse refresh(String token, String main, String query) {
        return as(token).urlEncodingEnabled(false)
                .post("/v1/competitions/" + main + "/report:refresh" + (query == null ? "" : "?" + query)).then();
    }

    static ValidatableResponse awaitVersion(String token, String main, int version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token)
                .get("/v1/competitions/" + main + "/report").then().statusCode(200).body("version", equalTo(version)));
        return as(token).get("/v1/competitions/" + main + "/report").then().statusCode(200);
    }

    static String today(String time) {
        return LocalDate.now(ZoneOffset.UTC) + "T" + time + "Z";
    }

    /** As if the report had been written two hours ago (older than the 1 h minimum age). */
    static void age(String main) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("UPDATE competition_reports SET generated_at = generated_at"
                        + " - interval '2 hours' WHERE asin_main = :main").setParameter("main", main)
                        .executeUpdate())));
    }

    @Test
    void theBuiltInAnalystWritesVersionsFromTheEvidence() {
        String main = Asins.random();
        String rival = Asins.random();
        String unseen = Asins.random();
        String token = user();
        link(token, main, List.of(rival, unseen));
        try (KafkaCompanion kafka = Kafka.companion()) {
            PriceUpdates.send(kafka, main, PriceUpdates.record(main, today("00:00:01"), "299.99", 12, "4.5", 18432,
                    "299.99"));
            PriceUpdates.send(kafka, rival, PriceUpdates.record(rival, today("00:00:02"), "279.00", 20, "4.7", 20000,
                    "279.00"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token).get("/v1/competitions/" + main).then()
                .body("data.peers[0].price_diff", equalTo(new BigDecimal("20.99"))));

        String jobId = refresh(token, main.toLowerCase(), null).statusCode(200)
                .body("status", equalTo("queued"))
                .body("asin_main", equalTo(main))
                .body("force", equalTo(false))
                .body("current_version", nullValue())
                .body("job_id", notNullValue())
                .extract().path("job_id");

        awaitVersion(token, main, 1)
                .body("asin_main", equalTo(main))
                .body("analyst", equalTo("built_in"))
                .body("model", equalTo("shelfwatch-built-in-analyst-1"))
                .body("fallback_reason", nullValue())
                .body("generated_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"))
                .body("evidence_hash", matchesPattern(HEX64))
                .body("input_hash", matchesPattern(HEX64))
                .body("summary.price_position.assessment", equalTo("premium"))
                .body("summary.price_position.details", containsString("7.5% above"))
                .body("summary.market_position.assessment", equalTo("challenger"))
                .body("summary.advantages", contains("Better Best Sellers Rank than its competitor."))
                .body("summary.recommendations", hasSize(5))
                .body("summary.recommendations[0]", containsString("without observations yet"))
                // Ranked better but rated lower with fewer reviews: the summary says so, as details and advantages do.
                .body("summary.executive_summary", containsString(main + " is priced at a premium; it leads them on"
                        + " rank and trails them on rating and reviews (2 competitors linked)."))
                .body("summary.market_position.details", containsString("ranks better (Best Sellers Rank) than 1 of 1"))
                .body("summary.confidence", equalTo(new BigDecimal("0.44")))
                .body("evidence.asin_main", equalTo(main))
                .body("evidence.days", equalTo(30))
                .body("evidence.main_metrics", hasSize(1))
                .body("evidence.main_metrics[0].price", equalTo(new BigDecimal("299.99")))
                .body("evidence.competitors.asin", contains(rival, unseen))
                .body("evidence.competitors[0].price_diff", equalTo(new BigDecimal("20.99")))
                .body("evidence.competitors[0].bsr_gap", equalTo(-8))
                .body("evidence.competitors[1].price_diff", nullValue());
        as(token).get("/v1/competitions/" + main + "/report/status").then().statusCode(200)
                .body("job_id", equalTo(jobId)).body("status", equalTo("succeeded"))
                .body("report_version", equalTo(1)).body("error", nullValue()).body("attempts", equalTo(1));

        // Moments later, without force: the report is recent and kept.
        refresh(token, main, null).statusCode(200)
                .body("status", equalTo("skipped")).body("reason", equalTo("recent"))
                .body("current_version", equalTo(1)).body("job_id", nullValue())
                .body("message", containsString("force=true"));
        // Forced: a new version although nothing changed; same input, same hash.
        refresh(token, main, "force=true").statusCode(200).body("status", equalTo("queued"))
                .body("force", equalTo(true)).body("current_version", equalTo(1));
        String firstHash = as(token).get("/v1/competitions/" + main + "/report?version=1").then().statusCode(200)
                .body("version", equalTo(1)).extract().path("input_hash");
        awaitVersion(token, main, 2).body("input_hash", equalTo(firstHash));

        as(token).get("/v1/competitions/" + main + "/report/versions").then().statusCode(200)
                .body("version", contains(2, 1))
                .body("asin_main", everyItem(equalTo(main)))
                .body("summary.price_position.assessment", everyItem(equalTo("premium")))
                .body("[0].evidence", nullValue());
        as(token).get("/v1/competitions/" + main + "/report/versions/?limit=1").then().statusCode(200)
                .body("version", contains(2));
        as(token).get("/v1/competitions/" + main + "/report?version=3").then().statusCode(404)
                .body("detail", equalTo("Report version 3 of " + main + " not found"));
    }

    @Test
    void unchangedEvidenceKeepsTheReportAndNewDataMakesANewVersion() throws Throwable {
        String main = Asins.random();
        String rival = Asins.random();
        String token = user();
        link(token, main, List.of(rival));
        try (KafkaCompanion kafka = Kafka.companion()) {
            PriceUpdates.send(kafka, main, PriceUpdates.record(main, today("00:00:01"), "20.00", 500, "4.0", 100,
                    "20.00"));
            PriceUpdates.send(kafka, rival, PriceUpdates.record(rival, today("00:00:01"), "20.10", 400, "4.1", 300,
                    "20.10"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token).get("/v1/competitions/" + main)
                    .then().body("data.peers[0].price_diff", equalTo(new BigDecimal("-0.10"))));
            refresh(token, main, null).statusCode(200).body("status", equalTo("queued"));
            String firstEvidence = awaitVersion(token, main, 1)
                    .body("summary.price_position.assessment", equalTo("parity"))
                    .body("summary.market_position.assessment", equalTo("challenger"))
                    .extract().path("evidence_hash");

            age(main);
            refresh(token, main, null).statusCode(200)
                    .body("status", equalTo("skipped")).body("reason", equalTo("unchanged_evidence"))
                    .body("current_version", equalTo(1));

            PriceUpdates.send(kafka, rival, PriceUpdates.record(rival, today("00:00:02"), "25.00", 400, "4.1", 300,
                    "25.00"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token).get("/v1/competitions/" + main)
                    .then().body("data.peers[0].price_diff", equalTo(new BigDecimal("-5.00"))));
            refresh(token, main, "force=false").statusCode(200).body("status", equalTo("queued"));
            String secondEvidence = awaitVersion(token, main, 2)
                    .body("summary.price_position.assessment", equalTo("discount"))
                    .body("evidence.competitors[0].price_diff", equalTo(new BigDecimal("-5.00")))
                    .extract().path("evidence_hash");
            assertNotEquals(firstEvidence, secondEvidence);
        }
    }

    @Test
    void anotherUsersProductAndReportsAreNotFound() {
        String main = Asins.random();
        String owner = user();
        link(owner, main, List.of(Asins.random()));
        refresh(owner, main, null).statusCode(200);
        awaitVersion(owner, main, 1);

        String stranger = user();
        refresh(stranger, main, null).statusCode(404)
                .body("detail", equalTo("No competitors linked to " + main));
        as(stranger).get("/v1/competitions/" + main + "/report").then().statusCode(404)
                .body("detail", containsString("No report for " + main));
        as(stranger).get("/v1/competitions/" + main + "/report?version=1").then().statusCode(404);
        as(stranger).get("/v1/competitions/" + main + "/report/versions").then().statusCode(404);
        as(stranger).get("/v1/competitions/" + main + "/report/status").then().statusCode(404);

        // The stranger's own links to the same ASIN give them their own reports, not the owner's.
        link(stranger, main, List.of(Asins.random()));
        as(stranger).get("/v1/competitions/" + main + "/report/versions").then().statusCode(200)
                .body("$", hasSize(0));
        as(stranger).get("/v1/competitions/" + main + "/report").then().statusCode(404)
                .body("detail", containsString("report:refresh"));
        as(owner).get("/v1/competitions/" + main + "/report/versions").then().body("version", contains(1));
    }

    @Test
    void invalidInputIs422InFastApisShape() {
        String token = user();
        String main = Asins.random();
        link(token, main, List.of(Asins.random()));
        refresh(token, "NOT-AN-ASIN", null).statusCode(422)
                .body("detail[0].loc", contains("path", "asin_main"))
                .body("detail[0].type", equalTo("value_error"));
        refresh(token, main, "force=maybe").statusCode(422)
                .body("detail[0].loc", contains("query", "force"))
                .body("detail[0].msg", equalTo("Input should be a valid boolean"));
        as(token).get("/v1/competitions/" + main + "/report?version=0").then().statusCode(422)
                .body("detail[0].loc", contains("query", "version"));
        as(token).get("/v1/competitions/" + main + "/report?version=latest").then().statusCode(422)
                .body("detail[0].msg", equalTo("value is not a valid integer"))
                .body("detail[0].type", equalTo("type_error.integer"));
        as(token).get("/v1/competitions/" + main + "/report/versions?limit=101").then().statusCode(422)
                .body("detail[0].loc", contains("query", "limit"));
        given().post("/v1/competitions/" + main + "/report:refresh").then().statusCode(401)
                .body("detail", equalTo("Not authenticated"));
    }

    @Test
    void aDeletedUsersReportsGoWithThem() throws Throwable {
        UUID userId = UUID.randomUUID();
        String token = Tokens.forUser(userId, "gone@example.com", "pro");
        String main = Asins.random();
        link(token, main, List.of(Asins.random()));
        refresh(token, main, null).statusCode(200);
        awaitVersion(token, main, 1);

        String deleted = """
                {"event_id":"%s","type":"account_state","occurred_at":"%s",
                 "data":{"user_id":"%s","email":"gone@example.com","created_at":"2026-02-12T10:00:00Z","is_active":false,
                  "deleted":true,"roles":["user"],"plan":"pro","max_competitors":25,"max_products":2500,
                  "scan_frequency":"daily","alerts_enabled":true}}
                """.formatted(UUID.randomUUID(), Instant.now(), userId);
        Contracts.assertConforms("account.events", "account_state", deleted);
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("account.events"), userId.toString(),
                    deleted)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token)
                .get("/v1/competitions/" + main + "/report/versions").then().statusCode(404));
        as(token).get("/v1/competitions/" + main + "/report").then().statusCode(404);
        long left = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT count(*) FROM report_generations WHERE user_id = :user",
                        Long.class).setParameter("user", userId).getSingleResult())));
        assertEquals(0, left, "the user's generations go too");
    }

    @Test
    void theRefreshPathIsMatchedLiterallyNotAsAnotherEndpoint() {
        String token = user();
        String main = Asins.random();
        link(token, main, List.of(Asins.random()));
        // Percent-encoded colon, as some HTTP clients send it: the same endpoint.
        as(token).urlEncodingEnabled(false).post("/v1/competitions/" + main + "/report%3Arefresh").then()
                .statusCode(200).body("status", equalTo("queued"));
        // A GET on it is not the competition data of an ASIN called "report:refresh".
        as(token).urlEncodingEnabled(false).get("/v1/competitions/" + main + "/report:refresh").then()
                .statusCode(not(equalTo(200)));
    }

    /** A generation some replica started an hour ago and never finished (it died). */
    private static void abandoned(UUID userId, String main, int attempts) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("""
                        INSERT INTO report_generations (id, user_id, asin_main, status, forced, attempts, requested_at,
                                                        started_at)
                        VALUES (:id, :user, :main, 'running', false, :attempts, now() - interval '1 hour',
                                now() - interval '1 hour')
                        """).setParameter("id", UUID.randomUUID()).setParameter("user", userId)
                        .setParameter("main", main).setParameter("attempts", attempts).executeUpdate())));
    }

    @Test
    void anAbandonedGenerationRunsAgainAndOneAbandonedTooOftenIsRecordedAsFailed() throws Throwable {
        UUID userId = UUID.randomUUID();
        String token = Tokens.forUser(userId, "w@example.com", "pro");
        String retried = Asins.random();
        String givenUp = Asins.random();
        link(token, retried, List.of(Asins.random()));
        link(token, givenUp, List.of(Asins.random()));
        abandoned(userId, retried, 1);
        abandoned(userId, givenUp, 3);

        // Still "running" as far as a refresh can tell: no second generation beside it.
        refresh(token, retried, "force=true").statusCode(200).body("status", equalTo("in_progress"));
        awaitVersion(token, retried, 1).body("analyst", equalTo("built_in"));
        as(token).get("/v1/competitions/" + retried + "/report/status").then()
                .body("status", equalTo("succeeded")).body("attempts", equalTo(2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token)
                .get("/v1/competitions/" + givenUp + "/report/status").then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("error", containsString("abandoned"))
                .body("finished_at", notNullValue()));
        as(token).get("/v1/competitions/" + givenUp + "/report").then().statusCode(404)
                .body("detail", containsString("the last generation failed: abandoned"));
        // A failed generation does not block the next one.
        refresh(token, givenUp, null).statusCode(200).body("status", equalTo("queued"));
        awaitVersion(token, givenUp, 1);
    }
}
