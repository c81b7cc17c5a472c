package io.shelfwatch.gateway.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import io.shelfwatch.gateway.routing.Upstream;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/** auth-billing's internal API-key exchange, as its contract says it answers. */
public final class EdgeAuthTestSupport {

    private EdgeAuthTestSupport() {
    }

    public static void stubExchange(String key, String token, String userId, String prefix) {
        WireMockUpstreams.server(Upstream.AUTH_BILLING).stubFor(post("/internal/api-keys/exchange").atPriority(1)
                .withRequestBody(equalToJson("{\"api_key\":\"" + key + "\"}"))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":300,"
                        + "\"user_id\":\"" + userId + "\",\"key_prefix\":\"" + prefix + "\"}")));
    }
}
