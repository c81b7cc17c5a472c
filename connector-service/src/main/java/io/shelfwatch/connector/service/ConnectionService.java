package io.shelfwatch.connector.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.connector.AmazonConnection;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.shelfwatch.connector.repository.AmazonConnectionRepository;
import io.shelfwatch.connector.security.SecretCipher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.BadRequestException;

/**
 * A user's stored Amazon connection and its access token. A token is refreshed a few minutes
 * before it expires; the refresh runs under a row lock, so concurrent callers on any replica
 * cause one call to Login with Amazon per connection, and the others take its result.
 */
@ApplicationScoped
public class ConnectionService {

    public static final String NOT_CONNECTED = "No Amazon connection: connect with POST /api/connect/ first";

    /** Whether a refresh is needed, given the stored connection. */
    private enum Need { IF_EXPIRING, ALWAYS, IF_STILL }

    private final AmazonConnectionRepository connections;
    private final LwaTokenExchange exchange;
    private final SecretCipher cipher;
    private final ConnectorConfig config;

    public ConnectionService(AmazonConnectionRepository connections, LwaTokenExchange exchange, SecretCipher cipher,
            ConnectorConfig config) {
        this.connections = connections;
        this.exchange = exchange;
        this.cipher = cipher;
        this.config = config;
    }

    /** Stores (or replaces) the caller's connection with a token just issued for these credentials. */
    @WithTransaction
    public Uni<AmazonConnection> store(UUID userId, AmazonCredentials credentials, String marketplaceId,
            IssuedToken token) {
        return connections.findById(userId, LockModeType.PESSIMISTIC_WRITE).flatMap(existing -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            AmazonConnection c = existing != null ? existing : new AmazonConnection();
            c.userId = userId;
            c.appId = credentials.clientId();
            c.marketplaceId = marketplaceId;
            c.clientIdEncrypted = cipher.encrypt(credentials.clientId());
            c.clientSecretEncrypted = cipher.encrypt(credentials.clientSecret());
            c.refreshTokenEncrypted = cipher.encrypt(credentials.refreshToken());
            c.accessTokenEncrypted = cipher.encrypt(token.accessToken());
            c.accessTokenExpiresAt = token.expiresAt().atOffset(ZoneOffset.UTC);
            if (existing == null) {
                c.connectedAt = now;
            }
            c.updatedAt = now;
            return connections.persist(c);
        });
    }

    /** The user's stored connection as a token source for SP-API calls (renewed on a 401). */
    public io.shelfwatch.connector.client.AccessTokenSource tokens(UUID userId) {
        return new io.shelfwatch.connector.client.AccessTokenSource() {
            @Override
            public Uni<String> current() {
                return accessToken(userId);
            }

            @Override
            public Uni<String> replace(String rejected) {
                return replaceRejected(userId, rejected);
            }
        };
    }

    /** A working access token for the user's connection, refreshed first when it is about to expire. */
    public Uni<String> accessToken(UUID userId) {
        return connections.findById(userId).flatMap(c -> {
            if (c == null) {
                return Uni.createFrom().failure(new BadRequestException(NOT_CONNECTED));
            }
            if (isFresh(c)) {
                return Uni.createFrom().item(cipher.decryptToString(c.accessTokenEncrypted));
            }
            return refresh(userId, Need.IF_EXPIRING, null).map(IssuedToken::accessToken);
        });
    }

    /** After Amazon answered 401 to this token: a new one, unless another caller has already replaced it. */
    public Uni<String> replaceRejected(UUID userId, String rejectedToken) {
        return refresh(userId, Need.IF_STILL, rejectedToken).map(IssuedToken::accessToken);
    }

    /** Doc B's manual refresh: always asks Amazon for a new token. */
    public Uni<IssuedToken> forceRefresh(UUID userId) {
        return refresh(userId, Need.ALWAYS, null);
    }

    /** A transaction of its own (called from this bean, so no interceptor would apply). */
    private Uni<IssuedToken> refresh(UUID userId, Need need, String rejectedToken) {
        return Panache.withTransaction(() -> connections.findById(userId, LockModeType.PESSIMISTIC_WRITE).flatMap(c -> {
            if (c == null) {
                return Uni.createFrom().failure(new BadRequestException(NOT_CONNECTED));
            }
            if (!refreshNeeded(c, need, rejectedToken)) {
                return Uni.createFrom().item(current(c));
            }
            AmazonCredentials credentials = new AmazonCredentials(cipher.decryptToString(c.clientIdEncrypted),
                    cipher.decryptToString(c.clientSecretEncrypted), cipher.decryptToString(c.refreshTokenEncrypted));
            return exchange.exchange(credentials).map(token -> {
                c.accessTokenEncrypted = cipher.encrypt(token.accessToken());
                c.accessTokenExpiresAt = token.expiresAt().atOffset(ZoneOffset.UTC);
                c.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                return token;
            });
        }));
    }

    private boolean refreshNeeded(AmazonConnection c, Need need, String rejectedToken) {
        return switch (need) {
            case ALWAYS -> true;
            case IF_EXPIRING -> !isFresh(c);
            case IF_STILL -> !isFresh(c) || c.accessTokenEncrypted == null
                    || cipher.decryptToString(c.accessTokenEncrypted).equals(rejectedToken);
        };
    }

    private IssuedToken current(AmazonConnection c) {
        Instant expiresAt = c.accessTokenExpiresAt.toInstant();
        return new IssuedToken(cipher.decryptToString(c.accessTokenEncrypted), "bearer",
                Math.max(0, expiresAt.getEpochSecond() - Instant.now().getEpochSecond()), expiresAt);
    }

    private boolean isFresh(AmazonConnection c) {
        return c.accessTokenEncrypted != null && c.accessTokenExpiresAt != null
                && c.accessTokenExpiresAt.toInstant().isAfter(Instant.now().plus(config.lwa().refreshMargin()));
    }
}
