package io.shelfwatch.product.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shelfwatch.product.Product;
import io.shelfwatch.product.mapping.PageView;
import io.shelfwatch.product.mapping.ProductViews;
import io.shelfwatch.product.mapping.ProductViews.AsinProduct;
import io.shelfwatch.product.repository.ProductRepository;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/** Doc A's ASIN catalog: read through the stale-while-revalidate cache, the database behind it. */
@ApplicationScoped
public class AsinCatalogService {

    private static final Logger LOG = Logger.getLogger(AsinCatalogService.class);
    static final String NOT_FOUND = "Product not found";

    /** Doc A's ProductResponse; {@code data} is the cache entry's product JSON, written as it is. */
    public record ProductResponse(@JsonRawValue @Schema(implementation = AsinProduct.class) String data, boolean cached,
            @JsonProperty("stale_at") @Schema(format = "date-time") String staleAt) {
    }

    /** Doc A's BatchProductItem; {@code data} as in {@link ProductResponse}. */
    public record BatchItem(String asin, boolean success,
            @JsonRawValue @Schema(implementation = AsinProduct.class) String data, String error, boolean cached,
            @JsonProperty("stale_at") @Schema(format = "date-time") String staleAt) {
    }

    /** Doc A's BatchProductResponse. */
    public record BatchResponse(@JsonProperty("total_requested") int totalRequested,
            @JsonProperty("total_success") int totalSuccess, @JsonProperty("total_failed") int totalFailed,
            List<BatchItem> items, @JsonProperty("processed_at") Instant processedAt) {
    }

    private final ProductRepository products;
    private final ProductCache cache;
    private final Vertx vertx;
    private final Counter refreshes;

    public AsinCatalogService(ProductRepository products, ProductCache cache, Vertx vertx, MeterRegistry meters) {
        this.products = products;
        this.cache = cache;
        this.vertx = vertx;
        this.refreshes = Counter.builder("product_cache_background_refreshes_total")
                .description("Stale cache entries refreshed from the database in the background").register(meters);
    }

    public String productKey(String asin) {
        return "asin:" + asin;
    }

    /** Fresh hit → cached; stale hit → cached now and one refresh in the background; miss → database, then cache. */
    public Uni<ProductResponse> get(String asin) {
        return cache.get(asin).flatMap(entry -> {
            if (entry != null) {
                if (!entry.fresh(ProductCache.stamp(Instant.now()))) {
                    refreshInBackground(asin);
                }
                return Uni.createFrom().item(new ProductResponse(entry.data(), true, entry.staleAt()));
            }
            return products.findByKey(productKey(asin))
                    .onItem().ifNull().failWith(() -> new NotFoundException(NOT_FOUND))
                    .flatMap(product -> cache.put(ProductViews.asinProduct(product)))
                    .map(stored -> new ProductResponse(stored.data(), false, stored.staleAt()));
        });
    }

    /** One MGET for all, one database query for the misses. */
    public Uni<BatchResponse> batch(List<String> asins) {
        List<String> distinct = ProductCache.distinct(asins);
        return cache.getAll(distinct).flatMap(hits -> {
            String now = ProductCache.stamp(Instant.now());
            hits.forEach((asin, entry) -> {
                if (!entry.fresh(now)) {
                    refreshInBackground(asin);
                }
            });
            List<String> missKeys = distinct.stream().filter(asin -> !hits.containsKey(asin)).map(this::productKey)
                    .toList();
            return products.findByKeys(missKeys).flatMap(found -> cacheAll(found)).map(loaded -> {
                List<BatchItem> items = new ArrayList<>();
                for (String asin : asins) {
                    ProductCache.Entry hit = hits.get(asin);
                    ProductCache.Entry fromDb = loaded.get(asin);
                    if (hit != null) {
                        items.add(new BatchItem(asin, true, hit.data(), null, true, hit.staleAt()));
                    } else if (fromDb != null) {
                        items.add(new BatchItem(asin, true, fromDb.data(), null, false, fromDb.staleAt()));
                    } else {
                        items.add(new BatchItem(asin, false, null, NOT_FOUND, false, null));
                    }
                }
                int success = (int) items.stream().filter(BatchItem::success).count();
                return new BatchResponse(asins.size(), success, asins.size() - success, items,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS));
            });
        });
    }

    public Uni<PageView<AsinProduct>> list(int page, int perPage) {
        return products.asinPage(page, perPage).flatMap(rows -> products.countAsins()
                .map(total -> new PageView<>(rows.stream().map(ProductViews::asinProduct).toList(), total, page,
                        perPage)));
    }

    /** After a price.updates record: the next read is a fresh hit with the new values. */
    public Uni<Void> refreshed(Product product) {
        return product.asin == null || !product.productKey.equals(productKey(product.asin))
                ? Uni.createFrom().voidItem()
                : cache.put(ProductViews.asinProduct(product)).replaceWithVoid();
    }

    private Uni<Map<String, ProductCache.Entry>> cacheAll(List<Product> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<ProductCache.Entry>> puts = found.stream().map(p -> cache.put(ProductViews.asinProduct(p))).toList();
        return Uni.join().all(puts).andFailFast()
                .map(entries -> {
                    Map<String, ProductCache.Entry> byAsin = new HashMap<>();
                    for (int i = 0; i < found.size(); i++) {
                        byAsin.put(found.get(i).asin, entries.get(i));
                    }
                    return byAsin;
                });
    }

    /**
     * Only the caller that takes the key's lock refreshes (the lock is left to expire, so a
     * request that read the old entry just before the refresh landed cannot start another); it runs on its own context, so the
     * request that noticed the stale entry answers at once.
     */
    private void refreshInBackground(String asin) {
        var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // Its own database session, apart from the request's: Panache needs the context marked safe.
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> cache.lockRefresh(asin)
                .flatMap(locked -> locked ? reload(asin) : Uni.createFrom().voidItem())
                .subscribe().with(done -> {
                }, failure -> LOG.warnf("Background refresh of %s failed: %s", asin, failure.toString())));
    }

    private Uni<Void> reload(String asin) {
        return products.findByKey(productKey(asin))
                .flatMap(product -> product == null ? cache.evict(asin)
                        : cache.put(ProductViews.asinProduct(product)).replaceWithVoid())
                .invoke(() -> refreshes.increment());
    }
}
