package io.shelfwatch.product.service;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.product.Product;
import io.shelfwatch.product.repository.ProductRepository;
import io.shelfwatch.product.repository.TrackingRepository;
import io.shelfwatch.product.repository.WatchlistRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/**
 * Doc C's watchlist. A user may watch a product they can see: one they track, or doc A's
 * ASIN market data; any other product is not found. Untracking a product takes it off the
 * caller's watchlist too (TrackingService.untrack).
 */
@ApplicationScoped
public class WatchlistService {

    private final WatchlistRepository watchlist;
    private final ProductRepository products;
    private final TrackingRepository tracking;

    public WatchlistService(WatchlistRepository watchlist, ProductRepository products, TrackingRepository tracking) {
        this.watchlist = watchlist;
        this.products = products;
        this.tracking = tracking;
    }

    public Uni<List<Product>> of(UUID userId) {
        return watchlist.productsOf(userId);
    }

    @WithTransaction
    public Uni<Void> add(UUID userId, UUID productId) {
        return visible(userId, productId).flatMap(product -> watchlist.add(userId, product.id)).replaceWithVoid();
    }

    /**
     * The caller's own entry always goes, whatever became of the product since it was added (the
     * entry is the caller's, so removing it shows nothing of anyone else's). Without an entry,
     * removing is harmless for a product the caller can see and not found otherwise.
     */
    @WithTransaction
    public Uni<Void> remove(UUID userId, UUID productId) {
        return watchlist.remove(userId, productId).flatMap(removed -> removed > 0 ? Uni.createFrom().voidItem()
                : visible(userId, productId).replaceWithVoid());
    }

    private Uni<Product> visible(UUID userId, UUID productId) {
        return products.findById(productId)
                .onItem().ifNull().failWith(() -> new NotFoundException(TrackingService.NOT_FOUND))
                .flatMap(product -> product.asin != null && product.competitorId == null
                        ? Uni.createFrom().item(product)
                        : tracking.isTracking(userId, productId).flatMap(tracked -> tracked
                                ? Uni.createFrom().item(product)
                                : Uni.createFrom().failure(new NotFoundException(TrackingService.NOT_FOUND))));
    }
}
