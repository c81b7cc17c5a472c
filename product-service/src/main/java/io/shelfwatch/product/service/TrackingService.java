package io.shelfwatch.product.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.product.Product;
import io.shelfwatch.product.config.ProductConfig;
import io.shelfwatch.product.messaging.ProductEvents;
import io.shelfwatch.product.repository.AccountRepository;
import io.shelfwatch.product.repository.CompetitorRepository;
import io.shelfwatch.product.repository.ProductRepository;
import io.shelfwatch.product.repository.TrackingRepository;
import io.shelfwatch.product.repository.WatchlistRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/**
 * Per-user tracking rows, the plan limit on them, and the records that follow every change:
 * the product's trackers on `products` and the user's count on `usage`.
 */
@ApplicationScoped
public class TrackingService {

    public static final String NOT_FOUND = "Product not found";

    private final ProductRepository products;
    private final TrackingRepository tracking;
    private final WatchlistRepository watchlist;
    private final AccountRepository accounts;
    private final CompetitorRepository competitors;
    private final ProductEvents events;
    private final ProductConfig config;

    public TrackingService(ProductRepository products, TrackingRepository tracking, WatchlistRepository watchlist,
            AccountRepository accounts, CompetitorRepository competitors, ProductEvents events, ProductConfig config) {
        this.products = products;
        this.tracking = tracking;
        this.watchlist = watchlist;
        this.accounts = accounts;
        this.competitors = competitors;
        this.events = events;
        this.config = config;
    }

    /** Same URL, same product; a user already tracking it changes nothing and is not counted twice. */
    @WithTransaction
    public Uni<Product> trackUrl(UUID userId, ProductKeys.Identity identity, String placeholderTitle) {
        return products.ensure(identity.productKey(), identity.asin(), identity.url(), null).flatMap(product -> {
            if (product.title == null) {
                product.title = placeholderTitle;
            }
            return tracking.isTracking(userId, product.id).flatMap(already -> already
                    ? Uni.createFrom().item(product)
                    : lockCount(userId).flatMap(locked -> limitOf(userId))
                            .flatMap(limit -> tracking.countFor(userId).flatMap(count -> {
                                if (limit >= 0 && count >= limit) {
                                    return Uni.createFrom().failure(
                                            new ForbiddenException("Plan limit reached: max_products=" + limit));
                                }
                                return tracking.track(userId, product.id, "url")
                                        .flatMap(added -> announce(product, userId)).replaceWith(product);
                            })));
        });
    }

    /**
     * A competitor store's product seen on `price.updates`: its owner tracks it (via
     * `competitor`) while the plan allows. Over the limit the product stays in the catalog,
     * untracked, and `usage` says `limit_reached` when the product is new, so a scan of a
     * large store does not repeat it for every product it sees again. A product the owner
     * does not track yet is tried again on its next observation (after an upgrade or a
     * DELETE it gets in). A store not yet in the local copy adopts its products when its
     * `competitors` record arrives. Runs in the caller's transaction.
     */
    public Uni<Void> trackForStoreOwner(Product product, boolean firstObservation) {
        if (product.competitorId == null || !"active".equals(product.status)) {
            return Uni.createFrom().voidItem();
        }
        return competitors.findById(product.competitorId).flatMap(store -> store == null
                ? Uni.createFrom().voidItem()
                : lockCount(store.userId)
                        .flatMap(locked -> tracking.isTracking(store.userId, product.id))
                        .flatMap(already -> already ? Uni.createFrom().voidItem()
                                : trackWithinLimit(product, store.userId, firstObservation)));
    }

    private Uni<Void> trackWithinLimit(Product product, UUID ownerId, boolean firstObservation) {
        return limitOf(ownerId).flatMap(limit -> tracking.countFor(ownerId).flatMap(count -> {
            if (limit >= 0 && count >= limit) {
                return firstObservation ? announceUsage(ownerId) : Uni.createFrom().voidItem();
            }
            return tracking.track(ownerId, product.id, "competitor").flatMap(added -> announce(product, ownerId));
        }));
    }

    /**
     * A store that just entered the local copy: its owner tracks the active products already
     * in the catalog, oldest first, up to the plan's limit. Runs in the caller's transaction.
     */
    public Uni<Void> adoptStoreProducts(UUID competitorId, UUID ownerId) {
        return lockCount(ownerId).flatMap(locked -> limitOf(ownerId)).flatMap(limit -> tracking.countFor(ownerId)
                .flatMap(count -> {
                    long room = limit < 0 ? Long.MAX_VALUE : Math.max(0, limit - count);
                    return products.untrackedStoreProducts(competitorId, ownerId).flatMap(found -> {
                        if (found.isEmpty()) {
                            return Uni.createFrom().voidItem();
                        }
                        List<Product> adopted = found.stream().limit(room).toList();
                        return Multi.createFrom().iterable(adopted)
                                .onItem().transformToUniAndConcatenate(product -> tracking
                                        .track(ownerId, product.id, "competitor")
                                        .flatMap(added -> announceState(product)))
                                .collect().last()
                                .flatMap(done -> announceUsage(ownerId));
                    });
                }));
    }

    /**
     * Serialises the limit check of one user across transactions and replicas (a REST track
     * and a store scan at once), so the count read is the count written against.
     */
    private Uni<Void> lockCount(UUID userId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:user, 0))", Integer.class)
                .setParameter("user", "tracking:" + userId)
                .getSingleResult()).replaceWithVoid();
    }

    /**
     * Ends the caller's tracking; a product the caller does not track is not found. Doc C's DELETE
     * removes a product "and all its associated data": for the caller, that is their watchlist entry
     * too, so the product leaves their profile and its live pushes to them stop.
     */
    @WithTransaction
    public Uni<Void> untrack(UUID userId, UUID productId) {
        return tracking.untrack(userId, productId).flatMap(removed -> {
            if (!removed) {
                return Uni.createFrom().failure(new NotFoundException(NOT_FOUND));
            }
            return watchlist.remove(userId, productId)
                    .flatMap(unwatched -> products.findById(productId))
                    .flatMap(product -> announce(product, userId));
        });
    }

    /**
     * A competitor deleted: its products' tracking goes, and fetching them stops. A store product is
     * seen only by those tracking it, so the watchlist entries of those who no longer do go too
     * (as on untrack). Runs in the caller's transaction.
     */
    public Uni<Void> endStoreTracking(UUID competitorId) {
        String rows = " FROM tracking t USING products p WHERE t.product_id = p.id AND p.competitor_id = :competitor"
                + " AND t.via = 'competitor'";
        String unseenWatched = "DELETE FROM watchlist w USING products p WHERE w.product_id = p.id"
                + " AND p.competitor_id = :competitor"
                + " AND NOT EXISTS (SELECT 1 FROM tracking t WHERE t.user_id = w.user_id AND t.product_id = w.product_id)";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT t.user_id, t.product_id FROM tracking t JOIN products p ON t.product_id = p.id"
                        + " WHERE p.competitor_id = :competitor AND t.via = 'competitor'", Object[].class)
                .setParameter("competitor", competitorId)
                .getResultList()
                .flatMap(ended -> session.createNativeQuery("DELETE" + rows)
                        .setParameter("competitor", competitorId).executeUpdate()
                        .flatMap(deleted -> session.createNativeQuery(unseenWatched)
                                .setParameter("competitor", competitorId).executeUpdate())
                        .flatMap(unwatched -> announceRemoved(ended))));
    }

    /** A user deleted: their tracking and watchlist go. Runs in the caller's transaction. */
    public Uni<Void> endUserTracking(UUID userId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT product_id FROM tracking WHERE user_id = :user", UUID.class)
                .setParameter("user", userId)
                .getResultList()
                .flatMap(ended -> session.createNativeQuery("DELETE FROM watchlist WHERE user_id = :user")
                        .setParameter("user", userId).executeUpdate()
                        .flatMap(watched -> session.createNativeQuery("DELETE FROM tracking WHERE user_id = :user")
                                .setParameter("user", userId).executeUpdate())
                        .flatMap(deleted -> announceProducts(ended))));
    }

    private Uni<Void> announceRemoved(List<Object[]> rows) {
        List<UUID> users = rows.stream().map(row -> (UUID) row[0]).distinct().toList();
        List<UUID> productIds = rows.stream().map(row -> (UUID) row[1]).distinct().toList();
        return announceProducts(productIds).flatMap(done -> Multi.createFrom().iterable(users)
                .onItem().transformToUniAndConcatenate(this::announceUsage).collect().last()).replaceWithVoid();
    }

    private Uni<Void> announceProducts(List<UUID> productIds) {
        if (productIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return products.list("id in ?1", new ArrayList<>(productIds)).flatMap(found -> Multi.createFrom()
                .iterable(found)
                .onItem().transformToUniAndConcatenate(this::announceState)
                .collect().last()).replaceWithVoid();
    }

    /** The product's trackers and the user's count, published with the change. */
    private Uni<Void> announce(Product product, UUID userId) {
        return announceState(product).flatMap(done -> announceUsage(userId));
    }

    private Uni<Void> announceState(Product product) {
        return tracking.trackers(product.id).flatMap(trackers -> events.productState(product, trackers));
    }

    private Uni<Void> announceUsage(UUID userId) {
        return limitOf(userId).flatMap(limit -> tracking.countFor(userId)
                .flatMap(count -> events.productsTracked(userId, count, limit, limit >= 0 && count >= limit)));
    }

    /** max_products from the local copy of account.events; the free plan's until the account arrives. */
    private Uni<Integer> limitOf(UUID userId) {
        return accounts.findById(userId)
                .map(account -> account != null ? account.maxProducts : config.fallbackMaxProducts());
    }
}
