package io.shelfwatch.product.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.product.Account;
import io.shelfwatch.product.repository.AccountRepository;
import io.shelfwatch.product.support.Contracts;
import io.shelfwatch.product.support.Kafka;
import io.shelfwatch.product.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;

/** account.events records put on the real broker, as auth-billing-service would, build the local copy. */
@QuarkusTest
public class AccountEventsConsumerTest {

    @Inject
    AccountRepository repository;

    public static String accountState(UUID userId, String email, String plan, int maxProducts, boolean deleted, Instant at) {
        return """
                {"event_id":"%s","type":"account_state","occurred_at":"%s",
                 "data":{"user_id":"%s","email":"%s","created_at":"2026-02-12T10:00:00Z","is_active":true,
                  "deleted":%b,"roles":["user"],"plan":"%s","max_competitors":25,"max_products":%d,
                  "scan_frequency":"daily","alerts_enabled":true}}
                """.formatted(UUID.randomUUID(), at, userId, email, deleted, plan, maxProducts);
    }

    private Account stored(UUID userId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> repository.findById(userId));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(KafkaCompanion kafka, UUID key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("account.events"), key.toString(), value))
                .awaitCompletion();
    }

    @Test
    void theLocalCopyFollowsTheAccountAndThePlanComesFromIt() {
        UUID userId = UUID.randomUUID();
        Instant now = Instant.parse("2026-02-12T10:00:00Z");
        String created = accountState(userId, "seller@example.com", "pro", 2500, false, now);
        String older = accountState(userId, "seller@example.com", "free", 50, false, now.minusSeconds(5));
        String deleted = accountState(userId, "seller@example.com", "pro", 2500, true, now.plusSeconds(5));
        Contracts.assertConforms("account.events", "account_state", created);
        Contracts.assertConforms("account.events", "account_state", deleted);

        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, userId, created);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(userId) != null);
            assertEquals(2500, stored(userId).maxProducts);

            // The token says "free"; the local copy of account.events says "pro", and wins.
            given().auth().oauth2(Tokens.forUser(userId, "seller@example.com", "free"))
                    .get("/api/v1/users/me").then().statusCode(200)
                    .body("id", equalTo(userId.toString()))
                    .body("email", equalTo("seller@example.com"))
                    .body("plan", equalTo("pro"));

            send(kafka, userId, older);
            send(kafka, userId, deleted);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(userId) == null);
            assertNull(stored(userId), "a deleted user leaves no row behind");
        }
    }

    @Test
    void aTombstoneRemovesTheAccount() {
        UUID userId = UUID.randomUUID();
        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, userId, accountState(userId, "t@example.com", "free", 50, false, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(userId) != null);
            send(kafka, userId, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(userId) == null);
        }
    }

    @Test
    void aRecordThatCanNeverBeProcessedGoesToTheDeadLetterTopic() {
        UUID key = UUID.randomUUID();
        String poison = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"account_state\",\"data\":{}}";
        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, key, poison);
            ConsumerRecord<String, String> dead = Kafka.awaitRecord(kafka, Kafka.topic("account.events.dlq"),
                    r -> key.toString().equals(r.key()));
            assertEquals(poison, dead.value());
            assertNotNull(dead.headers().lastHeader("dead-letter-reason"));
        }
    }
}
