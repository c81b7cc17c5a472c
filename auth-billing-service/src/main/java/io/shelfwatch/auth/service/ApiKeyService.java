package io.shelfwatch.auth.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.auth.ApiKey;
import io.shelfwatch.auth.mapping.RevocationMapper;
import io.shelfwatch.auth.messaging.OutboxWriter;
import io.shelfwatch.auth.repository.AccountRepository;
import io.shelfwatch.auth.repository.ApiKeyRepository;
import io.shelfwatch.auth.security.Digests;
import io.shelfwatch.auth.security.TokenIssuer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;

/**
 * API keys: `sw_` and 48 hex digits (192 random bits). The first 15 characters are the
 * key's prefix, stored in clear to find the key; the whole key is stored only as SHA-256.
 */
@ApplicationScoped
public class ApiKeyService {

    public static final String KEY_START = "sw_";
    static final int PREFIX_LENGTH = KEY_START.length() + 12;
    public static final String SCOPE_PROVISION = "provision";

    public record CreatedKey(ApiKey key, String rawKey) {
    }

    public record Exchanged(String accessToken, long expiresIn, UUID userId, String keyPrefix) {
    }

    private final ApiKeyRepository keys;
    private final AccountRepository accounts;
    private final OutboxWriter outbox;
    private final TokenIssuer issuer;

    public ApiKeyService(ApiKeyRepository keys, AccountRepository accounts, OutboxWriter outbox, TokenIssuer issuer) {
        this.keys = keys;
        this.accounts = accounts;
        this.outbox = outbox;
        this.issuer = issuer;
    }

    /** Joins the caller's transaction (a provisioned account gets its key in the same one). */
    @WithTransaction
    public Uni<CreatedKey> create(UUID userId, String name, List<String> scopes, OffsetDateTime expiresAt) {
        String raw = KEY_START + Digests.randomHex(24);
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.userId = userId;
        key.name = name;
        key.keyPrefix = raw.substring(0, PREFIX_LENGTH);
        key.keyHash = Digests.sha256Hex(raw);
        key.scopes = scopes == null ? "" : String.join(" ", scopes.stream().distinct().toList());
        key.expiresAt = expiresAt;
        key.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return keys.persist(key).map(saved -> new CreatedKey(saved, raw));
    }

    public Uni<List<ApiKey>> list(UUID userId) {
        return keys.listForUser(userId);
    }

    /** Marks the key inactive at once and tells the gateway on `account.revocations`. */
    @WithTransaction
    public Uni<Void> revoke(UUID userId, UUID keyId) {
        return keys.findOwned(keyId, userId)
                .onItem().ifNull().failWith(() -> new NotFoundException("API key not found"))
                .flatMap(key -> key.active ? deactivate(key) : Uni.createFrom().voidItem());
    }

    /** Revokes every active key of a user (deactivation, deletion), in the caller's transaction. */
    @WithTransaction
    public Uni<Void> revokeAllOf(UUID userId) {
        return keys.listActiveForUser(userId).flatMap(active -> Multi.createFrom().iterable(active)
                .onItem().transformToUniAndConcatenate(this::deactivate)
                .collect().last().replaceWithVoid());
    }

    /**
     * A raw key in, a short-lived JWT carrying the key's scopes out. Unknown, revoked or
     * expired keys and keys of inactive users all answer the same 401.
     */
    public Uni<Exchanged> exchange(String rawKey) {
        if (rawKey == null || !rawKey.startsWith(KEY_START) || rawKey.length() <= PREFIX_LENGTH) {
            return Uni.createFrom().failure(invalid());
        }
        String presentedHash = Digests.sha256Hex(rawKey);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return keys.findByPrefix(rawKey.substring(0, PREFIX_LENGTH))
                .map(key -> key != null && Digests.constantTimeEquals(key.keyHash, presentedHash) && key.usableAt(now)
                        ? key : null)
                .onItem().ifNull().failWith(ApiKeyService::invalid)
                .flatMap(key -> accounts.findById(key.userId)
                        .map(account -> account == null || !account.active ? null
                                : new Exchanged(issuer.apiKeyToken(account, key), issuer.apiKeyTokenTtlSeconds(),
                                        account.id, key.keyPrefix)))
                .onItem().ifNull().failWith(ApiKeyService::invalid);
    }

    private Uni<Void> deactivate(ApiKey key) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        key.active = false;
        key.revokedAt = now;
        return outbox.add(RevocationMapper.TOPIC, key.userId.toString(), RevocationMapper.apiKeyRevoked(key, now));
    }

    private static NotAuthorizedException invalid() {
        return new NotAuthorizedException("Invalid API key", "Bearer");
    }
}
