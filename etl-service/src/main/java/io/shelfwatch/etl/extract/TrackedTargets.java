package io.shelfwatch.etl.extract;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The extractor's copies of the `products` and `competitors` topics (tracked_product,
 * tracked_competitor) and when each target is due (extract_schedule). A target is due when it
 * was never fetched, when it was marked due (first tracker, store created or resumed), or when
 * the fastest plan among its trackers says so. Claiming marks it fetched in the same statement,
 * with SKIP LOCKED, so two replicas never fetch one target for the same turn.
 */
@ApplicationScoped
public class TrackedTargets {

    public record ProductTarget(UUID productId, String productKey, String asin, String url) {
    }

    public record StoreTarget(UUID competitorId, UUID userId, String url, String platform) {
    }

    private static final String UPSERT_PRODUCT = """
            WITH old AS (SELECT trackers FROM tracked_product WHERE product_id = $1),
            up AS (
                INSERT INTO tracked_product (product_id, product_key, asin, url, competitor_id, trackers, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (product_id) DO UPDATE SET product_key = EXCLUDED.product_key, asin = EXCLUDED.asin,
                    url = EXCLUDED.url, competitor_id = EXCLUDED.competitor_id, trackers = EXCLUDED.trackers,
                    updated_at = EXCLUDED.updated_at
                WHERE tracked_product.updated_at <= EXCLUDED.updated_at
                RETURNING trackers, competitor_id)
            INSERT INTO extract_schedule (target_id, kind, due_at)
            SELECT $1, 'product', now() FROM up
            WHERE up.competitor_id IS NULL AND cardinality(up.trackers) > 0
              AND NOT (up.trackers <@ COALESCE((SELECT trackers FROM old), '{}'::uuid[]))
            ON CONFLICT (target_id) DO UPDATE SET due_at = now()
            """;

    private static final String UPSERT_COMPETITOR = """
            WITH old AS (SELECT status, url FROM tracked_competitor WHERE competitor_id = $1),
            up AS (
                INSERT INTO tracked_competitor (competitor_id, user_id, name, url, platform, status, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (competitor_id) DO UPDATE SET user_id = EXCLUDED.user_id, name = EXCLUDED.name,
                    url = EXCLUDED.url, platform = EXCLUDED.platform, status = EXCLUDED.status,
                    updated_at = EXCLUDED.updated_at
                WHERE tracked_competitor.updated_at <= EXCLUDED.updated_at
                RETURNING status, url)
            INSERT INTO extract_schedule (target_id, kind, due_at)
            SELECT $1, 'store', now() FROM up
            WHERE up.status = 'active' AND (COALESCE((SELECT status FROM old), 'paused') <> 'active'
                OR (SELECT url FROM old) IS DISTINCT FROM up.url)
            ON CONFLICT (target_id) DO UPDATE SET due_at = now()
            """;

    // The fastest plan among the target's active trackers; an account not yet known counts as the slowest.
    private static final String CADENCE = """
            make_interval(secs => (SELECT COALESCE(min(CASE a.scan_frequency
                WHEN 'hourly' THEN CAST($2 AS double precision) WHEN 'daily' THEN CAST($3 AS double precision)
                ELSE CAST($4 AS double precision) END), CAST($4 AS double precision))
                FROM accounts a WHERE a.user_id = %s AND a.is_active))
            """;

    private static final String CLAIM_PRODUCTS = """
            WITH due AS (
                SELECT p.product_id FROM tracked_product p LEFT JOIN extract_schedule s ON s.target_id = p.product_id
                WHERE cardinality(p.trackers) > 0 AND p.competitor_id IS NULL AND (p.url IS NOT NULL OR p.asin IS NOT NULL)
                  AND (CAST($1 AS boolean) OR s.last_run_at IS NULL OR s.due_at <= now() OR s.last_run_at + %s <= now())
                ORDER BY s.last_run_at NULLS FIRST
                LIMIT CAST($5 AS integer)
                FOR UPDATE OF p SKIP LOCKED),
            claimed AS (
                INSERT INTO extract_schedule (target_id, kind, last_run_at, due_at)
                SELECT product_id, 'product', now(), NULL FROM due
                ON CONFLICT (target_id) DO UPDATE SET last_run_at = now(), due_at = NULL
                RETURNING target_id)
            SELECT p.product_id, p.product_key, p.asin, p.url FROM tracked_product p JOIN claimed c ON c.target_id = p.product_id
            """.formatted(CADENCE.formatted("ANY(p.trackers)"));

    private static final String CLAIM_STORES = """
            WITH due AS (
                SELECT c.competitor_id FROM tracked_competitor c LEFT JOIN extract_schedule s ON s.target_id = c.competitor_id
                WHERE c.status = 'active'
                  AND (CAST($1 AS boolean) OR s.last_run_at IS NULL OR s.due_at <= now() OR s.last_run_at + %s <= now())
                ORDER BY s.last_run_at NULLS FIRST
                LIMIT CAST($5 AS integer)
                FOR UPDATE OF c SKIP LOCKED),
            claimed AS (
                INSERT INTO extract_schedule (target_id, kind, last_run_at, due_at)
                SELECT competitor_id, 'store', now(), NULL FROM due
                ON CONFLICT (target_id) DO UPDATE SET last_run_at = now(), due_at = NULL
                RETURNING target_id)
            SELECT c.competitor_id, c.user_id, c.url, c.platform FROM tracked_competitor c
            JOIN claimed d ON d.target_id = c.competitor_id
            """.formatted(CADENCE.formatted("c.user_id"));

    private final Pool pool;
    private final ExtractConfig config;

    public TrackedTargets(Pool pool, ExtractConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public Uni<Void> applyProduct(ProductStateEvent event) {
        ProductStateEvent.Data d = event.data();
        if (Boolean.TRUE.equals(d.deleted())) {
            return removeProduct(d.productId());
        }
        Tuple args = Tuple.tuple().addUUID(d.productId()).addString(d.productKey()).addString(d.asin())
                .addString(d.url()).addUUID(d.competitorId())
                .addArrayOfUUID(d.trackers().stream().distinct().toArray(UUID[]::new))
                .addOffsetDateTime(event.occurredAt().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(UPSERT_PRODUCT).execute(args).replaceWithVoid();
    }

    public Uni<Void> removeProduct(UUID productId) {
        return pool.withTransaction(conn -> conn.preparedQuery("DELETE FROM tracked_product WHERE product_id = $1")
                .execute(Tuple.of(productId))
                .call(() -> conn.preparedQuery("DELETE FROM extract_schedule WHERE target_id = $1").execute(Tuple.of(productId))))
                .replaceWithVoid();
    }

    public Uni<Void> applyCompetitor(CompetitorStateEvent event) {
        CompetitorStateEvent.Data d = event.data();
        if (Boolean.TRUE.equals(d.deleted())) {
            return removeCompetitor(d.competitorId());
        }
        Tuple args = Tuple.tuple().addUUID(d.competitorId()).addUUID(d.userId()).addString(d.name())
                .addString(d.url()).addString(d.platform()).addString(d.status())
                .addOffsetDateTime(event.occurredAt().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(UPSERT_COMPETITOR).execute(args).replaceWithVoid();
    }

    /** A deleted store: no more scans, and its products' scan history goes with it. */
    public Uni<Void> removeCompetitor(UUID competitorId) {
        Tuple id = Tuple.of(competitorId);
        return pool.withTransaction(conn -> conn.preparedQuery("DELETE FROM tracked_competitor WHERE competitor_id = $1")
                .execute(id)
                .call(() -> conn.preparedQuery("DELETE FROM extract_schedule WHERE target_id = $1").execute(id))
                .call(() -> conn.preparedQuery("DELETE FROM store_products WHERE competitor_id = $1").execute(id)))
                .replaceWithVoid();
    }

    /** Due products (or, with {@code all}, every tracked one), marked fetched now. */
    public Uni<List<ProductTarget>> claimProducts(boolean all, int limit) {
        return pool.preparedQuery(CLAIM_PRODUCTS).execute(claimArgs(all, limit))
                .map(rows -> {
                    List<ProductTarget> targets = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        targets.add(new ProductTarget(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3)));
                    }
                    return targets;
                });
    }

    /** Due active stores (or, with {@code all}, every active one), marked scanned now. */
    public Uni<List<StoreTarget>> claimStores(boolean all, int limit) {
        return pool.preparedQuery(CLAIM_STORES).execute(claimArgs(all, limit))
                .map(rows -> {
                    List<StoreTarget> targets = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        targets.add(new StoreTarget(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3)));
                    }
                    return targets;
                });
    }

    private Tuple claimArgs(boolean all, int limit) {
        ExtractConfig.Cadence cadence = config.cadence();
        return Tuple.tuple().addBoolean(all).addDouble(seconds(cadence.hourly())).addDouble(seconds(cadence.daily()))
                .addDouble(seconds(cadence.weekly())).addInteger(limit);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
