package io.shelfwatch.competition;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One requested generation of a user's competition report for a main ASIN: queued by
 * `report:refresh`, run by a worker, ended as succeeded (with the version it wrote) or failed
 * (with why). At most one per user and ASIN is queued or running.
 */
@Entity
@Table(name = "report_generations")
public class ReportGeneration extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "asin_main", nullable = false)
    public String asinMain;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public boolean forced;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "report_version")
    public Integer reportVersion;

    public String error;

    @Column(name = "request_id")
    public String requestId;

    public boolean active() {
        return QUEUED.equals(status) || RUNNING.equals(status);
    }
}
