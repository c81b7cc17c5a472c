package io.shelfwatch.connector.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One WireMock imitating Login with Amazon (`POST /auth/o2/token`, form refresh-token grant,
 * answers as amazon-models/README.md describes) and the Selling Partner API.
 * Tests tell their calls apart by the credentials they use, so they never reset each other.
 */
public class AmazonMock implements QuarkusTestResourceLifecycleManager {

    public static final String LWA_PATH = "/auth/o2/token";

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        return Map.of("quarkus.rest-client.lwa.url", base + LWA_PATH, "connector.sp-api.endpoint", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** The refresh-token grant for exactly these credentials. */
    public static MappingBuilder lwaGrant(String clientId, String clientSecret, String refreshToken) {
        return post(urlPathEqualTo(LWA_PATH))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(refreshToken))
                .withFormParam("client_id", equalTo(clientId))
                .withFormParam("client_secret", equalTo(clientSecret));
    }

    /** Amazon's token answer: `expires_in` 3600 and the refresh token echoed. */
    public static void stubToken(String clientId, String clientSecret, String refreshToken, String accessToken) {
        server.stubFor(lwaGrant(clientId, clientSecret, refreshToken).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken
                        + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    }

    /** Amazon's refusal of a refresh token it no longer accepts. */
    public static void stubInvalidGrant(String clientId, String clientSecret, String refreshToken) {
        server.stubFor(lwaGrant(clientId, clientSecret, refreshToken).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"error_description\":\"The request has an invalid grant parameter : refresh_token\","
                        + "\"error\":\"invalid_grant\"}")));
    }
}
