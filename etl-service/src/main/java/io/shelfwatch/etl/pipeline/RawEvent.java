package io.shelfwatch.etl.pipeline;

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

/** One observation as received, kept for audit and replay; `processed` once its effect is committed. */
@Entity
@Table(name = "raw_events")
public class RawEvent extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String PROCESSED = "processed";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "product_key", nullable = false)
    public String productKey;

    public String asin;

    public String url;

    @Column(name = "competitor_id")
    public UUID competitorId;

    @Column(nullable = false)
    public String source;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "raw_data", nullable = false)
    public Map<String, Object> rawData;

    @Column(name = "job_id")
    public String jobId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(nullable = false)
    public String status;

    public String error;

    @Column(name = "processed_at")
    public OffsetDateTime processedAt;
}
