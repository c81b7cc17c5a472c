package io.shelfwatch.competition.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.shelfwatch.competition.rest.CompetitionReportResourceTest.age;
import static io.shelfwatch.competition.rest.CompetitionReportResourceTest.as;
import static io.shelfwatch.competition.rest.CompetitionReportResourceTest.awaitVersion;
import static io.shelfwatch.competition.rest.CompetitionReportResourceTest.link;
import static io.shelfwatch.competition.rest.CompetitionReportResourceTest.refresh;
import static io.shelfwatch.competition.rest.CompetitionReportResourceTest.today;
import static io.shelfwatch.competition.rest.CompetitionReportResourceTest.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shelfwatch.competition.support.Asins;
import io.shelfwatch.competition.support.Kafka;
import io.shelfwatch.competition.support.LlmMock;
import io.shelfwatch.competition.support.LlmProfile;
import io.shelfwatch.competition.support.PriceUpdates;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;

/**
 * Reports with `LLM_BASE_URL` set: the LLM (WireMock, shaped as OpenAI's chat completions)
 * writes them; when it fails, times out or answers nonsense, the built-in analyst does, and the
 * report says why.
 */
@QuarkusTest
@TestProfile(LlmProfile.class)
class CompetitionReportLlmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeTheBreaker() {
        // Each test's failures are its own: an open breaker would skip the LLM in the next test.
        breakers.resetAll();
    }

    private static String observedProduct(String token) {
        String main = Asins.random();
        String rival = Asins.random();
        link(token, main, List.of(rival));
        try (KafkaCompanion kafka = Kafka.companion()) {
            PriceUpdates.send(kafka, main, PriceUpdates.record(main, today("00:00:01"), "299.99", 12, "4.5", 18432,
                    "299.99"));
            PriceUpdates.send(kafka, rival, PriceUpdates.record(rival, today("00:00:02"), "279.00", 20, "4.7", 20000,
                    "279.00"));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token)
                .get("/v1/competitions/" + main).then()
                .body("data.peers[0].price_diff", equalTo(new BigDecimal("20.99"))));
        return main;
    }

    @Test
    void theLlmWritesTheReportFromTheEvidence() throws Exception {
        String token = user();
        String main = observedProduct(token);
        LlmMock.stub(LlmMock.callAbout(main), LlmMock.completion(LlmMock.analysisJson("LLM on " + main)));

        refresh(token, main, null).statusCode(200).body("status", equalTo("queued"));
        awaitVersion(token, main, 1)
                .body("analyst", equalTo("llm"))
                .body("model", equalTo(LlmMock.ANSWERING_MODEL))
                .body("fallback_reason", nullValue())
                .body("summary.executive_summary", equalTo("LLM on " + main))
                .body("summary.price_position.assessment", equalTo("premium"))
                .body("summary.confidence", equalTo(new BigDecimal("0.8")))
                .body("evidence.competitors[0].price_diff", equalTo(new BigDecimal("20.99")));

        List<LoggedRequest> calls = LlmMock.callsAbout(main);
        assertEquals(1, calls.size());
        LoggedRequest call = calls.get(0);
        assertEquals("Bearer " + LlmMock.API_KEY, call.getHeader("Authorization"));
        JsonNode body = JSON.readTree(call.getBodyAsString());
        assertEquals("gpt-4o-mini", body.path("model").asText());
        assertEquals("json_object", body.path("response_format").path("type").asText());
        assertEquals("system", body.path("messages").path(0).path("role").asText());
        assertEquals("user", body.path("messages").path(1).path("role").asText());
        String evidence = body.path("messages").path(1).path("content").asText();
        assertTrue(evidence.contains("\"price_diff\":20.99") && evidence.contains("\"asin_main\":\"" + main + "\""),
                evidence);
    }

    @Test
    void aFailingLlmIsRetriedThenTheBuiltInAnalystWritesAndTheLlmIsAskedAgainNextTime() throws Throwable {
        String token = user();
        String main = observedProduct(token);
        LlmMock.stub(LlmMock.callAbout(main), LlmMock.error(500, "server_error", "The server had an error"));

        refresh(token, main, null).statusCode(200).body("status", equalTo("queued"));
        awaitVersion(token, main, 1)
                .body("analyst", equalTo("built_in"))
                .body("model", equalTo("shelfwatch-built-in-analyst-1"))
                .body("fallback_reason", equalTo("the LLM endpoint answered HTTP 500"))
                .body("summary.price_position.assessment", equalTo("premium"));
        assertEquals(3, LlmMock.callsAbout(main).size(), "one call and two retries");
        as(token).get("/v1/competitions/" + main + "/report/status").then()
                .body("status", equalTo("succeeded")).body("report_version", equalTo(1));

        // The evidence is unchanged, but the last report is the fallback's: the LLM is asked again.
        age(main);
        LlmMock.stub(LlmMock.callAbout(main), LlmMock.completion(LlmMock.analysisJson("Back: " + main)));
        refresh(token, main, null).statusCode(200).body("status", equalTo("queued"));
        awaitVersion(token, main, 2).body("analyst", equalTo("llm")).body("fallback_reason", nullValue())
                .body("summary.executive_summary", equalTo("Back: " + main));
    }

    @Test
    void anAnalysisThatFailsValidationIsNotStored() {
        String token = user();
        String main = observedProduct(token);
        String invalid = """
                {"executive_summary":"Fine.","price_position":{"assessment":"expensive","details":"x"},
                 "market_position":{"assessment":"leader","details":"x"},"advantages":[],"confidence":7}
                """;
        LlmMock.stub(LlmMock.callAbout(main), LlmMock.completion(invalid));

        refresh(token, main, null).statusCode(200);
        awaitVersion(token, main, 1)
                .body("analyst", equalTo("built_in"))
                .body("fallback_reason", containsString("the LLM's analysis is invalid"))
                .body("fallback_reason", containsString("confidence"))
                .body("fallback_reason", containsString("recommendations"))
                // One day of metrics, the one competitor compared: the built-in analyst's 0.64.
                .body("summary.confidence", equalTo(new BigDecimal("0.64")));
        assertEquals(1, LlmMock.callsAbout(main).size(), "an invalid answer is not retried");
    }

    @Test
    void aSlowLlmTimesOutAndOnlyOneGenerationRunsAtATime() {
        String token = user();
        String main = observedProduct(token);
        LlmMock.stub(LlmMock.callAbout(main), LlmMock.completion(LlmMock.analysisJson("Too late"))
                .withFixedDelay(4000));

        String job = refresh(token, main, null).statusCode(200).body("status", equalTo("queued"))
                .extract().path("job_id");
        refresh(token, main, null).statusCode(200).body("status", equalTo("in_progress"))
                .body("job_id", equalTo(job));
        refresh(token, main, "force=true").statusCode(200).body("status", equalTo("in_progress"))
                .body("job_id", equalTo(job));

        awaitVersion(token, main, 1)
                .body("analyst", equalTo("built_in"))
                .body("fallback_reason", containsString("did not answer in time"));
        assertEquals(3, LlmMock.callsAbout(main).size());
        as(token).get("/v1/competitions/" + main + "/report/versions").then().body("version",
                org.hamcrest.Matchers.contains(1));
    }

    @Test
    void anEndpointThatKeepsFailingOpensTheBreaker() {
        String token = user();
        String main = observedProduct(token);
        LlmMock.stub(LlmMock.callAbout(main), aResponse().withStatus(503).withBody("upstream unavailable"));

        refresh(token, main, null).statusCode(200);
        awaitVersion(token, main, 1).body("fallback_reason", equalTo("the LLM endpoint answered HTTP 503"));
        refresh(token, main, "force=true").statusCode(200);
        awaitVersion(token, main, 2);
        int calls = LlmMock.callsAbout(main).size();
        // Six failed calls in a row open the breaker: the third report does not wait for the LLM at all.
        refresh(token, main, "force=true").statusCode(200);
        awaitVersion(token, main, 3).body("analyst", equalTo("built_in"))
                .body("fallback_reason", equalTo("the LLM endpoint failed repeatedly; it is not asked for a while"));
        assertEquals(6, calls);
        assertEquals(calls, LlmMock.callsAbout(main).size());
    }
}
