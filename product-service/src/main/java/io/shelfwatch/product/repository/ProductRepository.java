package io.shelfwatch.product.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.shelfwatch.product.Product;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    /**
     * Doc A's catalog: Amazon products of the default marketplace, whose key is the bare
     * `asin:{ASIN}` (DESIGN.md, Product identity) that `/v1/products/{asin}` and `/batch` look up.
     * A product of another marketplace (`asin:{marketplace}:{ASIN}`) or a store product that
     * carries an ASIN is not listed, so the list shows nothing its lookups cannot open.
     */
    private static final String DEFAULT_MARKETPLACE_ASINS = "productKey = concat('asin:', asin)";

    public Uni<Product> findByKey(String productKey) {
        return find("productKey", productKey).firstResult();
    }

    /** One query for any number of keys (the batch endpoint's misses). */
    public Uni<List<Product>> findByKeys(Collection<String> productKeys) {
        return productKeys.isEmpty() ? Uni.createFrom().item(List.of()) : list("productKey in ?1", productKeys);
    }

    /** Creates the row for a key unless it exists (concurrent creators agree on one UUID), then loads it. */
    public Uni<Product> ensure(String productKey, String asin, String url, UUID competitorId) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO products (id, product_key, asin, url, competitor_id, status, created_at, updated_at)"
                        + " VALUES (:id, :key, :asin, :url, :competitor, 'active', now(), now())"
                        + " ON CONFLICT (product_key) DO NOTHING")
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", productKey)
                .setParameter("asin", asin)
                .setParameter("url", url)
                .setParameter("competitor", competitorId)
                .executeUpdate())
                .flatMap(inserted -> findByKey(productKey));
    }

    public Uni<List<Product>> asinPage(int page, int perPage) {
        return pageOf(find(DEFAULT_MARKETPLACE_ASINS, Sort.by("asin")), page, perPage);
    }

    /** One page of a competitor store's products, optionally of one status, in `order` (HQL). */
    public Uni<List<Product>> storePage(UUID competitorId, String status, String order, int page, int perPage) {
        return pageOf(status == null
                ? find("competitorId = ?1 order by " + order + ", id", competitorId)
                : find("competitorId = ?1 and status = ?2 order by " + order + ", id", competitorId, status),
                page, perPage);
    }

    public Uni<Long> countStore(UUID competitorId, String status) {
        return status == null ? count("competitorId", competitorId)
                : count("competitorId = ?1 and status = ?2", competitorId, status);
    }

    /** A store's active products its owner does not track, first seen first. */
    public Uni<List<Product>> untrackedStoreProducts(UUID competitorId, UUID ownerId) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "SELECT p.* FROM products p WHERE p.competitor_id = :competitor AND p.status = 'active'"
                        + " AND NOT EXISTS (SELECT 1 FROM tracking t WHERE t.product_id = p.id AND t.user_id = :owner)"
                        + " ORDER BY p.first_seen NULLS LAST, p.id", Product.class)
                .setParameter("competitor", competitorId).setParameter("owner", ownerId)
                .getResultList());
    }

    public Uni<Long> countAsins() {
        return count(DEFAULT_MARKETPLACE_ASINS);
    }

    /**
     * One page of a query. Hibernate takes the first row as an int, so a page starting beyond it
     * (`page` may be as large as an int goes) is answered empty without asking: no table here holds
     * that many rows, and the caller's count still gives the real total.
     */
    private static Uni<List<Product>> pageOf(PanacheQuery<Product> query, int page, int perPage) {
        long first = (page - 1L) * perPage;
        if (first + perPage - 1 > Integer.MAX_VALUE) {
            return Uni.createFrom().item(List.of());
        }
        return query.range((int) first, (int) (first + perPage - 1)).list();
    }
}
