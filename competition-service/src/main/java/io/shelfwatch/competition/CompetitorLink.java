package io.shelfwatch.competition;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's link of a main ASIN to a competitor ASIN (doc A). */
@Entity
@Table(name = "competitor_links")
public class CompetitorLink extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "asin_main", nullable = false)
    public String asinMain;

    @Column(name = "competitor_asin", nullable = false)
    public String competitorAsin;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
