package io.shelfwatch.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.shelfwatch.auth.ApiKey;
import io.shelfwatch.auth.repository.ApiKeyRepository;
import io.shelfwatch.auth.support.Admin;
import io.shelfwatch.auth.support.Contracts;
import io.shelfwatch.auth.support.Kafka;
import io.shelfwatch.auth.support.Users;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;

/** Doc E's API keys and the gateway's internal exchange. */
@QuarkusTest
class ApiKeysTest {

    @Inject
    ApiKeyRepository repository;

    @TestHTTPResource("/api/v1/api-keys")
    URI apiKeys;

    static JsonPath createKey(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath();
    }

    static ValidatableResponse exchange(String rawKey) {
        return given().contentType(ContentType.JSON).body("{\"api_key\":\"" + rawKey + "\"}")
                .post("/internal/api-keys/exchange").then();
    }

    @Test
    void aKeyIsShownOnceListedByPrefixAndExchangedForAScopedToken() throws Exception {
        Users.Registered user = Users.register();
        JsonPath created = createKey(user.accessToken(),
                "{\"name\":\"ci\",\"scopes\":[\"read\",\"write\"],\"expires_at\":\"2099-01-01T00:00:00Z\"}");
        String raw = created.getString("key");
        String prefix = created.getString("key_prefix");
        assertTrue(raw.startsWith("sw_") && raw.length() == 51, "a recognisable key: " + raw.length());
        assertTrue(raw.startsWith(prefix));
        assertEquals(true, created.getBoolean("is_active"));
        assertEquals(List.of("read", "write"), created.getList("scopes"));
        assertEquals("2099-01-01T00:00:00Z", created.getString("expires_at"));

        given().auth().oauth2(user.accessToken()).get("/api/v1/api-keys/").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].key_prefix", equalTo(prefix)).body("[0]", not(hasKey("key")))
                .body("[0].name", equalTo("ci"));

        JsonPath exchanged = exchange(raw).statusCode(200).body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(300)).body("key_prefix", equalTo(prefix))
                .body("user_id", equalTo(user.id())).extract().jsonPath();
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer("shelfwatch").setExpectedAudience("shelfwatch-api").setRequireExpirationTime()
                .build().processToClaims(exchanged.getString("access_token"));
        assertEquals(user.id(), claims.getSubject());
        assertEquals(user.email(), claims.getClaimValueAsString("upn"));
        assertEquals("read write", claims.getClaimValueAsString("scope"));
        assertEquals(prefix, claims.getClaimValueAsString("key_prefix"));
        assertEquals("free", claims.getClaimValueAsString("plan"));
        assertEquals(List.of("user"), claims.getStringListClaimValue("groups"));
        given().auth().oauth2(exchanged.getString("access_token")).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void aRevokedKeyIs401AtOnceAndTheGatewayIsTold() {
        Users.Registered user = Users.register();
        JsonPath created = createKey(user.accessToken(), "{}");
        exchange(created.getString("key")).statusCode(200);

        given().auth().oauth2(user.accessToken()).delete("/api/v1/api-keys/" + created.getString("id"))
                .then().statusCode(204);
        exchange(created.getString("key")).statusCode(401).body("detail", equalTo("Invalid API key"));
        given().auth().oauth2(user.accessToken()).get("/api/v1/api-keys").then().statusCode(200)
                .body("[0].is_active", equalTo(false));

        String userId = user.id();
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerRecord<String, String> record = Kafka.awaitRecord(kafka, Kafka.topic("account.revocations"),
                    r -> userId.equals(r.key()) && r.value().contains("api_key_revoked"));
            Contracts.assertConforms("account.revocations", "api_key_revoked", record.value());
            JsonPath event = JsonPath.from(record.value());
            assertEquals(created.getString("key_prefix"), event.getString("data.key_prefix"));
            assertEquals(created.getString("id"), event.getString("data.key_id"));
        }
    }

    @Test
    void anotherUsersKeyIs404AndAMalformedIdIs400() {
        Users.Registered owner = Users.register();
        Users.Registered stranger = Users.register();
        String id = createKey(owner.accessToken(), "{}").getString("id");

        given().auth().oauth2(stranger.accessToken()).delete("/api/v1/api-keys/" + id)
                .then().statusCode(404).body("detail", equalTo("API key not found"));
        given().auth().oauth2(stranger.accessToken()).get("/api/v1/api-keys").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(owner.accessToken()).delete("/api/v1/api-keys/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(owner.accessToken()).delete("/api/v1/api-keys/not-a-uuid")
                .then().statusCode(400);
        given().get("/api/v1/api-keys").then().statusCode(401);
    }

    @Test
    void unknownTamperedAndExpiredKeysAre401() throws Throwable {
        Users.Registered user = Users.register();
        JsonPath created = createKey(user.accessToken(), "{}");
        String raw = created.getString("key");
        String tampered = raw.substring(0, raw.length() - 1) + (raw.endsWith("0") ? "1" : "0");
        exchange(tampered).statusCode(401).body("detail", equalTo("Invalid API key"));
        exchange("sw_000000000000" + "0".repeat(36)).statusCode(401);
        exchange("not-a-key").statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/internal/api-keys/exchange").then().statusCode(401)
                .body("detail", equalTo("Invalid API key"));

        UUID keyId = UUID.fromString(created.getString("id"));
        VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache.withTransaction(
                () -> repository.findById(keyId).invoke(key -> key.expiresAt = OffsetDateTime.now(ZoneOffset.UTC)
                        .minusMinutes(1))));
        exchange(raw).statusCode(401);
    }

    @Test
    void aKeyIsCreatedFromARequestWithNoBodyAndNoContentType() throws Exception {
        // Doc E shows this call without a body; a plain `requests.post(url, headers=auth)` sends no Content-Type.
        // (REST Assured would add a form Content-Type to an empty POST, so the JDK client sends it as-is.)
        Users.Registered user = Users.register();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(apiKeys)
                .header("Authorization", "Bearer " + user.accessToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(JsonPath.from(created.body()).getString("key").startsWith("sw_"));
        given().auth().oauth2(user.accessToken()).get("/api/v1/api-keys").then().statusCode(200).body("$", hasSize(1));
        // A body that is not JSON is still refused.
        given().auth().oauth2(user.accessToken()).contentType(ContentType.TEXT).body("name=ci")
                .post("/api/v1/api-keys").then().statusCode(415)
                // in plain words, not RESTEasy's ("The content-type header value did not match the value in @Consumes")
                .body("detail", equalTo("Unsupported Media Type"));
    }

    @Test
    void aNulCharacterInTheNameIs422AtThatFieldAndNoKeyIsMade() {
        Users.Registered user = Users.register();
        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON).body("{\"name\":\"ci-\\u0000x\"}")
                .post("/api/v1/api-keys").then().statusCode(422)
                .body("detail[0].loc", contains("body", "name"));
        given().auth().oauth2(user.accessToken()).get("/api/v1/api-keys").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aBadScopeIsLocatedByTheListIndexAlone() {
        Users.Registered user = Users.register();
        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON)
                .body("{\"scopes\":[\"read\",\"Not A Scope\"]}")
                .post("/api/v1/api-keys").then().statusCode(422)
                .body("detail", hasSize(1))
                .body("detail[0].loc", contains("body", "scopes", 1))
                .body("detail[0].msg", equalTo("invalid scope"));
    }

    @Test
    void onlyAnAdminMayCreateProvisioningKeysAndProvisionAccounts() {
        Users.Registered user = Users.register();
        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON).body("{\"scopes\":[\"provision\"]}")
                .post("/api/v1/api-keys").then().statusCode(403);
        given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + Users.freshEmail() + "\"}")
                .post("/api/v1/auth/provision").then().statusCode(403);

        // An admin's provisioning key, used the way the gateway uses it.
        String adminKey = createKey(Admin.accessToken(), "{\"name\":\"platform\",\"scopes\":[\"provision\"]}")
                .getString("key");
        String keyToken = exchange(adminKey).statusCode(200).extract().path("access_token");
        String email = Users.freshEmail();
        JsonPath provisioned = given().auth().oauth2(keyToken).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"provisioned-pass\"}")
                .post("/api/v1/auth/provision").then().statusCode(201)
                .body("user.email", equalTo(email)).body("api_key.key", startsWith("sw_"))
                .extract().jsonPath();
        exchange(provisioned.getString("api_key.key")).statusCode(200)
                .body("user_id", equalTo(provisioned.getString("user.id")));
        Users.login(email, "provisioned-pass");

        // Without a password: the account exists, signs in only by its key (or after a reset).
        given().auth().oauth2(Admin.accessToken()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + Users.freshEmail() + "\"}")
                .post("/api/v1/auth/provision").then().statusCode(201);
        given().auth().oauth2(Admin.accessToken()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\"}")
                .post("/api/v1/auth/provision").then().statusCode(409);
    }
}
