package io.shelfwatch.etl.extract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shelfwatch.etl.extract.ObservationPublisher.Subject;
import io.shelfwatch.etl.extract.TrackedTargets.StoreTarget;
import io.shelfwatch.etl.messaging.EventEnvelope;
import io.shelfwatch.etl.messaging.OutboxWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One scan of a competitor store: list its products, publish each as a raw event, compare with
 * the last scan (new, removed, back again, price changed) and announce the result on `scans`.
 * A product is marked removed only after a complete listing did not show it.
 */
@ApplicationScoped
public class StoreScanner {

    private static final Logger LOG = Logger.getLogger(StoreScanner.class);

    public static final String SCANS_TOPIC = "scans";
    public static final String SCAN_FINISHED = "scan_finished";

    private record Known(String productKey, String url, BigDecimal price, boolean active) {
    }

    private record Counts(int found, int added, int removed, int back, int priceChanged) {
    }

    private final ShopifyCatalog shopify;
    private final PageStoreCatalog pages;
    private final ObservationPublisher observations;
    private final Pool pool;
    private final OutboxWriter outbox;

    public StoreScanner(ShopifyCatalog shopify, PageStoreCatalog pages, ObservationPublisher observations, Pool pool,
            OutboxWriter outbox) {
        this.shopify = shopify;
        this.pages = pages;
        this.observations = observations;
        this.pool = pool;
        this.outbox = outbox;
    }

    public Uni<Void> scan(RunLog log, StoreTarget store) {
        UUID scanId = UUID.randomUUID();
        String target = "competitor:" + store.competitorId();
        Uni<StoreListing> listing = Uni.createFrom().deferred(() -> ShopifyCatalog.NAME.equals(
                store.platform().strip().toLowerCase(Locale.ROOT)) ? shopify.list(store.url()) : pages.list(store.url()))
                .onFailure().recoverWithItem(e -> new StoreListing(List.of(), e instanceof FetchException
                        ? e.getMessage() : unexpected(store, e)));
        return listing
                .flatMap(found -> known(store.competitorId())
                        .flatMap(known -> compareAndPublish(log, store, found, known))
                        .flatMap(counts -> record(log, store, scanId, counts, found.error())
                                .invoke(() -> log.add(target, store.url(), found.complete() ? RunLog.FETCHED : RunLog.FAILED,
                                        found.complete() ? "found %d, new %d, removed %d, back %d, price changes %d"
                                                .formatted(counts.found(), counts.added(), counts.removed(), counts.back(),
                                                        counts.priceChanged())
                                                : found.error()))))
                .onFailure().recoverWithItem(e -> {
                    log.failure(target, store.url(), e);
                    return null;
                });
    }

    /** A listing that failed for a reason other than the page (a bug): the detail is for the service log. */
    private static String unexpected(StoreTarget store, Throwable e) {
        LOG.warnf(e, "store scan of competitor %s failed unexpectedly", store.competitorId());
        return "the store could not be read (internal error)";
    }

    private Uni<Map<String, Known>> known(UUID competitorId) {
        return pool.preparedQuery("SELECT handle, product_key, url, price, status FROM store_products WHERE competitor_id = $1")
                .execute(Tuple.of(competitorId)).map(rows -> {
                    Map<String, Known> known = new HashMap<>();
                    for (Row row : rows) {
                        known.put(row.getString(0), new Known(row.getString(1), row.getString(2), row.getBigDecimal(3),
                                "active".equals(row.getString(4))));
                    }
                    return known;
                });
    }

    private Uni<Counts> compareAndPublish(RunLog log, StoreTarget store, StoreListing listing, Map<String, Known> known) {
        Map<String, StoreListing.Item> seen = new LinkedHashMap<>();
        listing.items().forEach(item -> seen.putIfAbsent(item.handle(), item));
        AtomicInteger added = new AtomicInteger();
        AtomicInteger back = new AtomicInteger();
        AtomicInteger priceChanged = new AtomicInteger();
        List<Tuple> upserts = new ArrayList<>();
        List<Tuple> removals = new ArrayList<>();
        Uni<Void> publishSeen = Multi.createFrom().iterable(seen.values())
                .onItem().transformToUniAndConcatenate(item -> {
                    String key = "store:" + store.competitorId() + ":" + item.handle();
                    Subject subject = new Subject(key, null, item.url(), store.competitorId(), ObservationPublisher.STORE_SCAN);
                    Known before = known.get(item.handle());
                    BigDecimal price = item.product().price();
                    return observations.snapshot(log, subject, item.product(), item.url()).invoke(pricePublished -> {
                        if (before == null) {
                            added.incrementAndGet();
                        } else if (!before.active()) {
                            back.incrementAndGet();
                        } else if (pricePublished && before.price() != null && before.price().compareTo(price) != 0) {
                            priceChanged.incrementAndGet();
                        }
                        BigDecimal stored = pricePublished ? price : before == null ? null : before.price();
                        upserts.add(Tuple.of(store.competitorId(), item.handle(), key, item.url(), stored));
                    });
                })
                .collect().last().replaceWithVoid();
        return publishSeen.flatMap(ignored -> {
            List<Map.Entry<String, Known>> gone = !listing.complete() ? List.of()
                    : known.entrySet().stream().filter(e -> e.getValue().active() && !seen.containsKey(e.getKey())).toList();
            return Multi.createFrom().iterable(gone)
                    .onItem().transformToUniAndConcatenate(e -> observations.removed(log, new Subject(
                            e.getValue().productKey(), null, e.getValue().url(), store.competitorId(),
                            ObservationPublisher.STORE_SCAN))
                            .invoke(() -> removals.add(Tuple.of(store.competitorId(), e.getKey()))))
                    .collect().last()
                    .flatMap(done -> save(upserts, removals))
                    .map(saved -> new Counts(seen.size(), added.get(), removals.size(), back.get(), priceChanged.get()));
        });
    }

    private Uni<Void> save(List<Tuple> upserts, List<Tuple> removals) {
        Uni<Void> seen = upserts.isEmpty() ? Uni.createFrom().voidItem() : pool.preparedQuery("""
                INSERT INTO store_products (competitor_id, handle, product_key, url, price, status, first_seen_at, last_seen_at)
                VALUES ($1, $2, $3, $4, $5, 'active', now(), now())
                ON CONFLICT (competitor_id, handle) DO UPDATE SET product_key = EXCLUDED.product_key, url = EXCLUDED.url,
                    price = EXCLUDED.price, status = 'active', last_seen_at = now(), removed_at = NULL
                """).executeBatch(upserts).replaceWithVoid();
        Uni<Void> gone = removals.isEmpty() ? Uni.createFrom().voidItem() : pool.preparedQuery("""
                UPDATE store_products SET status = 'removed', removed_at = now() WHERE competitor_id = $1 AND handle = $2
                """).executeBatch(removals).replaceWithVoid();
        return seen.chain(() -> gone);
    }

    /** The scan's row and its `scans` record, in one transaction (the outbox relays the record). */
    private Uni<Void> record(RunLog log, StoreTarget store, UUID scanId, Counts counts, String error) {
        Instant scannedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String shortError = error == null ? null : error.length() > 2000 ? error.substring(0, 1999) + "…" : error;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("competitor_id", store.competitorId());
        data.put("scan_id", scanId);
        data.put("scanned_at", scannedAt);
        data.put("found", counts.found());
        data.put("new", counts.added());
        data.put("removed", counts.removed());
        data.put("back", counts.back());
        data.put("error", shortError);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO store_scans (scan_id, competitor_id, job_id, scanned_at, found, new_count, removed_count,
                    back_count, changed_price, error)
                VALUES (:scan, :competitor, :job, :at, :found, :added, :removed, :back, :changed, :error)
                """)
                .setParameter("scan", scanId).setParameter("competitor", store.competitorId())
                .setParameter("job", log.jobId()).setParameter("at", scannedAt.atOffset(ZoneOffset.UTC))
                .setParameter("found", counts.found()).setParameter("added", counts.added())
                .setParameter("removed", counts.removed()).setParameter("back", counts.back())
                .setParameter("changed", counts.priceChanged()).setParameter("error", shortError)
                .executeUpdate())
                .call(() -> outbox.add(SCANS_TOPIC, store.competitorId().toString(),
                        EventEnvelope.of(SCAN_FINISHED, data))))
                .replaceWithVoid();
    }
}
