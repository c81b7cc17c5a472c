package io.shelfwatch.etl.analytics;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Brands, over the reactive SQL client like the rest of the analytics read model (its loads and
 * rollups are set-based SQL that an ORM would only slow down).
 */
@ApplicationScoped
public class BrandRepository {

    private final Pool pool;

    public BrandRepository(Pool pool) {
        this.pool = pool;
    }

    /** A deleted user's brands; every row loaded for them goes too (foreign keys cascade). */
    public Uni<Integer> deleteOfUser(UUID userId) {
        return pool.preparedQuery("DELETE FROM analytics_brand WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.rowCount());
    }

    /** The brand if it exists and belongs to the user; another user's brand is as absent as an unknown one. */
    public Uni<Brand> findOwned(UUID brandId, UUID userId) {
        return pool.preparedQuery("SELECT id, user_id, name FROM analytics_brand WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(brandId, userId))
                .map(rows -> rows.size() == 0 ? null : brand(rows.iterator().next()));
    }

    public Uni<Brand> find(SqlClient client, UUID brandId, boolean lock) {
        return client.preparedQuery("SELECT id, user_id, name FROM analytics_brand WHERE id = $1"
                + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(brandId))
                .map(rows -> rows.size() == 0 ? null : brand(rows.iterator().next()));
    }

    public Uni<List<Brand>> ofUser(UUID userId) {
        return pool.preparedQuery("SELECT id, user_id, name FROM analytics_brand WHERE user_id = $1 ORDER BY lower(name), id")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<Brand> brands = new java.util.ArrayList<>();
                    rows.forEach(row -> brands.add(brand(row)));
                    return brands;
                });
    }

    /** Creates the brand; null when the user already has a brand of that name (any case). */
    public Uni<Brand> create(SqlClient client, UUID brandId, UUID userId, String name) {
        return client.preparedQuery("INSERT INTO analytics_brand (id, user_id, name) VALUES ($1, $2, $3)"
                + " ON CONFLICT DO NOTHING RETURNING id, user_id, name")
                .execute(Tuple.of(brandId, userId, name))
                .map(rows -> rows.size() == 0 ? null : brand(rows.iterator().next()));
    }

    public Uni<Brand> create(UUID userId, String name) {
        return create(pool, UUID.randomUUID(), userId, name);
    }

    private static Brand brand(Row row) {
        return new Brand(row.getUUID("id"), row.getUUID("user_id"), row.getString("name"));
    }
}
