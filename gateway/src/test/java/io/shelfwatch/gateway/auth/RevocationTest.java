package io.shelfwatch.gateway.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.routing.Upstream;
import io.shelfwatch.gateway.support.Contracts;
import io.shelfwatch.gateway.support.Kafka;
import io.shelfwatch.gateway.support.Tokens;
import io.shelfwatch.gateway.support.WireMockUpstreams;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.json.JsonObject;

/** account.revocations on the real broker, as auth-billing-service writes it, stops keys and tokens at once. */
@QuarkusTest
@WithTestResource(WireMockUpstreams.class)
class RevocationTest {

    private final KafkaCompanion kafka = Kafka.companion();

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @Test
    void aRevokedApiKeyStopsWorkingWithinSeconds() {
        String key = "sw_live_" + UUID.randomUUID();
        String userId = Tokens.newUserId();
        String prefix = "sw_" + UUID.randomUUID().toString().substring(0, 8);
        EdgeAuthTest.stubExchange(key, Tokens.forUser(userId), userId, prefix);
        given().header("X-API-Key", key).get("/api/v1/alerts").then().statusCode(WireMockUpstreams.PROXIED_STATUS);

        // From now on auth-billing refuses the key; the gateway still holds the exchanged JWT.
        WireMockUpstreams.server(Upstream.AUTH_BILLING).stubFor(post("/internal/api-keys/exchange").atPriority(0)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\":\"Invalid API key\"}")));
        given().header("X-API-Key", key).get("/api/v1/alerts").then().statusCode(WireMockUpstreams.PROXIED_STATUS);

        publish(userId, envelope("api_key_revoked", new JsonObject()
                .put("user_id", userId)
                .put("key_id", UUID.randomUUID().toString())
                .put("key_prefix", prefix)
                .put("revoked_at", Instant.now().toString())));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().header("X-API-Key", key).get("/api/v1/alerts").statusCode() == 401);
    }

    @Test
    void tokensIssuedBeforeARevocationAreRefusedAndLaterOnesAccepted() {
        String userId = Tokens.newUserId();
        String before = Tokens.issued(userId, -120, 600);
        given().header("Authorization", "Bearer " + before).get("/api/v1/usage").then().statusCode(WireMockUpstreams.PROXIED_STATUS);

        publish(userId, envelope("tokens_revoked", new JsonObject()
                .put("user_id", userId)
                .put("revoked_at", Instant.now().minusSeconds(60).toString())
                .put("reason", "password_reset")));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().header("Authorization", "Bearer " + before).get("/api/v1/usage").statusCode() == 401);
        given().header("Authorization", "Bearer " + Tokens.forUser(userId)).get("/api/v1/usage")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        // Another user is not affected.
        given().header("Authorization", "Bearer " + Tokens.issued(Tokens.newUserId(), -120, 600)).get("/api/v1/usage")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
    }

    private static JsonObject envelope(String type, JsonObject data) {
        return new JsonObject()
                .put("event_id", UUID.randomUUID().toString())
                .put("type", type)
                .put("occurred_at", Instant.now().toString())
                .put("data", data);
    }

    private void publish(String userId, JsonObject event) {
        String value = event.encode();
        Contracts.assertConforms("account.revocations", event.getString("type"), value);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("account.revocations"), userId, value))
                .awaitCompletion(Duration.ofSeconds(30));
    }
}
