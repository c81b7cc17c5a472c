package io.shelfwatch.connector;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's Amazon seller connection; the secrets are stored only encrypted. */
@Entity
@Table(name = "amazon_connections")
public class AmazonConnection extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "app_id")
    public String appId;

    @Column(name = "marketplace_id", nullable = false)
    public String marketplaceId;

    @Column(name = "client_id_encrypted", nullable = false)
    public byte[] clientIdEncrypted;

    @Column(name = "client_secret_encrypted", nullable = false)
    public byte[] clientSecretEncrypted;

    @Column(name = "refresh_token_encrypted", nullable = false)
    public byte[] refreshTokenEncrypted;

    @Column(name = "access_token_encrypted")
    public byte[] accessTokenEncrypted;

    @Column(name = "access_token_expires_at")
    public OffsetDateTime accessTokenExpiresAt;

    @Column(name = "connected_at", nullable = false)
    public OffsetDateTime connectedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
