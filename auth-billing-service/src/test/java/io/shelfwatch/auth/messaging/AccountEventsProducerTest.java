package io.shelfwatch.auth.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.auth.support.Admin;
import io.shelfwatch.auth.support.Contracts;
import io.shelfwatch.auth.support.Kafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The admin created at start-up is announced on the real broker, in the shape contracts/ defines. */
@QuarkusTest
class AccountEventsProducerTest {

    @Test
    void theAdminAccountIsPublishedOnAccountEvents() {
        String adminId = given().auth().oauth2(Admin.accessToken()).get("/api/v1/auth/me")
                .then().statusCode(200).extract().path("id");

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerRecord<String, String> record = Kafka.awaitRecord(kafka, Kafka.topic("account.events"),
                    r -> adminId.equals(r.key()));

            Contracts.assertConforms("account.events", "account_state", record.value());
            JsonPath event = JsonPath.from(record.value());
            assertEquals(adminId, event.getString("data.user_id"));
            assertEquals(Admin.EMAIL, event.getString("data.email"));
            assertTrue(event.getList("data.roles").contains("admin"));
            assertEquals(50, event.getInt("data.max_products"), "the free plan's limit");
            assertEquals(false, event.getBoolean("data.deleted"));
        }
    }
}
