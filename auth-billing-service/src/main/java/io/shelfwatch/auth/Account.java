package io.shelfwatch.auth;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Shelfwatch user: credentials, roles and plan. Emails are stored lower-cased. */
@Entity
@Table(name = "accounts")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "is_admin", nullable = false)
    public boolean admin;

    @Column(nullable = false)
    public String plan = Plan.FREE.tier;

    @Column(name = "is_active", nullable = false)
    public boolean active = true;

    /** The Stripe customer (`cus_…`), once the account has been to checkout. */
    @Column(name = "stripe_customer_id")
    public String stripeCustomerId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Roles as they appear in a token's `groups` claim. */
    public List<String> roles() {
        List<String> roles = new ArrayList<>(List.of("user"));
        if (admin) {
            roles.add("admin");
        }
        return roles;
    }

    public Plan planLimits() {
        return Plan.ofTier(plan);
    }
}
