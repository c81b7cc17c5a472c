package io.shelfwatch.connector;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One export layout (`mssql` or `azure`) of a fetch's processed data, as CSV. */
@Entity
@Table(name = "exports")
public class Export extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "cache_key", nullable = false)
    public String cacheKey;

    @Column(name = "data_type", nullable = false)
    public String dataType;

    @Column(name = "marketplace_id", nullable = false)
    public String marketplaceId;

    @Column(name = "row_count", nullable = false)
    public int rowCount;

    @Column(name = "csv", nullable = false)
    public String csv;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
