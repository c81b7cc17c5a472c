package io.shelfwatch.connector;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of a user's state and plan limits, kept from `account.events` (-1 = unlimited). */
@Entity
@Table(name = "accounts")
public class Account extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(nullable = false)
    public String email;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    @Column(name = "is_admin", nullable = false)
    public boolean admin;

    @Column(nullable = false)
    public String plan;

    @Column(name = "max_competitors", nullable = false)
    public int maxCompetitors;

    @Column(name = "max_products", nullable = false)
    public int maxProducts;

    @Column(name = "scan_frequency", nullable = false)
    public String scanFrequency;

    @Column(name = "alerts_enabled", nullable = false)
    public boolean alertsEnabled;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "state_at", nullable = false)
    public OffsetDateTime stateAt;
}
