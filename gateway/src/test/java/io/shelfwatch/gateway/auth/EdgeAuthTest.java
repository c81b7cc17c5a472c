package io.shelfwatch.gateway.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.routing.Upstream;
import io.shelfwatch.gateway.support.Tokens;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/** Bearer JWTs verified at the edge, public paths open, everything else 401 in its path's shape. */
@QuarkusTest
@WithTestResource(WireMockUpstreams.class)
class EdgeAuthTest {

    @TestHTTPResource("/api/v1/competitors/c2")
    URL competitorPath;

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @Test
    void noCredentialsIsA401InEachPathsShapeAndNothingIsForwarded() {
        given().get("/api/v1/products/")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("Not authenticated"));
        given().get("/api/connection-status/")
                .then().statusCode(401)
                .body("error", equalTo("Not authenticated"))
                .body("details", nullValue());
        given().get("/api/brands/b-1/search-queries")
                .then().statusCode(401)
                .body("code", equalTo("UNAUTHORIZED"));
        given().post("/v1/competitions/B000TEST01/report:refresh").then().statusCode(401);
        for (Upstream upstream : Upstream.values()) {
            WireMockUpstreams.server(upstream).verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void publicPathsPassWithoutCredentials() {
        given().contentType("application/json").body("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                .post("/api/v1/auth/login").then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        given().contentType("application/json").body("{}").post("/api/v1/users/register/")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        given().get("/api/v1/billing/plans").then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        given().get("/api/v1/health").then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        given().get("/.well-known/jwks.json").then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        given().contentType("application/json").body("{}").post("/api/v1/webhooks/stripe")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        // Only the documented method is public: the same path with another method is not.
        given().get("/api/v1/auth/login").then().statusCode(401);
        given().post("/api/v1/billing/plans").then().statusCode(401);
    }

    @Test
    void aValidTokenIsForwardedAsItCame() {
        String token = Tokens.forUser(Tokens.USER_ID);
        given().header("Authorization", "Bearer " + token).get("/api/v1/sales/summary?days=7")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        WireMockUpstreams.server(Upstream.PRODUCT).verify(1, getRequestedFor(urlEqualTo("/api/v1/sales/summary?days=7"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token)));
    }

    @Test
    void badTokensAreRefusedAtTheEdge() {
        assertRefused("Bearer " + Tokens.issued(Tokens.USER_ID, -600, 60), "Token has expired");
        assertRefused("Bearer " + Tokens.withIssuerAndAudience("someone-else", Tokens.AUDIENCE), "Could not validate credentials");
        assertRefused("Bearer " + Tokens.withIssuerAndAudience(Tokens.ISSUER, "another-api"), "Could not validate credentials");
        assertRefused("Bearer " + Tokens.signedByAnotherKey(), "Could not validate credentials");
        assertRefused("Bearer not.a.jwt", "Could not validate credentials");
        assertRefused("Bearer ", "Could not validate credentials");
        assertRefused("Basic dXNlcjpwYXNz", "Could not validate credentials");
        // An unsigned token claiming to be anyone.
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + Tokens.USER_ID + "\",\"iss\":\"shelfwatch\",\"aud\":\"shelfwatch-api\",\"exp\":9999999999}").getBytes());
        assertRefused("Bearer " + header + "." + payload + ".", "Could not validate credentials");
        WireMockUpstreams.server(Upstream.PRODUCT).verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anExpiredTokenIsRefusedAsExpiredBeforeItsSignatureIsChecked() {
        // A stale token a client keeps retrying is told apart by its claims alone: its signature is never
        // checked (here it could not be), and the answer says what the client must do (sign in again).
        String expired = Tokens.issued(Tokens.USER_ID, -600, 60);
        String unsigned = expired.substring(0, expired.lastIndexOf('.') + 1) + "bm90LWEtc2lnbmF0dXJl";
        assertRefused("Bearer " + unsigned, "Token has expired");
        // The same claims with a live expiry and that signature are refused as unverifiable.
        String live = Tokens.issued(Tokens.USER_ID, 0, 300);
        assertRefused("Bearer " + live.substring(0, live.lastIndexOf('.') + 1) + "bm90LWEtc2lnbmF0dXJl",
                "Could not validate credentials");
        WireMockUpstreams.server(Upstream.PRODUCT).verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() {
        // Verified tokens are remembered; expiry (1 s of skew in tests) must still end them on time.
        String token = Tokens.issued(Tokens.USER_ID, 0, 2);
        given().header("Authorization", "Bearer " + token).get("/api/v1/products/p1")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().header("Authorization", "Bearer " + token).get("/api/v1/products/p1").statusCode() == 401);
        assertRefused("Bearer " + token, "Token has expired");
    }

    @Test
    void aBadOrExpiredCredentialOnAPublicPathIsIgnoredAndNotForwarded() {
        // A client keeps sending its expired access token by habit: it must still be able to refresh.
        given().header("Authorization", "Bearer " + Tokens.issued(Tokens.USER_ID, -3600, 60))
                .contentType("application/json").body("{\"refresh_token\":\"r\"}")
                .post("/api/v1/auth/refresh").then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        given().header("Authorization", "Bearer " + Tokens.signedByAnotherKey()).get("/api/v1/billing/plans")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);

        WireMockUpstreams.server(Upstream.AUTH_BILLING).verify(1, postRequestedFor(urlEqualTo("/api/v1/auth/refresh"))
                .withHeader("Authorization", absent()));
        WireMockUpstreams.server(Upstream.AUTH_BILLING).verify(1, getRequestedFor(urlEqualTo("/api/v1/billing/plans"))
                .withHeader("Authorization", absent()));
        // Elsewhere the same token is still refused.
        given().header("Authorization", "Bearer " + Tokens.signedByAnotherKey()).get("/api/v1/products/")
                .then().statusCode(401);
    }

    @Test
    void anApiKeyIsExchangedAndTheJwtForwardedInstead() {
        String key = "sw_live_" + UUID.randomUUID();
        String userId = Tokens.newUserId();
        String exchanged = Tokens.forUser(userId);
        stubExchange(key, exchanged, userId, "sw_live_ab");

        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", key).get("/api/v1/competitors/c1")
                    .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        }

        WireMockUpstreams.server(Upstream.COMPETITION).verify(3, getRequestedFor(urlEqualTo("/api/v1/competitors/c1"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + exchanged))
                .withHeader("X-API-Key", absent()));
        // Cached: one exchange for three requests.
        WireMockUpstreams.server(Upstream.AUTH_BILLING).verify(1, postRequestedFor(urlEqualTo("/internal/api-keys/exchange"))
                .withRequestBody(equalToJson("{\"api_key\":\"" + key + "\"}")));
    }

    @Test
    void aCrowdWithANewApiKeyCostsOneExchange() {
        String key = "sw_live_" + UUID.randomUUID();
        String userId = Tokens.newUserId();
        stubExchange(key, Tokens.forUser(userId), userId, "sw_live_cd");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(competitorPath.toString())).header("X-API-Key", key).build();

        List<CompletableFuture<HttpResponse<Void>>> answers = IntStream.range(0, 40)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .toList();

        answers.forEach(answer -> org.junit.jupiter.api.Assertions.assertEquals(
                WireMockUpstreams.PROXIED_STATUS, answer.join().statusCode()));
        WireMockUpstreams.server(Upstream.AUTH_BILLING).verify(1, postRequestedFor(urlEqualTo("/internal/api-keys/exchange"))
                .withRequestBody(equalToJson("{\"api_key\":\"" + key + "\"}")));
    }

    @Test
    void anInvalidApiKeyIsA401() {
        WireMockUpstreams.server(Upstream.AUTH_BILLING).stubFor(post("/internal/api-keys/exchange").atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\":\"Invalid API key\"}")));

        given().header("X-API-Key", "sw_live_nope").get("/api/v1/competitors")
                .then().statusCode(401)
                .body("detail", equalTo("Invalid API key"));
        WireMockUpstreams.server(Upstream.COMPETITION).verify(0, anyRequestedFor(anyUrl()));
    }

    static void stubExchange(String key, String token, String userId, String prefix) {
        EdgeAuthTestSupport.stubExchange(key, token, userId, prefix);
    }

    private static void assertRefused(String authorization, String detail) {
        given().header("Authorization", authorization).get("/api/v1/products/p1")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo(detail));
    }
}
