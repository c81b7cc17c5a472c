package io.shelfwatch.etl.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.etl.messaging.EventEnvelope;
import io.shelfwatch.etl.messaging.OutboxWriter;
import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Applies raw observations: stores each, upserts the product's latest state and daily metrics,
 * and, when something changed, writes the `price.updates` record to the outbox. The event id is
 * marked processed in the same transaction, so each event takes effect exactly once.
 */
@ApplicationScoped
public class PipelineService {

    private static final String REMOVED_EVENT = "product_removed";
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");

    public enum Result { APPLIED, UNCHANGED, DUPLICATE }

    public record JobRun(int processed, int failed) {
    }

    private final RawEventRepository rawEvents;
    private final ProductLatestRepository products;
    private final DailyMetricsRepository dailyMetrics;
    private final RawDataReader reader;
    private final OutboxWriter outbox;
    private final Instance<ObservationListener> listeners;

    public PipelineService(RawEventRepository rawEvents, ProductLatestRepository products,
            DailyMetricsRepository dailyMetrics, RawDataReader reader, OutboxWriter outbox,
            Instance<ObservationListener> listeners) {
        this.rawEvents = rawEvents;
        this.products = products;
        this.dailyMetrics = dailyMetrics;
        this.reader = reader;
        this.outbox = outbox;
        this.listeners = listeners;
    }

    /** Applies a consumed record once; a record already processed changes nothing. */
    @WithTransaction
    public Uni<Result> apply(RawEventRecord record) {
        return rawEvents.findById(record.eventId()).flatMap(existing -> {
            if (existing != null && RawEvent.PROCESSED.equals(existing.status)) {
                return Uni.createFrom().item(Result.DUPLICATE);
            }
            if (existing != null) {
                return applyStored(existing);
            }
            RawEvent row = toRow(record);
            return rawEvents.persist(row).flatMap(this::applyStored);
        });
    }

    /** Keeps an event that cannot be applied, with the reason, for audit and a later replay. */
    @WithTransaction
    public Uni<Void> recordFailure(RawEventRecord record, String reason) {
        return rawEvents.findById(record.eventId()).flatMap(existing -> {
            RawEvent row = existing != null ? existing : toRow(record);
            row.status = RawEvent.FAILED;
            row.error = reason;
            return existing != null ? Uni.createFrom().voidItem() : rawEvents.persist(row).replaceWithVoid();
        });
    }

    /** `POST /v1/etl/events/process/{job_id}`: applies the job's stored events not yet processed. */
    public Uni<JobRun> processJob(String jobId) {
        return unprocessedIds(jobId).flatMap(ids -> {
            List<Boolean> outcomes = new ArrayList<>();
            return Multi.createFrom().iterable(ids)
                    .onItem().transformToUniAndConcatenate(id -> reapply(id)
                            .onFailure(InvalidRecordException.class)
                            .call(e -> markFailed(id, e.getMessage()))
                            .onFailure(InvalidRecordException.class).recoverWithItem(false))
                    .invoke(outcomes::add)
                    .collect().last()
                    .map(ignored -> new JobRun((int) outcomes.stream().filter(b -> b).count(),
                            (int) outcomes.stream().filter(b -> !b).count()));
        });
    }

    @WithTransaction
    Uni<List<UUID>> unprocessedIds(String jobId) {
        return rawEvents.unprocessedOfJob(jobId).map(rows -> rows.stream().map(r -> r.eventId).toList());
    }

    @WithTransaction
    Uni<Boolean> reapply(UUID eventId) {
        return rawEvents.findById(eventId).flatMap(row -> row == null || RawEvent.PROCESSED.equals(row.status)
                ? Uni.createFrom().item(true)
                : applyStored(row).replaceWith(true));
    }

    @WithTransaction
    Uni<Void> markFailed(UUID eventId, String reason) {
        return rawEvents.findById(eventId).invoke(row -> {
            if (row != null) {
                row.status = RawEvent.FAILED;
                row.error = reason;
            }
        }).replaceWithVoid();
    }

    private Uni<Result> applyStored(RawEvent row) {
        return products.findById(row.productKey).flatMap(latest -> {
            Snapshot previous = latest == null ? null : latest.snapshot();
            Snapshot next = reader.next(previous, row.rawData, row.occurredAt.toInstant());
            String status = REMOVED_EVENT.equals(row.eventType) ? ProductLatest.REMOVED : ProductLatest.ACTIVE;
            Uni<Void> metrics = ProductLatest.ACTIVE.equals(status)
                    ? dailyMetrics.record(row.productKey, row.asin, next)
                    : Uni.createFrom().voidItem();
            markProcessed(row);
            if (latest != null && row.occurredAt.isBefore(latest.observedAt)) {
                // An observation older than the stored state: kept and counted, but it cannot undo newer values.
                return metrics.replaceWith(Result.UNCHANGED);
            }
            boolean changed = latest == null || !next.sameValuesAs(previous) || !status.equals(latest.status);
            ProductLatest product = latest != null ? latest : new ProductLatest();
            String previousStatus = latest == null ? null : latest.status;
            product.productKey = row.productKey;
            product.asin = row.asin != null ? row.asin : product.asin;
            product.url = urlOf(row) != null ? urlOf(row) : product.url;
            product.competitorId = row.competitorId != null ? row.competitorId : product.competitorId;
            product.status = status;
            product.take(next);
            if (changed) {
                product.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
            }
            Uni<?> saved = latest == null ? products.persist(product) : Uni.createFrom().voidItem();
            if (!changed) {
                return saved.replaceWith(metrics).replaceWith(Result.UNCHANGED);
            }
            Observation observation = new Observation(row.eventId, row.productKey, product.asin, product.competitorId,
                    previousStatus, status, previous, next);
            PriceUpdate update = new PriceUpdate(product.productKey, product.asin, product.url, product.competitorId,
                    status, next, previous);
            return saved.replaceWith(metrics)
                    .call(() -> outbox.add(PriceUpdate.TOPIC, product.productKey, EventEnvelope.of(PriceUpdate.TYPE, update)))
                    .call(() -> notifyListeners(observation))
                    .replaceWith(Result.APPLIED);
        });
    }

    private Uni<Void> notifyListeners(Observation observation) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ObservationListener listener : listeners) {
            chain = chain.call(() -> listener.changed(observation));
        }
        return chain;
    }

    private static void markProcessed(RawEvent row) {
        row.status = RawEvent.PROCESSED;
        row.error = null;
        row.processedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String urlOf(RawEvent row) {
        if (row.url != null) {
            return row.url;
        }
        Object url = row.rawData.get("url");
        return url instanceof String s && s.length() <= 2048 && HTTP_URL.matcher(s.strip()).matches() ? s.strip() : null;
    }

    private static RawEvent toRow(RawEventRecord record) {
        RawEventRecord.Data data = record.data();
        RawEvent row = new RawEvent();
        row.eventId = record.eventId();
        row.productKey = data.productKey();
        row.asin = data.asin();
        row.url = data.url();
        row.competitorId = data.competitorId();
        row.source = data.source();
        row.eventType = data.eventType();
        row.rawData = data.rawData();
        row.jobId = data.jobId();
        row.occurredAt = record.occurredAt().atOffset(ZoneOffset.UTC);
        row.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.status = RawEvent.PENDING;
        return row;
    }
}
