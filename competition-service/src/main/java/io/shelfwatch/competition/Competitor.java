package io.shelfwatch.competition;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A competitor store a user watches (doc E). */
@Entity
@Table(name = "competitors")
public class Competitor extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String platform;

    @Column(nullable = false)
    public String status;

    @Column(name = "product_count", nullable = false)
    public int productCount;

    @Column(name = "last_scanned")
    public OffsetDateTime lastScanned;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
