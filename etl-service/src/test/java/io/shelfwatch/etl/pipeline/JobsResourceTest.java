package io.shelfwatch.etl.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.shelfwatch.etl.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class JobsResourceTest {

    static String userToken() {
        return Tokens.forUser(UUID.randomUUID(), "reader@example.com", "pro");
    }

    @Test
    void competitionDailyIsRequestedFromCompetitionServiceAndItsResultRecorded() {
        String jobId = given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"job_name\":\"competition_daily\",\"target_date\":\"2026-02-12\",\"job_metadata\":{\"asins\":3}}")
                .post("/v1/etl/jobs/trigger").then().statusCode(200)
                .body("status", equalTo("pending"))
                .body("details.job_name", equalTo("competition_daily"))
                .extract().path("job_id");

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerRecord<String, String> requested = Kafka.awaitRecord(kafka, Kafka.topic("jobs"),
                    r -> jobId.equals(r.key()) && r.value().contains("job_requested"));
            Contracts.assertConforms("jobs", "job_requested", requested.value());
            JsonPath request = JsonPath.from(requested.value());
            assertEquals("competition_daily", request.getString("data.job_name"));
            assertEquals("2026-02-12", request.getString("data.params.target_date"));
            assertEquals(3, request.getInt("data.params.asins"));

            given().auth().oauth2(userToken()).get("/v1/etl/jobs/" + jobId).then().statusCode(200)
                    .body("status", equalTo("pending")).body("job_name", equalTo("competition_daily"));

            String finished = """
                    {"event_id":"%s","type":"job_finished","occurred_at":"2026-02-12T10:05:00Z",
                     "data":{"job_id":"%s","job_name":"competition_daily","status":"succeeded",
                      "started_at":"2026-02-12T10:00:00Z","finished_at":"2026-02-12T10:05:00Z",
                      "counts":{"comparisons":12,"reports":3},"error":null}}
                    """.formatted(UUID.randomUUID(), jobId);
            Contracts.assertConforms("jobs", "job_finished", finished);
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("jobs"), jobId, finished)).awaitCompletion();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(given().auth().oauth2(userToken())
                .get("/v1/etl/jobs/" + jobId).then().extract().path("status")));
        given().auth().oauth2(userToken()).get("/v1/etl/jobs/" + jobId).then()
                .body("records_processed", equalTo(15))
                .body("records_failed", equalTo(0))
                .body("completed_at", equalTo("2026-02-12T10:05:00Z"));
        given().auth().oauth2(userToken()).queryParam("limit", 100).get("/v1/etl/jobs").then().statusCode(200)
                .body("job_id", hasItem(jobId));
    }

    @Test
    void jobNamesAreChecked() {
        given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"job_name\":\"rm_rf\"}").post("/v1/etl/jobs/trigger").then().statusCode(422)
                .body("detail[0].loc", contains("body", "job_name"));
        given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"job_name\":\"mart_refresh\",\"target_date\":\"12/02/2026\"}").post("/v1/etl/jobs/trigger")
                .then().statusCode(422).body("detail[0].loc", contains("body", "target_date"));
        // the right shape but no such day: the same validation list, at the field
        given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"job_name\":\"mart_refresh\",\"target_date\":\"2026-02-30\"}").post("/v1/etl/jobs/trigger")
                .then().statusCode(422).body("detail[0].loc", contains("body", "target_date"))
                .body("detail[0].msg", equalTo("is not a calendar date"));
    }

    @Test
    void writesNeedAnAdminAndReadsASignedInPrincipal() {
        given().auth().oauth2(userToken()).contentType(ContentType.JSON).body("{\"job_name\":\"alert_scan\"}")
                .post("/v1/etl/jobs/trigger").then().statusCode(403);
        given().auth().oauth2(userToken()).post("/v1/etl/events/process/job-1").then().statusCode(403);
        given().get("/v1/etl/jobs").then().statusCode(401);
        given().auth().oauth2(userToken()).get("/v1/etl/jobs/not-a-uuid").then().statusCode(422)
                .body("detail[0].loc", contains("path", "job_id"));
        given().auth().oauth2(userToken()).get("/v1/etl/jobs/" + UUID.randomUUID()).then().statusCode(404)
                .body("detail", equalTo("Job not found"));
        given().auth().oauth2(Tokens.forAdmin()).urlEncodingEnabled(false).post("/v1/etl/events/process/job%00x")
                .then().statusCode(422).body("detail[0].loc", contains("path", "job_id"));
        given().auth().oauth2(userToken()).queryParam("limit", "abc").get("/v1/etl/jobs").then().statusCode(422)
                .body("detail[0].loc", contains("query", "limit"))
                .body("detail[0].msg", equalTo("value is not a valid integer"))
                .body("detail[0].type", equalTo("type_error.integer"));
    }

    @Test
    void aLocalJobRunsAndShowsItsCounts() {
        String jobId = given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"job_name\":\"alert_scan\"}").post("/v1/etl/jobs/trigger").then().statusCode(200)
                .body("status", equalTo("completed")).extract().path("job_id");
        given().auth().oauth2(userToken()).get("/v1/etl/jobs/" + jobId).then().statusCode(200)
                .body("status", equalTo("completed")).body("records_failed", equalTo(0));
    }

    @Test
    void processingAJobsEventsAnswersWithCounts() {
        String job = "job-" + UUID.randomUUID();
        String asin = RawEventPipelineTest.randomAsin();
        try (KafkaCompanion kafka = Kafka.companion()) {
            String bad = """
                    {"event_id":"%s","type":"raw_product_event","occurred_at":"2026-03-04T08:00:00Z",
                     "data":{"product_key":"asin:%s","asin":"%s","source":"ingest_api","event_type":"product_snapshot",
                      "raw_data":{"rating":"eleven"},"job_id":"%s"}}
                    """.formatted(UUID.randomUUID(), asin, asin, job);
            RawEventPipelineTest.send(kafka, asin, bad);
            Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events.dlq"), r -> r.value().contains(job));
        }
        given().auth().oauth2(Tokens.forAdmin()).post("/v1/etl/events/process/" + job).then().statusCode(200)
                .body("job_id", equalTo(job))
                .body("details.records_processed", equalTo(0))
                .body("details.records_failed", equalTo(1));
    }

    @Test
    void statsShowEventsJobsAndAlerts() {
        given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"job_name\":\"alert_scan\"}").post("/v1/etl/jobs/trigger").then().statusCode(200);
        given().auth().oauth2(userToken()).get("/v1/etl/stats").then().statusCode(200)
                .body("recent_jobs.job_name", hasItem("alert_scan"))
                .body("events", org.hamcrest.Matchers.notNullValue())
                .body("alerts", org.hamcrest.Matchers.notNullValue());
    }
}
