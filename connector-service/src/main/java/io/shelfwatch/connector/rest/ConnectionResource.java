package io.shelfwatch.connector.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.connector.AmazonConnection;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.shelfwatch.connector.service.AmazonCredentials;
import io.shelfwatch.connector.service.ConnectionService;
import io.shelfwatch.connector.service.IssuedToken;
import io.shelfwatch.connector.service.LwaTokenExchange;
import io.shelfwatch.connector.service.ActivityService;
import io.shelfwatch.connector.service.ActivityService.Counts;
import io.shelfwatch.connector.service.ActivityService.Outcome;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Doc B's connection and token endpoints against Login with Amazon. The caller's credentials
 * are stored only encrypted ({@code connect}); tokens are answered to their owner only.
 */
@Path("/api")
@Authenticated
public class ConnectionResource {

    /** Doc B's body: Amazon's LWA client id (`appId`), its secret and the seller's refresh token. */
    public record CredentialsRequest(
            @NotBlank @JsonProperty("appId") String appId,
            @NotBlank @JsonProperty("clientSecret") String clientSecret,
            @NotBlank @JsonProperty("refreshToken") String refreshToken,
            /** Not in doc B (one marketplace per server there); optional, one of its seven ids. */
            @Pattern(regexp = Marketplaces.ID_PATTERN, message = "must be one of the marketplace ids doc B lists")
            @JsonProperty("marketplace_id") String marketplaceId) {

        AmazonCredentials credentials() {
            return new AmazonCredentials(appId.trim(), clientSecret.trim(), refreshToken.trim());
        }

        @Override
        public String toString() {
            return "CredentialsRequest[appId=" + appId + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TokenAnswer(
            boolean success,
            String message,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("expires_at") String expiresAt) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConnectAnswer(
            boolean success,
            String message,
            @JsonProperty("isConnected") boolean isConnected,
            @JsonProperty("appId") String appId,
            @JsonProperty("marketplace_id") String marketplaceId,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("connected_at") String connectedAt) {
    }

    /** Validity only: the token itself is not needed by whoever merely tests credentials. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TestAnswer(
            boolean success,
            boolean valid,
            String message,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("expires_at") String expiresAt) {
    }

    private final LwaTokenExchange exchange;
    private final ConnectionService connections;
    private final ConnectorConfig config;
    private final JsonWebToken jwt;
    private final ActivityService activities;

    public ConnectionResource(LwaTokenExchange exchange, ConnectionService connections, ConnectorConfig config,
            JsonWebToken jwt, ActivityService activities) {
        this.activities = activities;
        this.exchange = exchange;
        this.connections = connections;
        this.config = config;
        this.jwt = jwt;
    }

    @POST
    @Path("/connect")
    public Uni<ConnectAnswer> connect(@Valid @NotNull CredentialsRequest request) {
        AmazonCredentials credentials = request.credentials();
        String marketplace = request.marketplaceId() != null ? request.marketplaceId()
                : config.defaultMarketplaceId();
        UUID user = caller();
        return activities.record(user, ActivityService.SYNC, "connect", marketplace, "Connect to Amazon",
                () -> exchange.exchange(credentials)
                        .flatMap(token -> connections.store(user, credentials, marketplace, token)
                                .map(stored -> connected(stored, token))),
                answer -> new Outcome("Connected to Amazon", Counts.NONE, null));
    }

    @POST
    @Path("/test-connection")
    public Uni<TestAnswer> testConnection(@Valid @NotNull CredentialsRequest request) {
        return activities.record(caller(), ActivityService.SYNC, "test_connection", null, "Test Amazon credentials",
                () -> exchange.exchange(request.credentials()).map(token -> new TestAnswer(true, true,
                        "Amazon accepted the credentials", token.tokenType(), token.expiresIn(),
                        token.expiresAt().toString())),
                answer -> new Outcome("Amazon accepted the credentials", Counts.NONE, null));
    }

    @POST
    @Path("/refresh-token")
    public Uni<TokenAnswer> refreshToken(@Valid @NotNull CredentialsRequest request) {
        return activities.record(caller(), ActivityService.SYNC, "refresh_token", null, "Refresh an access token",
                () -> exchange.exchange(request.credentials()).map(token -> answer("Access token refreshed", token)),
                answer -> new Outcome("Access token refreshed", Counts.NONE, null));
    }

    @POST
    @Path("/manual-refresh")
    public Uni<TokenAnswer> manualRefresh() {
        return activities.record(caller(), ActivityService.SYNC, "manual_refresh", null,
                "Refresh the stored connection's access token",
                () -> connections.forceRefresh(caller()).map(token -> answer("Stored connection refreshed", token)),
                answer -> new Outcome("Stored connection refreshed", Counts.NONE, null));
    }

    private UUID caller() {
        return UUID.fromString(jwt.getSubject());
    }

    private static TokenAnswer answer(String message, IssuedToken token) {
        return new TokenAnswer(true, message, token.accessToken(), token.tokenType(), token.expiresIn(),
                token.expiresAt().toString());
    }

    private static ConnectAnswer connected(AmazonConnection stored, IssuedToken token) {
        return new ConnectAnswer(true, "Connected to Amazon", true, stored.appId, stored.marketplaceId,
                token.accessToken(), token.tokenType(), token.expiresIn(), token.expiresAt().toString(),
                iso(stored.connectedAt));
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}
