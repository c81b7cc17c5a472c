package io.shelfwatch.connector.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.connector.AmazonConnection;
import io.shelfwatch.connector.repository.AmazonConnectionRepository;
import io.shelfwatch.connector.support.Tokens;
import jakarta.inject.Inject;

@QuarkusTest
class ConnectionStatusResourceTest {

    @Inject
    AmazonConnectionRepository repository;

    @Test
    void aUserWithoutAConnectionIsNotConnected() {
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "s@example.com", "pro"))
                .get("/api/connection-status/").then().statusCode(200)
                .body("isConnected", equalTo(false))
                .body("expires_at", nullValue())
                .body("connected_at", nullValue());
    }

    @Test
    void aUserSeesTheirOwnConnectionAndNothingElse() throws Throwable {
        UUID owner = UUID.randomUUID();
        AmazonConnection c = new AmazonConnection();
        c.userId = owner;
        c.appId = "amzn1.sp.solution.test";
        c.marketplaceId = "A1F83G8C2ARO7P";
        c.clientIdEncrypted = new byte[] { 1 };
        c.clientSecretEncrypted = new byte[] { 2 };
        c.refreshTokenEncrypted = new byte[] { 3 };
        c.accessTokenExpiresAt = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30);
        c.connectedAt = OffsetDateTime.parse("2026-02-12T10:00:00Z");
        c.updatedAt = c.connectedAt;
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> repository.persist(c)));

        given().auth().oauth2(Tokens.forUser(owner, "owner@example.com", "pro"))
                .get("/api/connection-status").then().statusCode(200)
                .body("isConnected", equalTo(true))
                .body("marketplace_id", equalTo("A1F83G8C2ARO7P"))
                .body("appId", equalTo("amzn1.sp.solution.test"))
                .body("connected_at", equalTo("2026-02-12T10:00:00Z"))
                .body("token_valid", equalTo(true));
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "other@example.com", "pro"))
                .get("/api/connection-status").then().statusCode(200).body("isConnected", equalTo(false));
    }

    @Test
    void errorsOnDocBPathsTakeDocBsShape() {
        given().get("/api/connection-status/").then().statusCode(401)
                .body("error", equalTo("Not authenticated"))
                .body("details", nullValue());
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "s@example.com", "pro"))
                .get("/api/no-such-endpoint/").then().statusCode(404).body("error", equalTo("Not Found"));
        given().get("/api/v1/unknown").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems(org.hamcrest.Matchers.containsString("Kafka"),
                        org.hamcrest.Matchers.containsString("PostgreSQL")));
    }
}
