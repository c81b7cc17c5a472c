package io.shelfwatch.auth;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user's current count of one metric, as last reported on the `usage` topic. */
@Entity
@Table(name = "usage_counts")
@IdClass(UsageCount.Key.class)
public class UsageCount extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    /** `products_tracked` or `competitors`. */
    @Id
    public String metric;

    @Column(nullable = false)
    public int count;

    @Column(name = "limit_reached", nullable = false)
    public boolean limitReached;

    /** `occurred_at` of the event this row came from; older events never overwrite newer ones. */
    @Column(name = "observed_at", nullable = false)
    public OffsetDateTime observedAt;

    public record Key(UUID userId, String metric) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
