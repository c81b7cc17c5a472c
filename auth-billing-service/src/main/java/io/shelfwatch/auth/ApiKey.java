package io.shelfwatch.auth;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's API key: the raw key is shown once; only its prefix and SHA-256 are kept. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    public String name;

    /** The first characters of the raw key: recognisable in lists, and how a presented key is looked up. */
    @Column(name = "key_prefix", nullable = false, unique = true)
    public String keyPrefix;

    /** Hex SHA-256 of the whole raw key. */
    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    /** Space-separated scopes. */
    @Column(nullable = false)
    public String scopes = "";

    @Column(name = "is_active", nullable = false)
    public boolean active = true;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public List<String> scopeList() {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.trim().split(" +"));
    }

    public boolean usableAt(OffsetDateTime now) {
        return active && (expiresAt == null || expiresAt.isAfter(now));
    }
}
