package io.shelfwatch.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shelfwatch.auth.support.Admin;

@QuarkusTest
class AuthResourceTest {

    static final String ADMIN_EMAIL = Admin.EMAIL;
    static final String ADMIN_PASSWORD = Admin.PASSWORD;
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void adminLogsInAndTheTokenVerifiesAgainstTheJwks() throws Exception {
        String body = given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("refresh_token", notNullValue())
                .extract().asString();
        String accessToken = io.restassured.path.json.JsonPath.from(body).getString("access_token");

        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].d", org.hamcrest.Matchers.nullValue())
                .extract().asString();

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer("shelfwatch")
                .setExpectedAudience("shelfwatch-api")
                .setRequireExpirationTime()
                .build().processToClaims(accessToken);
        assertTrue(claims.getSubject().matches(UUID_PATTERN), "sub is the user's UUID");
        assertEquals(ADMIN_EMAIL, claims.getClaimValueAsString("upn"));
        assertTrue(claims.getStringListClaimValue("groups").containsAll(List.of("user", "admin")));
        assertEquals("free", claims.getClaimValueAsString("plan"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertTrue(lifetime > 0 && lifetime <= 900, "access tokens live at most 15 minutes, not " + lifetime + " s");
    }

    @Test
    void emailsCompareCaseInsensitivelyAndTrailingSlashesWork() {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"Admin@Test.Shelfwatch.Local\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
                .when().post("/api/v1/auth/login/")
                .then().statusCode(200).body("token_type", equalTo("bearer"));
    }

    @Test
    void badCredentialsAre401InFastApiShape() {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"wrong-password\"}")
                .when().post("/api/v1/auth/login")
                .then().statusCode(401).body("detail", equalTo("Incorrect email or password"));
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"nobody@example.com\",\"password\":\"whatever1\"}")
                .when().post("/api/v1/auth/login")
                .then().statusCode(401).body("detail", equalTo("Incorrect email or password"));
    }

    @Test
    void invalidBodiesAre422WithTheFieldLocated() {
        given().contentType(ContentType.JSON).body("{\"email\":\"" + ADMIN_EMAIL + "\"}")
                .when().post("/api/v1/auth/login")
                .then().statusCode(422)
                .body("detail[0].loc", contains("body", "password"))
                .body("detail[0].msg", notNullValue())
                .body("detail[0].type", notNullValue());
        given().contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/auth/login")
                .then().statusCode(422).body("detail[0].loc[0]", equalTo("body"));
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/auth/login")
                .then().statusCode(422).body("detail[0].loc[0]", equalTo("body"));
    }

    @Test
    void meNeedsAValidToken() {
        given().auth().oauth2(Admin.accessToken()).get("/api/v1/auth/me")
                .then().statusCode(200)
                .body("email", equalTo(ADMIN_EMAIL))
                .body("plan", equalTo("free"))
                .body("is_active", equalTo(true))
                .body("id", matchesPattern(UUID_PATTERN))
                .body("created_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"));
        given().get("/api/v1/auth/me").then().statusCode(401).body("detail", equalTo("Not authenticated"));
        given().auth().oauth2("not.a.token").get("/api/v1/auth/me")
                .then().statusCode(401).body("detail", equalTo("Not authenticated"));
    }

    @Test
    void requestIdIsKeptWhenValidAndMadeOtherwise() {
        given().header("X-Request-Id", "client-req-42").get("/api/v1/health")
                .then().statusCode(200).header("X-Request-Id", equalTo("client-req-42"));
        given().header("X-Request-Id", "bad id with spaces").get("/api/v1/health")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().get("/api/v1/health")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("status", equalTo("ok")).body("service", equalTo("shelfwatch"))
                .body("timestamp", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    }

    @Test
    void unknownPathsAre404InFastApiShape() {
        given().get("/api/v1/no-such-thing").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void readinessIsUpWithDatabaseAndBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems(org.hamcrest.Matchers.containsString("Kafka"),
                        org.hamcrest.Matchers.containsString("PostgreSQL")));
    }
}
