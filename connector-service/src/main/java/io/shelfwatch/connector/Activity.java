package io.shelfwatch.connector;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One operation a user started (doc B's activity log), and for background work the job itself:
 * what to run (`request`), how far it got (`progress`), and who runs it until when (`leaseUntil`).
 */
@Entity
@Table(name = "activities")
public class Activity extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** `orders`, `reports`, `schedules` or `sync` (connections and tokens). */
    @Column(name = "activity_type", nullable = false)
    public String activityType;

    /** What exactly ran: `fetch_data`, `inventory_report`, `sqp_report`, `schedule_create`, … */
    @Column(nullable = false)
    public String action;

    @Column(name = "marketplace_id")
    public String marketplaceId;

    @Column(nullable = false)
    public String status;

    public String detail;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "records_processed", nullable = false)
    public int recordsProcessed;

    @Column(name = "records_created", nullable = false)
    public int recordsCreated;

    @Column(name = "records_updated", nullable = false)
    public int recordsUpdated;

    @Column(name = "records_failed", nullable = false)
    public int recordsFailed;

    @Column(nullable = false)
    public boolean background;

    /** JSON: what a background job runs; never a secret. */
    public String request;

    /** JSON: how far a background job got, so a resumed run continues from there. */
    public String progress;

    /** JSON: what the operation produced. */
    public String result;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean finished() {
        return COMPLETED.equals(status) || FAILED.equals(status) || CANCELLED.equals(status);
    }
}
