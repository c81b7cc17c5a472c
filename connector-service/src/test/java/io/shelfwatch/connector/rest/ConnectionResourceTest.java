package io.shelfwatch.connector.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.shelfwatch.connector.support.AmazonMock;
import io.shelfwatch.connector.support.LogCapture;
import io.shelfwatch.connector.support.Tokens;

@QuarkusTest
@QuarkusTestResource(AmazonMock.class)
class ConnectionResourceTest {

    private static Map<String, String> body(String appId, String secret, String refreshToken) {
        return Map.of("appId", appId, "clientSecret", secret, "refreshToken", refreshToken);
    }

    @Test
    void connectStoresTheCredentialsEncryptedAndAnswersTheToken() throws Throwable {
        UUID user = UUID.randomUUID();
        String appId = "amzn1.application-oa2-client." + user.toString().replace("-", "");
        String secret = "secret-" + UUID.randomUUID();
        String refresh = "Atzr|refresh-" + UUID.randomUUID();
        String access = "Atza|access-" + UUID.randomUUID();
        AmazonMock.stubToken(appId, secret, refresh, access);

        try (LogCapture logs = LogCapture.start()) {
            given().auth().oauth2(Tokens.forUser(user, "seller@example.com", "pro"))
                    .contentType(ContentType.JSON).body(body(appId, secret, refresh))
                    .post("/api/connect/").then().statusCode(200)
                    .body("success", equalTo(true))
                    .body("isConnected", equalTo(true))
                    .body("appId", equalTo(appId))
                    .body("marketplace_id", equalTo("A1F83G8C2ARO7P"))
                    .body("access_token", equalTo(access))
                    .body("expires_in", equalTo(3600))
                    .body("expires_at", notNullValue())
                    .body("connected_at", notNullValue())
                    .body("$", not(org.hamcrest.Matchers.hasKey("refreshToken")))
                    .body("$", not(org.hamcrest.Matchers.hasKey("clientSecret")));

            given().auth().oauth2(Tokens.forUser(user, "seller@example.com", "pro"))
                    .get("/api/connection-status/").then().statusCode(200)
                    .body("isConnected", equalTo(true))
                    .body("token_valid", equalTo(true))
                    .body("appId", equalTo(appId));

            assertFalse(logs.text().contains(secret), "client secret logged");
            assertFalse(logs.text().contains(refresh), "refresh token logged");
            assertFalse(logs.text().contains(access), "access token logged");
        }

        String stored = storedRow(user);
        assertFalse(stored.isEmpty(), "connection stored");
        for (String plain : List.of(secret, refresh, access)) {
            assertFalse(stored.contains(plain), "a secret is stored in plain text");
            assertFalse(stored.contains(hex(plain)), "a secret is stored in plain text (bytes)");
        }
    }

    @Test
    void amazonsInvalidGrantIsAClear400AndNothingIsStored() {
        UUID user = UUID.randomUUID();
        String refresh = "Atzr|revoked-" + UUID.randomUUID();
        AmazonMock.stubInvalidGrant("amzn1.application-oa2-client.revoked", "s3cr3t-revoked", refresh);

        given().auth().oauth2(Tokens.forUser(user, "seller@example.com", "pro"))
                .contentType(ContentType.JSON).body(body("amzn1.application-oa2-client.revoked", "s3cr3t-revoked", refresh))
                .post("/api/connect").then().statusCode(400)
                .body("error", containsString("invalid_grant"))
                .body("details.amazon_error", equalTo("invalid_grant"))
                .body(not(containsString("s3cr3t-revoked")))
                .body(not(containsString(refresh)));
        given().auth().oauth2(Tokens.forUser(user, "seller@example.com", "pro"))
                .contentType(ContentType.JSON).body(body("amzn1.application-oa2-client.revoked", "s3cr3t-revoked", refresh))
                .post("/api/test-connection/").then().statusCode(400)
                .body("details.amazon_error", equalTo("invalid_grant"));
        given().auth().oauth2(Tokens.forUser(user, "seller@example.com", "pro"))
                .get("/api/connection-status/").then().statusCode(200).body("isConnected", equalTo(false));
    }

    @Test
    void anUnreachableLoginWithAmazonIsLoggedAsUnreachableNotAsRejectedCredentials() {
        UUID user = UUID.randomUUID();
        String refresh = "Atzr|unreachable-" + UUID.randomUUID();
        AmazonMock.server().stubFor(AmazonMock.lwaGrant("amzn1.application-oa2-client.gone", "gone-secret", refresh)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        String token = Tokens.forUser(user, "seller@example.com", "pro");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body("amzn1.application-oa2-client.gone", "gone-secret", refresh))
                .post("/api/connect/").then().statusCode(502)
                .body("details.amazon_error", equalTo("lwa_unavailable"));
        given().auth().oauth2(token).queryParam("activity_type", "sync").get("/api/activities/").then()
                .statusCode(200)
                .body("data.activities.action", equalTo(List.of("connect")))
                .body("data.activities[0].status", equalTo("failed"))
                .body("data.activities[0].error_message",
                        equalTo("Login with Amazon could not be reached; try again later"));
    }

    @Test
    void aBodyThatIsNotJsonIs415InDocBsShapeAndPlainWords() {
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "seller@example.com", "pro"))
                .contentType("text/plain").body("x").post("/api/connect/")
                .then().statusCode(415)
                // in plain words, not RESTEasy's "No supported MessageBodyReader found"
                .body("error", equalTo("Unsupported Media Type"));
    }

    @Test
    void testConnectionAndRefreshTokenStoreNothing() {
        UUID user = UUID.randomUUID();
        String refresh = "Atzr|probe-" + UUID.randomUUID();
        String access = "Atza|probe-" + UUID.randomUUID();
        AmazonMock.stubToken("amzn1.application-oa2-client.probe", "probe-secret", refresh, access);
        String token = Tokens.forUser(user, "seller@example.com", "pro");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body("amzn1.application-oa2-client.probe", "probe-secret", refresh))
                .post("/api/test-connection/").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("expires_in", equalTo(3600))
                .body("access_token", nullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body("amzn1.application-oa2-client.probe", "probe-secret", refresh))
                .post("/api/refresh-token").then().statusCode(200)
                .body("access_token", equalTo(access))
                .body("expires_at", notNullValue());
        given().auth().oauth2(token).get("/api/connection-status/").then().statusCode(200)
                .body("isConnected", equalTo(false));
    }

    @Test
    void missingCredentialsAreA400InDocBsShape() {
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "seller@example.com", "pro"))
                .contentType(ContentType.JSON).body(Map.of("appId", "amzn1.application-oa2-client.x"))
                .post("/api/connect/").then().statusCode(400)
                .body("error", notNullValue())
                .body("details.loc.flatten()", org.hamcrest.Matchers.hasItem("clientSecret"));
        given().contentType(ContentType.JSON).body(body("a", "b", "c"))
                .post("/api/connect/").then().statusCode(401);
    }

    @Test
    void manualRefreshNeedsAStoredConnectionAndAlwaysAsksAmazon() {
        UUID user = UUID.randomUUID();
        String token = Tokens.forUser(user, "seller@example.com", "pro");
        given().auth().oauth2(token).post("/api/manual-refresh/").then().statusCode(400)
                .body("error", containsString("No Amazon connection"));

        String appId = "amzn1.application-oa2-client.manual" + user.toString().substring(0, 8);
        String refresh = "Atzr|manual-" + UUID.randomUUID();
        AmazonMock.stubToken(appId, "manual-secret", refresh, "Atza|manual-first");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body(appId, "manual-secret", refresh))
                .post("/api/connect/").then().statusCode(200);
        AmazonMock.stubToken(appId, "manual-secret", refresh, "Atza|manual-second");

        given().auth().oauth2(token).post("/api/manual-refresh").then().statusCode(200)
                .body("access_token", equalTo("Atza|manual-second"))
                .body("expires_in", equalTo(3600));
        AmazonMock.server().verify(exactly(2), postRequestedFor(urlPathEqualTo(AmazonMock.LWA_PATH))
                .withFormParam("refresh_token", com.github.tomakehurst.wiremock.client.WireMock.equalTo(refresh)));
    }

    /** The row as PostgreSQL holds it, every column as text (bytea as hex). */
    static String storedRow(UUID user) throws Throwable {
        Object row = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT c::text FROM amazon_connections c WHERE user_id = :u",
                        String.class).setParameter("u", user).getSingleResultOrNull())));
        return row == null ? "" : row.toString();
    }

    static String hex(String plain) {
        StringBuilder out = new StringBuilder();
        for (byte b : plain.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
