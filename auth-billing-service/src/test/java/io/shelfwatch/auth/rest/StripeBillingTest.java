package io.shelfwatch.auth.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.shelfwatch.auth.support.Contracts;
import io.shelfwatch.auth.support.Kafka;
import io.shelfwatch.auth.support.StripeMockResource;
import io.shelfwatch.auth.support.Users;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Billing against a WireMock Stripe shaped like Stripe's API reference, and webhooks signed as Stripe signs them. */
@QuarkusTest
@WithTestResource(value = StripeMockResource.class, scope = TestResourceScope.GLOBAL)
class StripeBillingTest {

    static final String WEBHOOK_SECRET = "whsec_test_only_secret";

    @BeforeEach
    void stubStripe() {
        var stripe = StripeMockResource.server();
        stripe.resetAll();
        stripe.stubFor(get(urlPathEqualTo("/v1/prices")).willReturn(json("""
                {"object":"list","url":"/v1/prices","has_more":false,"data":[
                 {"id":"price_pro_monthly","object":"price","active":true,"currency":"usd","lookup_key":"pro",
                  "recurring":{"interval":"month","interval_count":1},"type":"recurring","unit_amount":2900,
                  "product":"prod_pro","livemode":false,"created":1700000000}]}
                """)));
        stripe.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(json("""
                {"id":"cus_test_123","object":"customer","email":"x@example.com","livemode":false,"created":1700000000,
                 "metadata":{}}
                """)));
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json("""
                {"id":"cs_test_a1b2c3","object":"checkout.session","mode":"subscription","status":"open",
                 "url":"https://checkout.stripe.com/c/pay/cs_test_a1b2c3","customer":"cus_test_123",
                 "livemode":false,"created":1700000000}
                """)));
        stripe.stubFor(post(urlPathEqualTo("/v1/billing_portal/sessions")).willReturn(json("""
                {"id":"bps_test_1","object":"billing_portal.session","customer":"cus_test_123",
                 "url":"https://billing.stripe.com/p/session/test_YWNjdF8x","livemode":false,"created":1700000000,
                 "return_url":"http://localhost:8080/billing"}
                """)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String sign(String payload, long timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return "t=" + timestamp + ",v1=" + v1;
    }

    static ValidatableResponse webhook(String payload, String signature) {
        return given().contentType(ContentType.JSON).header("Stripe-Signature", signature).body(payload)
                .post("/api/v1/webhooks/stripe").then();
    }

    static ValidatableResponse webhook(String payload) throws Exception {
        return webhook(payload, sign(payload, Instant.now().getEpochSecond(), WEBHOOK_SECRET));
    }

    static String subscriptionEvent(String type, String subscriptionId, String userId, String status, String plan,
            long created) {
        return """
                {"id":"evt_%s","object":"event","api_version":"2025-03-31.basil","created":%d,"livemode":false,
                 "type":"%s","data":{"object":{"id":"%s","object":"subscription","customer":"cus_%s",
                 "status":"%s","cancel_at_period_end":false,"trial_end":null,"created":%d,
                 "metadata":{"user_id":"%s","plan":"%s"},
                 "items":{"object":"list","data":[{"id":"si_1","object":"subscription_item",
                  "current_period_end":%d,"price":{"id":"price_%s","object":"price","lookup_key":"%s"}}]}}}}
                """.formatted(UUID.randomUUID().toString().replace("-", ""), created, type, subscriptionId,
                userId.substring(0, 8), status, created, userId, plan, created + 2592000, plan, plan);
    }

    @Test
    void checkoutCreatesAStripeSessionForThePaidPlansOnly() {
        Users.Registered user = Users.register();
        String userId = user.id();
        given().auth().oauth2(user.accessToken()).post("/api/v1/billing/portal").then().statusCode(400);
        given().auth().oauth2(user.accessToken()).get("/api/v1/billing/current").then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("null"));

        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON).body("{\"plan\":\"free\"}")
                .post("/api/v1/billing/checkout").then().statusCode(400);
        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON).body("{\"plan\":\"gold\"}")
                .post("/api/v1/billing/checkout").then().statusCode(422);
        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON).body("{\"plan\":\"pro\"}")
                .post("/api/v1/billing/checkout").then().statusCode(201)
                .body("session_id", org.hamcrest.Matchers.equalTo("cs_test_a1b2c3"))
                .body("url", org.hamcrest.Matchers.equalTo("https://checkout.stripe.com/c/pay/cs_test_a1b2c3"));

        StripeMockResource.server().verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer sk_test_only_key"))
                .withRequestBody(containing("client_reference_id=" + userId))
                .withRequestBody(containing("mode=subscription"))
                .withRequestBody(containing("price_pro_monthly")));

        given().auth().oauth2(user.accessToken()).post("/api/v1/billing/portal").then().statusCode(200)
                .body("url", org.hamcrest.Matchers.equalTo("https://billing.stripe.com/p/session/test_YWNjdF8x"));
    }

    @Test
    void checkoutAcceptsThePlanListsTierKeyAsWellAsPlan() {
        // GET /plans names each plan by `tier`; a client may send back the key it was given.
        Users.Registered user = Users.register();
        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON).body("{\"tier\":\"pro\"}")
                .post("/api/v1/billing/checkout").then().statusCode(201)
                .body("session_id", org.hamcrest.Matchers.equalTo("cs_test_a1b2c3"));
        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON).body("{\"tier\":\"gold\"}")
                .post("/api/v1/billing/checkout").then().statusCode(422)
                .body("detail[0].msg", org.hamcrest.Matchers.equalTo("unknown plan"));
    }

    @Test
    void signedSubscriptionEventsSetThePlanOnceAndInOrderOfTheirOwnTime() throws Exception {
        Users.Registered user = Users.register();
        String userId = user.id();
        String subscriptionId = "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        long t0 = Instant.now().getEpochSecond() - 100;

        String created = subscriptionEvent("customer.subscription.created", subscriptionId, userId, "trialing", "pro", t0);
        webhook(created).statusCode(200);
        given().auth().oauth2(user.accessToken()).get("/api/v1/auth/me").then().body("plan",
                org.hamcrest.Matchers.equalTo("pro"));
        given().auth().oauth2(user.accessToken()).get("/api/v1/billing/current").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(subscriptionId))
                .body("status", org.hamcrest.Matchers.equalTo("trialing"))
                .body("plan", org.hamcrest.Matchers.equalTo("pro"));
        given().auth().oauth2(user.accessToken()).get("/api/v1/billing/overview").then().statusCode(200)
                .body("plan.tier", org.hamcrest.Matchers.equalTo("pro"))
                .body("subscription.status", org.hamcrest.Matchers.equalTo("trialing"))
                .body("usage.products_limit", org.hamcrest.Matchers.equalTo(2500));
        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON).body("{\"plan\":\"enterprise\"}")
                .post("/api/v1/billing/checkout").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.equalTo("Already subscribed"));

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerRecord<String, String> record = Kafka.awaitRecord(kafka, Kafka.topic("account.events"),
                    r -> userId.equals(r.key()) && r.value().contains("\"plan\":\"pro\""));
            Contracts.assertConforms("account.events", "account_state", record.value());
            assertEquals(2500, JsonPath.from(record.value()).getInt("data.max_products"));
        }

        // Deleted (t0+60) arrives before an update sent earlier (t0+30): the later state wins.
        webhook(subscriptionEvent("customer.subscription.deleted", subscriptionId, userId, "canceled", "pro", t0 + 60))
                .statusCode(200);
        webhook(subscriptionEvent("customer.subscription.updated", subscriptionId, userId, "active", "pro", t0 + 30))
                .statusCode(200);
        given().auth().oauth2(user.accessToken()).get("/api/v1/auth/me").then().body("plan",
                org.hamcrest.Matchers.equalTo("free"));
        given().auth().oauth2(user.accessToken()).get("/api/v1/billing/current").then()
                .body("status", org.hamcrest.Matchers.equalTo("canceled"));

        // A replay of the first event is acknowledged and changes nothing.
        webhook(created).statusCode(200);
        given().auth().oauth2(user.accessToken()).get("/api/v1/auth/me").then().body("plan",
                org.hamcrest.Matchers.equalTo("free"));
    }

    @Test
    void unsignedWronglySignedAndStaleWebhooksAre400() throws Exception {
        Users.Registered user = Users.register();
        String userId = user.id();
        String event = subscriptionEvent("customer.subscription.created", "sub_forged", userId, "active", "enterprise",
                Instant.now().getEpochSecond());
        long now = Instant.now().getEpochSecond();
        webhook(event, sign(event, now, "whsec_someone_else")).statusCode(400);
        webhook(event, sign(event, now - 600, WEBHOOK_SECRET)).statusCode(400);
        webhook(event, sign(event.replace("enterprise", "pro"), now, WEBHOOK_SECRET)).statusCode(400);
        given().contentType(ContentType.JSON).body(event).post("/api/v1/webhooks/stripe").then().statusCode(400);
        given().auth().oauth2(user.accessToken()).get("/api/v1/auth/me").then().body("plan",
                org.hamcrest.Matchers.equalTo("free"));
        given().auth().oauth2(user.accessToken()).get("/api/v1/billing/current").then()
                .body(org.hamcrest.Matchers.equalTo("null"));
    }
}
