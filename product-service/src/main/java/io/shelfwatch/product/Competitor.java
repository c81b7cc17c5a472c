package io.shelfwatch.product;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of a competitor store (owner and name), kept from `competitors`. */
@Entity
@Table(name = "competitors")
public class Competitor extends PanacheEntityBase {

    @Id
    @Column(name = "competitor_id")
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String name;

    /** `occurred_at` of the record this row came from; an older record never overwrites it. */
    @Column(name = "state_at", nullable = false)
    public OffsetDateTime stateAt;
}
