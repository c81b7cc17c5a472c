package io.shelfwatch.connector.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.connector.AmazonConnection;
import io.shelfwatch.connector.repository.AmazonConnectionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Doc B's `GET /api/connection-status/`: the caller's own connection, never anyone else's. */
@Path("/api/connection-status")
@Authenticated
public class ConnectionStatusResource {

    /** Doc B mixes camelCase (`isConnected`) and snake_case (`expires_at`); so does this. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConnectionStatus(
            @JsonProperty("isConnected") boolean isConnected,
            @JsonProperty("marketplace_id") String marketplaceId,
            @JsonProperty("appId") String appId,
            @JsonProperty("connected_at") String connectedAt,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("token_valid") boolean tokenValid,
            /** Seconds the stored access token still works (0 once expired; null without a connection). */
            @JsonProperty("expires_in") Long expiresIn,
            /** When the connection or its token last changed. */
            @JsonProperty("last_refreshed_at") String lastRefreshedAt) {
    }

    private final AmazonConnectionRepository connections;
    private final JsonWebToken jwt;

    public ConnectionStatusResource(AmazonConnectionRepository connections, JsonWebToken jwt) {
        this.connections = connections;
        this.jwt = jwt;
    }

    @GET
    public Uni<ConnectionStatus> status() {
        return connections.findById(UUID.fromString(jwt.getSubject()))
                .map(connection -> connection == null
                        ? new ConnectionStatus(false, null, null, null, null, false, null, null)
                        : of(connection));
    }

    private static ConnectionStatus of(AmazonConnection c) {
        boolean valid = c.accessTokenExpiresAt != null && c.accessTokenExpiresAt.toInstant().isAfter(Instant.now());
        Long expiresIn = c.accessTokenExpiresAt == null ? null
                : Math.max(0, c.accessTokenExpiresAt.toEpochSecond() - Instant.now().getEpochSecond());
        return new ConnectionStatus(true, c.marketplaceId, c.appId, iso(c.connectedAt), iso(c.accessTokenExpiresAt),
                valid, expiresIn, iso(c.updatedAt));
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}
