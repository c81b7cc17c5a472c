package io.shelfwatch.etl.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shelfwatch.etl.messaging.EventEnvelope;
import io.shelfwatch.etl.messaging.OutboxRelay;
import io.shelfwatch.etl.messaging.OutboxRows;
import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Applies raw observations a batch at a time, in one transaction per batch and a handful of
 * set-based statements: the batch's events are recorded first (an event already processed is
 * not claimed again, so each takes effect exactly once however often it is redelivered), the
 * affected products' latest state is read once and the batch applied to it in order (a
 * product's observations chain, each compared with the one before), then the latest state,
 * the daily metrics, the alerts and the outbox rows (`price.updates`, `alerts`) are written.
 */
@ApplicationScoped
public class PipelineService {

    private static final String REMOVED_EVENT = "product_removed";
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    /** Stored events replayed by a job go through the pipeline this many at a time. */
    private static final int REPLAY_BATCH = 500;

    // A consumed event is recorded with its outcome; one already stored is claimed only while not processed.
    private static final String CLAIM_CONSUMED = """
            INSERT INTO raw_events (event_id, product_key, asin, url, competitor_id, source, event_type, raw_data,
                job_id, occurred_at, received_at, status, error, processed_at)
            SELECT t.event_id, t.product_key, t.asin, t.url, t.competitor_id, t.source, t.event_type,
                   CAST(t.raw_data AS jsonb), t.job_id, t.occurred_at, t.received_at,
                   CASE WHEN t.error IS NULL THEN 'processed' ELSE 'failed' END, t.error,
                   CASE WHEN t.error IS NULL THEN clock_timestamp() END
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                          $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::text[])
                   AS t(event_id, product_key, asin, url, competitor_id, source, event_type, raw_data, job_id,
                        occurred_at, received_at, error)
            ON CONFLICT (event_id) DO UPDATE SET status = EXCLUDED.status, error = EXCLUDED.error,
                processed_at = EXCLUDED.processed_at
             WHERE raw_events.status <> 'processed'
            RETURNING event_id
            """;

    private static final String CLAIM_STORED = """
            UPDATE raw_events r SET status = CASE WHEN t.error IS NULL THEN 'processed' ELSE 'failed' END,
                   error = t.error, processed_at = CASE WHEN t.error IS NULL THEN clock_timestamp() END
              FROM unnest($1::uuid[], $2::text[]) AS t(event_id, error)
             WHERE r.event_id = t.event_id AND r.status <> 'processed'
            RETURNING r.event_id
            """;

    // Locked in key order, so two batches on the same products wait for each other instead of deadlocking.
    private static final String LOAD_LATEST = """
            SELECT product_key, asin, url, competitor_id, status, title, brand, category, image_url, price, currency,
                   availability, bsr, rating, reviews_count, buybox_price, sku, observed_at, changed_at
              FROM product_latest WHERE product_key = ANY($1) ORDER BY product_key FOR UPDATE
            """;

    private static final String UPSERT_LATEST = """
            INSERT INTO product_latest (product_key, asin, url, competitor_id, status, title, brand, category, image_url,
                price, currency, availability, bsr, rating, reviews_count, buybox_price, sku, observed_at, changed_at)
            SELECT t.product_key, t.asin, t.url, t.competitor_id, t.status, t.title, t.brand, t.category, t.image_url,
                   CAST(t.price AS numeric), t.currency, t.availability, t.bsr, CAST(t.rating AS numeric),
                   t.reviews_count, CAST(t.buybox_price AS numeric), t.sku, t.observed_at, t.changed_at
              FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[],
                          $15::int[], $16::text[], $17::text[], $18::timestamptz[], $19::timestamptz[])
                   AS t(product_key, asin, url, competitor_id, status, title, brand, category, image_url, price,
                        currency, availability, bsr, rating, reviews_count, buybox_price, sku, observed_at, changed_at)
            ON CONFLICT (product_key) DO UPDATE SET asin = EXCLUDED.asin, url = EXCLUDED.url,
                competitor_id = EXCLUDED.competitor_id, status = EXCLUDED.status, title = EXCLUDED.title,
                brand = EXCLUDED.brand, category = EXCLUDED.category, image_url = EXCLUDED.image_url,
                price = EXCLUDED.price, currency = EXCLUDED.currency, availability = EXCLUDED.availability,
                bsr = EXCLUDED.bsr, rating = EXCLUDED.rating, reviews_count = EXCLUDED.reviews_count,
                buybox_price = EXCLUDED.buybox_price, sku = EXCLUDED.sku, observed_at = EXCLUDED.observed_at,
                changed_at = EXCLUDED.changed_at
            """;

    // The batch's observations of one product and day arrive folded into one row (see DayMetrics);
    // "latest" columns only move forward in time, a late observation still counts in min/max/avg.
    private static final String UPSERT_METRICS = """
            INSERT INTO product_daily_metrics AS d (product_key, metric_date, asin, price, min_price, max_price,
                price_sum, price_observations, bsr, rating, reviews_count, buybox_price, observations, last_observed_at)
            SELECT t.product_key, t.metric_date, t.asin, CAST(t.price AS numeric), CAST(t.min_price AS numeric),
                   CAST(t.max_price AS numeric), CAST(t.price_sum AS numeric), t.price_observations, t.bsr,
                   CAST(t.rating AS numeric), t.reviews_count, CAST(t.buybox_price AS numeric), t.observations,
                   t.last_observed_at
              FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::int[], $9::int[], $10::text[], $11::int[], $12::text[], $13::int[], $14::timestamptz[])
                   AS t(product_key, metric_date, asin, price, min_price, max_price, price_sum, price_observations,
                        bsr, rating, reviews_count, buybox_price, observations, last_observed_at)
            ON CONFLICT (product_key, metric_date) DO UPDATE SET
                asin = COALESCE(EXCLUDED.asin, d.asin),
                min_price = LEAST(d.min_price, EXCLUDED.min_price),
                max_price = GREATEST(d.max_price, EXCLUDED.max_price),
                price_sum = d.price_sum + EXCLUDED.price_sum,
                price_observations = d.price_observations + EXCLUDED.price_observations,
                observations = d.observations + EXCLUDED.observations,
                price = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at THEN EXCLUDED.price ELSE d.price END,
                bsr = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at THEN EXCLUDED.bsr ELSE d.bsr END,
                rating = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at THEN EXCLUDED.rating ELSE d.rating END,
                reviews_count = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at
                    THEN EXCLUDED.reviews_count ELSE d.reviews_count END,
                buybox_price = CASE WHEN EXCLUDED.last_observed_at >= d.last_observed_at
                    THEN EXCLUDED.buybox_price ELSE d.buybox_price END,
                last_observed_at = GREATEST(d.last_observed_at, EXCLUDED.last_observed_at)
            """;

    private static final String UNPROCESSED = """
            SELECT event_id, product_key, asin, url, competitor_id, source, event_type, CAST(raw_data AS text) AS raw,
                   job_id, occurred_at, received_at
              FROM raw_events WHERE status <> 'processed' AND ($1::text IS NULL OR job_id = $1)
             ORDER BY occurred_at, received_at
            """;

    public record JobRun(int processed, int failed) {
    }

    /** What one batch did: the events it claimed (new, or stored and not processed yet), of them those kept as failed. */
    public record BatchOutcome(Set<UUID> claimed, List<PendingEvent> failed) {
    }

    private final Pool pool;
    private final RawDataReader reader;
    private final ObjectMapper json;
    private final Instance<ObservationListener> listeners;
    private final OutboxRelay relay;

    public PipelineService(Pool pool, RawDataReader reader, ObjectMapper json, Instance<ObservationListener> listeners,
            OutboxRelay relay) {
        this.pool = pool;
        this.reader = reader;
        this.json = json;
        this.listeners = listeners;
        this.relay = relay;
    }

    /**
     * A consumed record as a batch entry, its raw data stored as the JSON text it arrived in (see
     * RawEventParser); raw data no retry could apply is marked, not thrown.
     */
    public PendingEvent pending(RawEventRecord record, String rawJson, String requestId, OffsetDateTime receivedAt) {
        RawEventRecord.Data data = record.data();
        OffsetDateTime occurredAt = record.occurredAt().atOffset(ZoneOffset.UTC);
        return new PendingEvent(record.eventId(), data.productKey(), data.asin(), data.url(), data.competitorId(),
                data.source(), data.eventType(), data.rawData(), rawJson, data.jobId(), occurredAt, receivedAt,
                requestId, invalidReason(data.rawData(), occurredAt));
    }

    /** Applies consumed events in one transaction; events already processed are skipped. */
    public Uni<BatchOutcome> applyConsumed(List<PendingEvent> events) {
        return apply(events, false);
    }

    /** `POST /v1/etl/events/process/{job_id}`: applies the job's stored events not yet processed (every job's when null). */
    public Uni<JobRun> processJob(String jobId) {
        return pool.preparedQuery(UNPROCESSED).execute(Tuple.of(jobId)).map(rows -> {
            List<PendingEvent> events = new ArrayList<>();
            for (Row row : rows) {
                events.add(stored(row));
            }
            return events;
        }).flatMap(events -> {
            List<List<PendingEvent>> chunks = new ArrayList<>();
            for (int i = 0; i < events.size(); i += REPLAY_BATCH) {
                chunks.add(events.subList(i, Math.min(events.size(), i + REPLAY_BATCH)));
            }
            int failed = (int) events.stream().filter(e -> !e.valid()).count();
            return Multi.createFrom().iterable(chunks)
                    .onItem().transformToUniAndConcatenate(chunk -> apply(chunk, true))
                    .collect().last()
                    .replaceWith(new JobRun(events.size() - failed, failed));
        });
    }

    private Uni<BatchOutcome> apply(List<PendingEvent> batch, boolean stored) {
        // One entry per event id: a record redelivered within the batch counts once.
        Map<UUID, PendingEvent> unique = new LinkedHashMap<>();
        batch.forEach(e -> unique.putIfAbsent(e.eventId(), e));
        List<PendingEvent> events = List.copyOf(unique.values());
        if (events.isEmpty()) {
            return Uni.createFrom().item(new BatchOutcome(Set.of(), List.of()));
        }
        String[] keys = events.stream().filter(PendingEvent::valid).map(PendingEvent::productKey).distinct()
                .toArray(String[]::new);
        // Statements sent together are pipelined on the connection: one round trip for the claim and the
        // products' state, one for the writes, one for the outbox.
        return pool.withTransaction(conn -> Uni.combine().all()
                .unis(claim(conn, events, stored), loadLatest(conn, keys)).asTuple().flatMap(claimedAndLatest -> {
            Set<UUID> claimed = claimedAndLatest.getItem1();
            List<PendingEvent> failed = events.stream().filter(e -> !e.valid() && claimed.contains(e.eventId())).toList();
            List<PendingEvent> valid = events.stream().filter(e -> e.valid() && claimed.contains(e.eventId())).toList();
            OutboxRows outbox = new OutboxRows(json);
            return applyClaimed(conn, valid, claimedAndLatest.getItem2(), outbox)
                    .call(() -> outbox.insert(conn))
                    .replaceWith(() -> new Published(new BatchOutcome(claimed, failed), outbox.size()));
        })).map(published -> {
            if (published.events() > 0) {
                // Committed: the relay need not wait for its next poll.
                relay.wake();
            }
            return published.outcome();
        });
    }

    private record Published(BatchOutcome outcome, int events) {
    }

    private static Uni<Set<UUID>> claim(SqlConnection conn, List<PendingEvent> events, boolean stored) {
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = events.get(i).eventId();
            errors[i] = events.get(i).invalidReason();
        }
        Tuple params;
        if (stored) {
            params = Tuple.of(ids, errors);
        } else {
            String[] keys = new String[n], asins = new String[n], urls = new String[n], sources = new String[n],
                    types = new String[n], raws = new String[n], jobs = new String[n];
            UUID[] competitors = new UUID[n];
            OffsetDateTime[] occurred = new OffsetDateTime[n], received = new OffsetDateTime[n];
            for (int i = 0; i < n; i++) {
                PendingEvent e = events.get(i);
                keys[i] = e.productKey();
                asins[i] = e.asin();
                urls[i] = e.url();
                competitors[i] = e.competitorId();
                sources[i] = e.source();
                types[i] = e.eventType();
                raws[i] = e.rawJson();
                jobs[i] = e.jobId();
                occurred[i] = e.occurredAt();
                received[i] = e.receivedAt();
            }
            params = Tuple.from(new Object[] { ids, keys, asins, urls, competitors, sources, types, raws, jobs,
                    occurred, received, errors });
        }
        return conn.preparedQuery(stored ? CLAIM_STORED : CLAIM_CONSUMED).execute(params).map(rows -> {
            Set<UUID> claimed = new HashSet<>();
            for (Row row : rows) {
                claimed.add(row.getUUID(0));
            }
            return claimed;
        });
    }

    private static Uni<Map<String, ProductLatest>> loadLatest(SqlConnection conn, String[] keys) {
        if (keys.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery(LOAD_LATEST).execute(Tuple.of(keys)).map(rows -> {
            Map<String, ProductLatest> latest = new HashMap<>();
            for (Row row : rows) {
                ProductLatest p = latestOf(row);
                latest.put(p.productKey, p);
            }
            return latest;
        });
    }

    private Uni<Void> applyClaimed(SqlConnection conn, List<PendingEvent> events, Map<String, ProductLatest> stored,
            OutboxRows outbox) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, ProductLatest> latest = new HashMap<>(stored);
        Map<String, ProductLatest> touched = new LinkedHashMap<>();
        DayMetrics metrics = new DayMetrics();
        List<Observation> observations = new ArrayList<>();
        for (PendingEvent e : events) {
            applyOne(e, latest, touched, metrics, observations, outbox);
        }
        List<Uni<Void>> writes = new ArrayList<>();
        writes.add(upsertLatest(conn, touched.values()));
        writes.add(metrics.upsert(conn, UPSERT_METRICS));
        if (!observations.isEmpty()) {
            // Sent after the state's writes, so a listener's queries see the batch applied.
            for (ObservationListener listener : listeners) {
                writes.add(listener.changed(conn, observations, outbox));
            }
        }
        return Uni.combine().all().unis(writes).discardItems();
    }

    /** One observation against its product's state so far in this batch (the same steps the per-event pipeline took). */
    private void applyOne(PendingEvent e, Map<String, ProductLatest> latestByKey, Map<String, ProductLatest> touched,
            DayMetrics metrics, List<Observation> observations, OutboxRows outbox) {
        ProductLatest latest = latestByKey.get(e.productKey());
        Snapshot previous = latest == null ? null : latest.snapshot();
        Snapshot next = reader.next(previous, e.rawData(), e.occurredAt().toInstant());
        String status = REMOVED_EVENT.equals(e.eventType()) ? ProductLatest.REMOVED : ProductLatest.ACTIVE;
        if (ProductLatest.ACTIVE.equals(status)) {
            metrics.add(e.productKey(), e.asin(), next);
        }
        if (latest != null && e.occurredAt().isBefore(latest.observedAt)) {
            // An observation older than the stored state: kept and counted, but it cannot undo newer values.
            return;
        }
        boolean changed = latest == null || !next.sameValuesAs(previous) || !status.equals(latest.status);
        ProductLatest product = latest != null ? latest : new ProductLatest();
        String previousStatus = latest == null ? null : latest.status;
        String url = urlOf(e);
        product.productKey = e.productKey();
        product.asin = e.asin() != null ? e.asin() : product.asin;
        product.url = url != null ? url : product.url;
        product.competitorId = e.competitorId() != null ? e.competitorId() : product.competitorId;
        product.status = status;
        product.take(next);
        if (changed) {
            product.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        latestByKey.put(product.productKey, product);
        touched.put(product.productKey, product);
        if (!changed) {
            return;
        }
        observations.add(new Observation(e.eventId(), product.productKey, product.asin, product.competitorId,
                previousStatus, status, previous, next, e.requestId()));
        PriceUpdate update = new PriceUpdate(product.productKey, product.asin, product.url, product.competitorId,
                status, next, previous);
        outbox.add(PriceUpdate.TOPIC, product.productKey, EventEnvelope.of(PriceUpdate.TYPE, update), e.requestId());
    }

    private static Uni<Void> upsertLatest(SqlConnection conn, java.util.Collection<ProductLatest> products) {
        int n = products.size();
        if (n == 0) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = new String[n], asins = new String[n], urls = new String[n], statuses = new String[n],
                titles = new String[n], brands = new String[n], categories = new String[n], images = new String[n],
                prices = new String[n], currencies = new String[n], availability = new String[n],
                ratings = new String[n], buyboxes = new String[n], skus = new String[n];
        UUID[] competitors = new UUID[n];
        Integer[] bsrs = new Integer[n], reviews = new Integer[n];
        OffsetDateTime[] observed = new OffsetDateTime[n], changed = new OffsetDateTime[n];
        int i = 0;
        for (ProductLatest p : products) {
            keys[i] = p.productKey;
            asins[i] = p.asin;
            urls[i] = p.url;
            competitors[i] = p.competitorId;
            statuses[i] = p.status;
            titles[i] = p.title;
            brands[i] = p.brand;
            categories[i] = p.category;
            images[i] = p.imageUrl;
            prices[i] = text(p.price);
            currencies[i] = p.currency;
            availability[i] = p.availability;
            bsrs[i] = p.bsr;
            ratings[i] = text(p.rating);
            reviews[i] = p.reviewsCount;
            buyboxes[i] = text(p.buyboxPrice);
            skus[i] = p.sku;
            observed[i] = p.observedAt;
            changed[i] = p.changedAt;
            i++;
        }
        return conn.preparedQuery(UPSERT_LATEST).execute(Tuple.from(new Object[] { keys, asins, urls, competitors,
                statuses, titles, brands, categories, images, prices, currencies, availability, bsrs, ratings, reviews,
                buyboxes, skus, observed, changed })).replaceWithVoid();
    }

    private PendingEvent stored(Row row) {
        Map<String, Object> raw;
        String reason;
        OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
        try {
            raw = json.readValue(row.getString("raw"), JSON_OBJECT);
            reason = invalidReason(raw, occurredAt);
        } catch (JsonProcessingException e) {
            raw = Map.of();
            reason = "raw_data is not a JSON object";
        }
        return new PendingEvent(row.getUUID("event_id"), row.getString("product_key"), row.getString("asin"),
                row.getString("url"), row.getUUID("competitor_id"), row.getString("source"), row.getString("event_type"),
                raw, row.getString("raw"), row.getString("job_id"), occurredAt, row.getOffsetDateTime("received_at"),
                null, reason);
    }

    /** Reading raw data does not depend on the stored state, so it is checked before the batch's transaction. */
    private String invalidReason(Map<String, Object> raw, OffsetDateTime occurredAt) {
        try {
            reader.next(null, raw, occurredAt.toInstant());
            return null;
        } catch (InvalidRecordException e) {
            return e.getMessage();
        }
    }

    private static ProductLatest latestOf(Row row) {
        ProductLatest p = new ProductLatest();
        p.productKey = row.getString("product_key");
        p.asin = row.getString("asin");
        p.url = row.getString("url");
        p.competitorId = row.getUUID("competitor_id");
        p.status = row.getString("status");
        p.title = row.getString("title");
        p.brand = row.getString("brand");
        p.category = row.getString("category");
        p.imageUrl = row.getString("image_url");
        p.price = row.getBigDecimal("price");
        p.currency = row.getString("currency");
        p.availability = row.getString("availability");
        p.bsr = row.getInteger("bsr");
        p.rating = row.getBigDecimal("rating");
        p.reviewsCount = row.getInteger("reviews_count");
        p.buyboxPrice = row.getBigDecimal("buybox_price");
        p.sku = row.getString("sku");
        p.observedAt = row.getOffsetDateTime("observed_at");
        p.changedAt = row.getOffsetDateTime("changed_at");
        return p;
    }

    static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String urlOf(PendingEvent e) {
        if (e.url() != null) {
            return e.url();
        }
        Object url = e.rawData().get("url");
        return url instanceof String s && s.length() <= 2048 && HTTP_URL.matcher(s.strip()).matches() ? s.strip() : null;
    }

    /** The batch's observations folded per product and UTC day, as the per-observation upsert would have left them. */
    static final class DayMetrics {

        private static final class Day {
            String productKey;
            LocalDate date;
            String asin;
            BigDecimal price, minPrice, maxPrice, priceSum = BigDecimal.ZERO, rating, buyboxPrice;
            int priceObservations, observations;
            Integer bsr, reviewsCount;
            OffsetDateTime lastObservedAt;
        }

        private final Map<String, Day> days = new LinkedHashMap<>();

        void add(String productKey, String asin, Snapshot s) {
            OffsetDateTime at = s.observedAt().atOffset(ZoneOffset.UTC);
            LocalDate date = at.toLocalDate();
            Day d = days.computeIfAbsent(productKey + '\u0000' + date, k -> {
                Day day = new Day();
                day.productKey = productKey;
                day.date = date;
                return day;
            });
            if (asin != null) {
                d.asin = asin;
            }
            BigDecimal price = s.price();
            if (price != null) {
                d.minPrice = d.minPrice == null ? price : d.minPrice.min(price);
                d.maxPrice = d.maxPrice == null ? price : d.maxPrice.max(price);
                d.priceSum = d.priceSum.add(price);
                d.priceObservations++;
            }
            d.observations++;
            if (d.lastObservedAt == null || !at.isBefore(d.lastObservedAt)) {
                d.price = price;
                d.bsr = s.bsr();
                d.rating = s.rating();
                d.reviewsCount = s.reviewsCount();
                d.buyboxPrice = s.buyboxPrice();
                d.lastObservedAt = at;
            }
        }

        Uni<Void> upsert(SqlConnection conn, String sql) {
            int n = days.size();
            if (n == 0) {
                return Uni.createFrom().voidItem();
            }
            String[] keys = new String[n], asins = new String[n], prices = new String[n], mins = new String[n],
                    maxes = new String[n], sums = new String[n], ratings = new String[n], buyboxes = new String[n];
            LocalDate[] dates = new LocalDate[n];
            Integer[] priceCounts = new Integer[n], bsrs = new Integer[n], reviews = new Integer[n], counts = new Integer[n];
            OffsetDateTime[] last = new OffsetDateTime[n];
            int i = 0;
            for (Day d : days.values()) {
                keys[i] = d.productKey;
                dates[i] = d.date;
                asins[i] = d.asin;
                prices[i] = text(d.price);
                mins[i] = text(d.minPrice);
                maxes[i] = text(d.maxPrice);
                sums[i] = text(d.priceSum);
                priceCounts[i] = d.priceObservations;
                bsrs[i] = d.bsr;
                ratings[i] = text(d.rating);
                reviews[i] = d.reviewsCount;
                buyboxes[i] = text(d.buyboxPrice);
                counts[i] = d.observations;
                last[i] = d.lastObservedAt;
                i++;
            }
            return conn.preparedQuery(sql).execute(Tuple.from(new Object[] { keys, dates, asins, prices, mins, maxes,
                    sums, priceCounts, bsrs, ratings, reviews, buyboxes, counts, last })).replaceWithVoid();
        }
    }
}
