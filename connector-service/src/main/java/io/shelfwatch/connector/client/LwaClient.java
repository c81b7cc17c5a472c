package io.shelfwatch.connector.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Login with Amazon's token endpoint (LWA_ENDPOINT is the whole URL,
 * https://api.amazon.com/auth/o2/token): the refresh-token grant only.
 */
@RegisterRestClient(configKey = "lwa")
public interface LwaClient {

    /** Amazon's answer: an access token that lasts `expires_in` (3600) seconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {

        /** Never print the tokens, even by accident. */
        @Override
        public String toString() {
            return "TokenResponse[token_type=" + tokenType + ", expires_in=" + expiresIn + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorResponse(String error, @JsonProperty("error_description") String errorDescription) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<TokenResponse> refresh(@RestForm("grant_type") String grantType,
            @RestForm("refresh_token") String refreshToken,
            @RestForm("client_id") String clientId,
            @RestForm("client_secret") String clientSecret);

    /** Amazon's `{"error": "invalid_grant", "error_description": …}` becomes an {@link LwaException}. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        ErrorResponse body = null;
        try {
            if (response.hasEntity()) {
                body = response.readEntity(ErrorResponse.class);
            }
        } catch (RuntimeException unreadable) {
            // Not Amazon's JSON (a proxy's page, say): the status alone tells what happened.
        }
        String error = body != null && body.error() != null ? body.error() : "http_" + response.getStatus();
        String description = body != null ? body.errorDescription() : null;
        return new LwaException(response.getStatus(), error, description);
    }

    /** An answer of Amazon other than a token; carries Amazon's error code, never a credential. */
    class LwaException extends RuntimeException {
        private final int status;
        private final String error;
        private final String description;

        public LwaException(int status, String error, String description) {
            super("Login with Amazon answered " + status + " " + error, null, false, false);
            this.status = status;
            this.error = error;
            this.description = description;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }

        public String description() {
            return description;
        }
    }
}
