package io.shelfwatch.etl.alerts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.etl.pipeline.RawEventPipelineTest;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.shelfwatch.etl.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Alert rules fired by observations going through the real pipeline (ingest API or the
 * extractor's raw events → product.raw-events → pipeline), published on `alerts` in their contract.
 */
@QuarkusTest
class AlertRuleFiringTest {

    private static String createRule(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/alerts").then().statusCode(201).extract().path("id");
    }

    private static void ingest(String asin, String rawData) {
        given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"asin\":\"%s\",\"source\":\"manual\",\"event_type\":\"product_snapshot\",\"raw_data\":%s}"
                        .formatted(asin, rawData))
                .post("/v1/etl/events/ingest").then().statusCode(200);
    }

    /** Every `alerts` record of one product, once all the given conditions have been seen on the topic. */
    private static List<JsonPath> alertsOf(KafkaCompanion kafka, String productKey,
            List<Predicate<JsonPath>> untilAll) {
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Kafka.topic("alerts"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<JsonPath> seen = ofKey(task, productKey);
                return untilAll.stream().allMatch(condition -> seen.stream().anyMatch(condition));
            });
            List<ConsumerRecord<String, String>> records = task.stream()
                    .filter(r -> productKey.equals(r.key())).toList();
            records.forEach(r -> Contracts.assertConforms("alerts", "alert_raised", r.value()));
            return records.stream().map(r -> JsonPath.from(r.value())).toList();
        }
    }

    private static List<JsonPath> ofKey(ConsumerTask<String, String> task, String productKey) {
        return task.stream().filter(r -> productKey.equals(r.key()) && r.value() != null)
                .map(r -> JsonPath.from(r.value())).toList();
    }

    private static Predicate<JsonPath> ruleAlert(String ruleId) {
        return alert -> ruleId.equals(alert.getString("data.rule_id"));
    }

    @Test
    void aPriceChangeThroughThePipelineFiresEachMatchingRuleOncePerCrossing() {
        UUID seller = UUID.randomUUID();
        UUID downgraded = UUID.randomUUID();
        RuleFixtures.account(seller, "pro", true);
        RuleFixtures.account(downgraded, "pro", true);
        String asin = RawEventPipelineTest.randomAsin();
        String productKey = "asin:" + asin;
        UUID productId = RuleFixtures.trackedProduct(productKey, asin, null, seller, downgraded);
        String token = Tokens.forUser(seller, "seller@example.com", "pro");
        String target = "\"product_id\":\"" + productId + "\"";

        String drop5 = createRule(token, "{\"alert_type\":\"price_drop\",\"threshold\":5," + target + "}");
        String drop30 = createRule(token, "{\"alert_type\":\"price_drop\",\"threshold\":30," + target + "}");
        String rise10 = createRule(token, "{\"alert_type\":\"price_increase\",\"threshold\":10," + target + "}");
        String paused = createRule(token, "{\"alert_type\":\"price_drop\",\"threshold\":5,\"is_active\":false," + target + "}");
        String outOfStock = createRule(token, "{\"alert_type\":\"out_of_stock\"," + target + "}");
        String theirs = createRule(Tokens.forUser(downgraded, "d@example.com", "pro"),
                "{\"alert_type\":\"price_drop\",\"threshold\":5," + target + "}");
        // Moved to the free plan after creating it: the rule stays but no longer fires.
        RuleFixtures.account(downgraded, "free", false);

        ingest(asin, "{\"title\":\"Wireless Earbuds\",\"price\":100.00,\"currency\":\"USD\",\"availability\":\"In Stock\"}");
        ingest(asin, "{\"price\":98.00}");   // −2 %: below every threshold
        ingest(asin, "{\"price\":94.00}");   // −6 % from 100: the 5 % rule crosses its line
        ingest(asin, "{\"price\":93.00}");   // still below the line: no second alert
        ingest(asin, "{\"price\":93.00}");   // a repeated observation
        ingest(asin, "{\"price\":120.00}");  // +29 % from the low of 93: the 10 % rise rule fires

        try (KafkaCompanion kafka = Kafka.companion()) {
            List<JsonPath> alerts = alertsOf(kafka, productKey, List.of(ruleAlert(rise10),
                    a -> "market".equals(a.getString("data.kind")) && "price_increase".equals(a.getString("data.alert_type"))));
            List<JsonPath> fromRules = alerts.stream().filter(a -> "rule".equals(a.getString("data.kind"))).toList();
            assertEquals(2, fromRules.size(), "one alert per crossing: " + fromRules.stream().map(JsonPath::prettify).toList());

            JsonPath drop = fromRules.stream().filter(ruleAlert(drop5)).findFirst().orElseThrow();
            assertEquals(seller.toString(), drop.getString("data.user_id"));
            assertEquals("price_drop", drop.getString("data.alert_type"));
            assertEquals(100.0f, drop.getFloat("data.old_value"));
            assertEquals(94.0f, drop.getFloat("data.new_value"));
            assertEquals(-6.0f, drop.getFloat("data.change_percent"));
            assertEquals(asin, drop.getString("data.asin"));
            assertNull(drop.get("data.severity"));
            JsonPath rise = fromRules.stream().filter(ruleAlert(rise10)).findFirst().orElseThrow();
            assertEquals(93.0f, rise.getFloat("data.old_value"));
            assertEquals(29.03f, rise.getFloat("data.change_percent"));

            String alertId = drop.getString("data.alert_id");
            given().auth().oauth2(token).get("/api/v1/alerts/" + drop5 + "/history").then().statusCode(200)
                    .body("total", equalTo(1)).body("page", equalTo(1))
                    .body("items[0].id", equalTo(alertId))
                    .body("items[0].alert_id", equalTo(drop5))
                    .body("items[0].product_id", equalTo(productId.toString()))
                    .body("items[0].old_value", equalTo(100.0f))
                    .body("items[0].new_value", equalTo(94.0f))
                    .body("items[0].change_percent", equalTo(-6.0f))
                    .body("items[0].message", containsString("Wireless Earbuds"))
                    .body("items[0].triggered_at", notNullValue());
            given().auth().oauth2(token).get("/api/v1/alerts/" + drop5).then()
                    .body("trigger_count", equalTo(1)).body("last_triggered", notNullValue());
            for (String quiet : List.of(drop30, paused, outOfStock)) {
                given().auth().oauth2(token).get("/api/v1/alerts/" + quiet + "/history").then().statusCode(200)
                        .body("total", equalTo(0));
            }
            given().auth().oauth2(Tokens.forUser(downgraded, "d@example.com", "free"))
                    .get("/api/v1/alerts/" + theirs + "/history").then().body("total", equalTo(0));
            given().auth().oauth2(token).get("/api/v1/alerts/history").then().statusCode(200)
                    .body("total", equalTo(2)).body("items.alert_id", containsInAnyOrder(drop5, rise10));
        }
    }

    private static String storeEvent(UUID competitorId, String handle, Instant at, String eventType, String rawData) {
        return """
                {"event_id":"%s","type":"raw_product_event","occurred_at":"%s",
                 "data":{"product_key":"store:%s:%s","url":"https://rival-gadgets.example/products/%s",
                  "competitor_id":"%s","source":"store_scan","event_type":"%s","raw_data":%s}}
                """.formatted(UUID.randomUUID(), at, competitorId, handle, handle, competitorId, eventType, rawData);
    }

    @Test
    void aStoresStockMovesAndNewProductsFireTheOwnersRules() {
        UUID seller = UUID.randomUUID();
        RuleFixtures.account(seller, "pro", true);
        UUID competitorId = RuleFixtures.ownedCompetitor(seller);
        String token = Tokens.forUser(seller, "seller@example.com", "pro");
        String target = "\"competitor_id\":\"" + competitorId + "\"";
        String newProduct = createRule(token, "{\"alert_type\":\"new_product\"," + target + "}");
        String outOfStock = createRule(token, "{\"alert_type\":\"out_of_stock\"," + target + "}");
        String backInStock = createRule(token, "{\"alert_type\":\"back_in_stock\"," + target + "}");

        Instant day1 = Instant.parse("2026-03-01T09:00:00Z");
        Instant day2 = Instant.parse("2026-03-02T09:00:00Z");
        String earbuds = "store:" + competitorId + ":earbuds";
        String charger = "store:" + competitorId + ":charger";
        List<ProducerRecord<String, String>> scans = List.of(
                // The first scan finds the store as it is: nothing in it is new.
                record(earbuds, storeEvent(competitorId, "earbuds", day1, "product_snapshot",
                        "{\"title\":\"Earbuds\",\"price\":49.99,\"currency\":\"USD\",\"availability\":\"In stock\"}")),
                record(charger, storeEvent(competitorId, "charger", day2, "product_snapshot",
                        "{\"title\":\"Charger\",\"price\":19.99,\"currency\":\"USD\",\"availability\":\"In stock\"}")),
                record(earbuds, storeEvent(competitorId, "earbuds", day2, "product_snapshot",
                        "{\"availability\":\"Sold out\"}")),
                record(earbuds, storeEvent(competitorId, "earbuds", day2.plusSeconds(60), "product_snapshot",
                        "{\"availability\":\"Sold out\",\"price\":44.99}")),
                record(earbuds, storeEvent(competitorId, "earbuds", day2.plusSeconds(120), "product_snapshot",
                        "{\"availability\":\"In stock\"}")),
                record(charger, storeEvent(competitorId, "charger", day2.plusSeconds(180), "product_removed", "{}")));
        scans.forEach(r -> Contracts.assertConforms("product.raw-events", "raw_product_event", r.value()));

        try (KafkaCompanion kafka = Kafka.companion()) {
            scans.forEach(r -> kafka.produceStrings().fromRecords(r).awaitCompletion());
            List<JsonPath> onEarbuds = alertsOf(kafka, earbuds, List.of(ruleAlert(backInStock)));
            List<JsonPath> onCharger = alertsOf(kafka, charger, List.of(ruleAlert(outOfStock), ruleAlert(newProduct)));

            assertEquals(List.of("out_of_stock", "back_in_stock"), onEarbuds.stream()
                    .filter(a -> "rule".equals(a.getString("data.kind"))).map(a -> a.getString("data.alert_type")).toList(),
                    "sold out once, back once; the second sold-out observation raises nothing");
            assertEquals(List.of("new_product", "out_of_stock"), onCharger.stream()
                    .filter(a -> "rule".equals(a.getString("data.kind"))).map(a -> a.getString("data.alert_type")).toList());
            JsonPath gone = onCharger.stream().filter(ruleAlert(outOfStock)).findFirst().orElseThrow();
            assertEquals(competitorId.toString(), gone.getString("data.competitor_id"));
            assertEquals("Charger was removed from its store", gone.getString("data.message"));
        }
        given().auth().oauth2(token).get("/api/v1/alerts/" + newProduct + "/history").then()
                .body("total", equalTo(1)).body("items[0].product_key", equalTo(charger))
                .body("items[0].message", containsString("Charger"));
        given().auth().oauth2(token).get("/api/v1/alerts/" + outOfStock + "/history").then()
                .body("total", equalTo(2)).body("items.product_key", contains(charger, earbuds));
    }

    private static ProducerRecord<String, String> record(String key, String value) {
        return new ProducerRecord<>(Kafka.topic("product.raw-events"), key, value);
    }

    @Test
    void aDeletedUsersAndADeletedStoresRulesGoWithThem() {
        UUID leaving = UUID.randomUUID();
        RuleFixtures.account(leaving, "pro", true);
        String asin = RawEventPipelineTest.randomAsin();
        UUID productId = RuleFixtures.trackedProduct("asin:" + asin, asin, null, leaving);
        UUID store = RuleFixtures.ownedCompetitor(leaving);
        UUID otherStore = RuleFixtures.ownedCompetitor(leaving);
        String token = Tokens.forUser(leaving, "leaving@example.com", "pro");
        createRule(token, "{\"alert_type\":\"new_product\",\"competitor_id\":\"" + store + "\"}");
        createRule(token, "{\"alert_type\":\"back_in_stock\",\"competitor_id\":\"" + otherStore + "\"}");
        createRule(token, "{\"alert_type\":\"out_of_stock\",\"product_id\":\"" + productId + "\"}");

        String storeDeleted = """
                {"event_id":"%s","type":"competitor_state","occurred_at":"%s",
                 "data":{"competitor_id":"%s","user_id":"%s","name":"Rival Gadgets","url":"https://rival-gadgets.example",
                  "platform":"shopify","status":"active","deleted":true,
                  "created_at":"2026-02-12T10:00:00Z","updated_at":"2026-03-01T10:00:00Z"}}
                """.formatted(UUID.randomUUID(), Instant.now(), store, leaving);
        String userDeleted = """
                {"event_id":"%s","type":"account_state","occurred_at":"%s",
                 "data":{"user_id":"%s","email":"leaving@example.com","created_at":"2026-02-12T10:00:00Z",
                  "is_active":false,"deleted":true,"roles":["user"],"plan":"pro","max_competitors":25,
                  "max_products":2500,"scan_frequency":"daily","alerts_enabled":true}}
                """.formatted(UUID.randomUUID(), Instant.now(), leaving);
        Contracts.assertConforms("competitors", "competitor_state", storeDeleted);
        Contracts.assertConforms("account.events", "account_state", userDeleted);

        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("competitors"), store.toString(),
                    storeDeleted)).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> rulesOf(leaving) == 2);
            kafka.produceStrings().fromRecords(new ProducerRecord<String, String>(Kafka.topic("competitors"),
                    otherStore.toString(), null)).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> rulesOf(leaving) == 1);
            given().auth().oauth2(token).get("/api/v1/alerts").then()
                    .body("items.alert_type", contains("out_of_stock"));

            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("account.events"), leaving.toString(),
                    userDeleted)).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> rulesOf(leaving) == 0);
        }
    }

    private static long rulesOf(UUID userId) {
        return RuleFixtures.count("SELECT count(*) FROM alert_rules WHERE user_id = :user", Map.of("user", userId));
    }
}
