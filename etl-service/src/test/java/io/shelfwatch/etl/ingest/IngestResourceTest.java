package io.shelfwatch.etl.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.shelfwatch.etl.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class IngestResourceTest {

    static final String BODY = """
            {"asin":" b0cx23v2zk ","source":"manual","event_type":"product_snapshot",
             "raw_data":{"title":"Wireless Earbuds","price":49.99,"currency":"USD","bsr":1234,"seller_note":"kept"},
             "job_id":"job-42"}
            """;

    @Test
    void anIngestedEventIsOnTheRawEventsTopicInItsContractShape() {
        String requestId = "ingest-" + UUID.randomUUID();
        String eventId = given().auth().oauth2(Tokens.forAdmin()).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body(BODY)
                .post("/v1/etl/events/ingest").then().statusCode(200)
                .body("product_key", equalTo("asin:B0CX23V2ZK"))
                .body("status", equalTo("accepted"))
                .extract().path("event_id");

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerRecord<String, String> record = Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events"),
                    r -> r.value() != null && r.value().contains(eventId));
            Contracts.assertConforms("product.raw-events", "raw_product_event", record.value());
            assertEquals("asin:B0CX23V2ZK", record.key(), "keyed by product, so its events stay in order");
            assertEquals(requestId, new String(record.headers().lastHeader("x-request-id").value(),
                    StandardCharsets.UTF_8));
            JsonPath event = JsonPath.from(record.value());
            assertEquals("B0CX23V2ZK", event.getString("data.asin"));
            assertEquals("kept", event.getString("data.raw_data.seller_note"), "unknown raw_data keys are kept");
            assertEquals("job-42", event.getString("data.job_id"));
        }
    }

    @Test
    void anotherMarketplaceGetsItsOwnProductKey() {
        given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"asin\":\"B0CX23V2ZK\",\"source\":\"manual\",\"event_type\":\"product_snapshot\","
                        + "\"raw_data\":{\"marketplace_id\":\"A1F83G8C2ARO7P\"}}")
                .post("/v1/etl/events/ingest/").then().statusCode(200)
                .body("product_key", equalTo("asin:A1F83G8C2ARO7P:B0CX23V2ZK"));
    }

    @Test
    void onlyAdminsMayIngest() {
        given().contentType(ContentType.JSON).body(BODY).post("/v1/etl/events/ingest")
                .then().statusCode(401).body("detail", equalTo("Not authenticated"));
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "u@example.com", "pro"))
                .contentType(ContentType.JSON).body(BODY).post("/v1/etl/events/ingest")
                .then().statusCode(403).body("detail", equalTo("Not enough permissions"));
    }

    @Test
    void invalidEventsAre422WithTheFieldLocated() {
        given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"asin\":\"B0-BAD\",\"source\":\"manual\",\"event_type\":\"product_snapshot\",\"raw_data\":{}}")
                .post("/v1/etl/events/ingest").then().statusCode(422)
                .body("detail[0].loc", contains("body", "asin"));
        given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"asin\":\"B0CX23V2ZK\",\"source\":\"manual\",\"event_type\":\"exploded\",\"raw_data\":{}}")
                .post("/v1/etl/events/ingest").then().statusCode(422)
                .body("detail[0].loc", contains("body", "event_type"));
    }

    private static io.restassured.response.ValidatableResponse ingest(String rawData) {
        return given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"asin\":\"B0CX23V2ZK\",\"source\":\"manual\",\"event_type\":\"product_snapshot\","
                        + "\"raw_data\":" + rawData + "}")
                .post("/v1/etl/events/ingest").then();
    }

    @Test
    void anUnknownMarketplaceIs422AtItsField() {
        ingest("{\"title\":\"x\",\"marketplace_id\":\"not a marketplace: x\"}").statusCode(422)
                .body("detail[0].loc", contains("body", "raw_data", "marketplace_id"));
        ingest("{\"marketplace_id\":42}").statusCode(422)
                .body("detail[0].loc", contains("body", "raw_data", "marketplace_id"));
        ingest("{\"marketplace_id\":\"APJ6JRA9NGTCU\"}").statusCode(200)
                .body("product_key", equalTo("asin:APJ6JRA9NGTCU:B0CX23V2ZK"));
    }

    @Test
    void valuesThePipelineWouldDropAre422AtEachField() {
        ingest("{\"price\":-5,\"rating\":7.5,\"bsr\":-3}").statusCode(422)
                .body("detail.loc", containsInAnyOrder(List.of("body", "raw_data", "price"),
                        List.of("body", "raw_data", "rating"), List.of("body", "raw_data", "bsr")));
        ingest("{\"price\":\"abc\"}").statusCode(422)
                .body("detail[0].loc", contains("body", "raw_data", "price"))
                .body("detail[0].msg", equalTo("raw_data.price is not a number: abc"));
        // a message quoting the value is not read as a message expression
        ingest("{\"currency\":\"${1+1}\"}").statusCode(422)
                .body("detail[0].msg", containsString("${1+1}"));
        ingest("{\"price\":49.99,\"rating\":4.5,\"bsr\":1}").statusCode(200);
    }

    @Test
    void noValueWiderThanTheConsumersColumnsIsAccepted() {
        // product-service and competition-service store prices as NUMERIC(14,2)
        ingest("{\"price\":1000000000000}").statusCode(422)
                .body("detail[0].loc", contains("body", "raw_data", "price"));
        ingest("{\"buybox_price\":999999999999.999}").statusCode(422)
                .body("detail[0].loc", contains("body", "raw_data", "buybox_price"));
        ingest("{\"reviews_count\":2147483648}").statusCode(422)
                .body("detail[0].loc", contains("body", "raw_data", "reviews_count"));
        ingest("{\"price\":999999999999.99,\"reviews_count\":2147483647}").statusCode(200);
    }

    @Test
    void aNulCharacterInAStringIs422AtItsField() {
        given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"asin\":\"B0CX23V2ZK\",\"source\":\"man\\u0000ual\",\"event_type\":\"product_snapshot\","
                        + "\"raw_data\":{}}")
                .post("/v1/etl/events/ingest").then().statusCode(422)
                .body("detail[0].loc", contains("body", "source"));
        ingest("{\"title\":\"Ear\\u0000buds\"}").statusCode(422)
                .body("detail[0].loc", contains("body", "raw_data", "title"));
    }

    @Test
    void brandAnalyticsPathsAnswerErrorsInDocDsShape() {
        given().auth().oauth2(Tokens.forAdmin()).get("/api/brands/no-such-route/at-all")
                .then().statusCode(404)
                .body("error", equalTo("Not Found"))
                .body("code", equalTo("NOT_FOUND"))
                .body("details", equalTo(java.util.Map.of()));
        given().get("/v1/nothing").then().statusCode(404).body("detail", equalTo("Not Found"))
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
