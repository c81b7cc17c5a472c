package io.shelfwatch.etl.pipeline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One run of a job (doc A's JobExecution), here or in another service. */
@Entity
@Table(name = "job_executions")
public class JobExecution extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @Column(name = "job_name", nullable = false)
    public String jobName;

    @Column(nullable = false)
    public String status;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "job_metadata")
    public Map<String, Object> jobMetadata;

    @Column(name = "requested_by")
    public UUID requestedBy;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "records_processed", nullable = false)
    public int recordsProcessed;

    @Column(name = "records_failed", nullable = false)
    public int recordsFailed;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
