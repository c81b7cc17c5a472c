package io.shelfwatch.connector.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.shelfwatch.connector.support.AmazonMock;
import io.shelfwatch.connector.support.Kafka;
import io.shelfwatch.connector.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** `deleted` on account.events removes the user's connection, orders, items, exports and activity log. */
@QuarkusTest
@QuarkusTestResource(AmazonMock.class)
class UserDeletedRemovesDataTest {

    private static long rows(String table, UUID user) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .flatMap(s -> s.createNativeQuery("SELECT count(*) FROM " + table + " WHERE user_id = :u",
                            Long.class).setParameter("u", user).getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeletedUserLeavesNothingBehind() {
        UUID user = UUID.randomUUID();
        String refresh = "Atzr|deleted-" + user;
        String access = "Atza|deleted-" + user;
        String order = "208-" + user.toString().substring(0, 7) + "-0000001";
        AmazonMock.stubToken("amzn1.application-oa2-client.del", "del-secret", refresh, access);
        AmazonMock.server().stubFor(get(urlPathEqualTo("/orders/v0/orders"))
                .withHeader("x-amz-access-token", WireMock.equalTo(access))
                .willReturn(WireMock.okJson("{\"payload\":{\"Orders\":[{\"AmazonOrderId\":\"" + order
                        + "\",\"PurchaseDate\":\"2026-01-05T10:00:00Z\",\"OrderStatus\":\"Shipped\","
                        + "\"MarketplaceId\":\"A1F83G8C2ARO7P\"}]}}")));
        AmazonMock.server().stubFor(get(urlPathEqualTo("/orders/v0/orders/" + order + "/orderItems"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"payload\":{\"AmazonOrderId\":\"" + order + "\",\"OrderItems\":[{\"ASIN\":"
                                + "\"B00551Q3CS\",\"OrderItemId\":\"1\",\"QuantityOrdered\":1}]}}")));
        String jwt = Tokens.forUser(user, "gone@example.com", "pro");
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("appId", "amzn1.application-oa2-client.del", "clientSecret", "del-secret",
                        "refreshToken", refresh))
                .post("/api/connect/").then().statusCode(200);
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", "A1F83G8C2ARO7P", "start_date", "2026-01-01", "end_date",
                        "2026-01-10", "auto_save", true))
                .post("/api/fetch-data/").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("exports", user) == 2 && rows("orders", user) == 1
                && rows("activities", user) >= 2);

        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("account.events"), user.toString(),
                    AccountEventsConsumerTest.accountState(user, "gone@example.com", "pro", 50, true, Instant.now())))
                    .awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> rows("amazon_connections", user) == 0
                    && rows("orders", user) == 0 && rows("order_items", user) == 0 && rows("exports", user) == 0
                    && rows("activities", user) == 0);
        }
        given().auth().oauth2(jwt).get("/api/download-processed/").then().statusCode(200)
                .body("cache_keys.size()", equalTo(0));
    }
}
