package io.shelfwatch.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.auth.service.ApiKeyService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * The gateway's API-key exchange. Never routed by the gateway; needs no user token, since the
 * key itself is the credential.
 */
@Path("/internal/api-keys/exchange")
public class InternalApiKeyResource {

    public record ExchangeRequest(@JsonProperty("api_key") String apiKey) {
    }

    public record ExchangeResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("user_id") String userId,
            @JsonProperty("key_prefix") String keyPrefix) {
    }

    private final ApiKeyService keys;

    public InternalApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    public Uni<ExchangeResponse> exchange(ExchangeRequest request) {
        if (request == null || request.apiKey() == null) {
            throw new NotAuthorizedException("Invalid API key", "Bearer");
        }
        return keys.exchange(request.apiKey()).map(exchanged -> new ExchangeResponse(exchanged.accessToken(), "bearer",
                exchanged.expiresIn(), exchanged.userId().toString(), exchanged.keyPrefix()));
    }
}
