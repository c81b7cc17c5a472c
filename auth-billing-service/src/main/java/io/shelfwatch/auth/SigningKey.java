package io.shelfwatch.auth;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An RSA key pair that signs tokens; the private half is stored AES-GCM encrypted. */
@Entity
@Table(name = "signing_keys")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "private_key_encrypted", nullable = false)
    public byte[] privateKeyEncrypted;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Set when a newer key took over signing; the key still verifies until its tokens expire. */
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
}
