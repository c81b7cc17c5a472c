package io.shelfwatch.gateway.auth;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.shelfwatch.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Establishes the caller of a proxied request: an X-API-Key (exchanged for a JWT), a bearer
 * JWT (verified here), or nobody. Bad credentials make a {@link Caller.Kind#REJECTED} caller;
 * whether that or an anonymous caller may pass is the edge guard's decision.
 */
@ApplicationScoped
public class EdgeAuth {

    public static final String API_KEY_HEADER = "X-API-Key";
    /** doc C's WebSocket clients cannot set headers: /ws/updates takes the token as a query parameter. */
    public static final String WEBSOCKET_PATH = "/ws/updates";

    private static final String BEARER = "bearer ";

    private final JwtVerifier jwt;
    private final ApiKeyExchange apiKeys;
    private final Set<String> exemptKeyHashes;

    EdgeAuth(JwtVerifier jwt, ApiKeyExchange apiKeys, GatewayConfig config) {
        this.jwt = jwt;
        this.apiKeys = apiKeys;
        this.exemptKeyHashes = config.rateLimit().exemptKeys().orElse(java.util.List.of()).stream()
                .map(String::trim).filter(k -> !k.isEmpty())
                .map(ApiKeyExchange::sha256)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Uni<Caller> identify(HttpServerRequest request, String path) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            boolean exempt = exemptKeyHashes.contains(ApiKeyExchange.sha256(apiKey.trim()));
            return apiKeys.exchange(apiKey.trim())
                    .map(exchanged -> Caller.viaApiKey(exchanged.userId(), exchanged.accessToken(), exempt))
                    .onFailure(ApiKeyExchange.InvalidApiKeyException.class)
                    .recoverWithItem(Caller.rejected("Invalid API key"));
        }
        String token = bearerToken(request, path);
        if (token == null) {
            return Uni.createFrom().item(Caller.ANONYMOUS);
        }
        return jwt.verify(token)
                .map(Caller::signedIn)
                .onFailure(JwtVerifier.InvalidTokenException.class)
                .recoverWithItem(failure -> Caller.rejected(failure.getMessage()));
    }

    private static String bearerToken(HttpServerRequest request, String path) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                String token = authorization.substring(BEARER.length()).trim();
                return token.isEmpty() ? "" : token;
            }
            // Another scheme (Basic, ...) is no credential the suite knows.
            return "";
        }
        if (WEBSOCKET_PATH.equals(path) || (WEBSOCKET_PATH + "/").equals(path)) {
            return request.getParam("access_token");
        }
        return null;
    }
}
