package io.shelfwatch.product.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import io.shelfwatch.product.Competitor;
import io.shelfwatch.product.PricePoint;
import io.shelfwatch.product.Product;
import io.shelfwatch.product.mapping.PageView;
import io.shelfwatch.product.mapping.ProductViews;
import io.shelfwatch.product.mapping.ProductViews.TrackedProduct;
import io.shelfwatch.product.repository.CompetitorRepository;
import io.shelfwatch.product.repository.PricePointRepository;
import io.shelfwatch.product.repository.ProductRepository;
import io.shelfwatch.product.repository.TrackingRepository;
import io.shelfwatch.product.repository.TrackingRepository.SortBy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/** Docs C and E product reads: only what the caller tracks, or the stores the caller owns. */
@ApplicationScoped
public class ProductQueryService {

    private final ProductRepository products;
    private final TrackingRepository tracking;
    private final PricePointRepository history;
    private final CompetitorRepository competitors;

    public ProductQueryService(ProductRepository products, TrackingRepository tracking, PricePointRepository history,
            CompetitorRepository competitors) {
        this.products = products;
        this.tracking = tracking;
        this.history = history;
        this.competitors = competitors;
    }

    public Uni<PageView<TrackedProduct>> tracked(UUID userId, String status, SortBy sortBy, long offset, int limit,
            int page) {
        return tracking.trackedBy(userId, status, null, sortBy, offset, limit)
                .flatMap(rows -> tracking.countTrackedBy(userId, status, null)
                        .flatMap(total -> views(rows).map(items -> new PageView<>(items, total, page, limit))));
    }

    /** A product with its full history, for a caller who tracks it; anyone else gets 404. */
    public Uni<TrackedProduct> trackedOne(UUID userId, UUID productId) {
        return tracking.isTracking(userId, productId).flatMap(visible -> visible ? products.findById(productId)
                : Uni.createFrom().<Product>nullItem())
                .onItem().ifNull().failWith(() -> new NotFoundException(TrackingService.NOT_FOUND))
                .flatMap(product -> views(List.of(product))).map(views -> views.get(0));
    }

    /** A store's products, for its owner; another user's or an unknown store → 404. */
    public Uni<PageView<TrackedProduct>> ofCompetitor(UUID userId, UUID competitorId, String status, SortBy sortBy,
            int page, int perPage) {
        return competitors.findById(competitorId)
                .onItem().ifNull().failWith(() -> new NotFoundException("Competitor not found"))
                .flatMap(competitor -> {
                    if (!competitor.userId.equals(userId)) {
                        return Uni.createFrom().failure(new NotFoundException("Competitor not found"));
                    }
                    return products.storePage(competitorId, status, hql(sortBy), page, perPage)
                            .flatMap(rows -> products.countStore(competitorId, status)
                                    .flatMap(total -> views(rows)
                                            .map(items -> new PageView<>(items, total, page, perPage))));
                });
    }

    private static String hql(SortBy sortBy) {
        return switch (sortBy) {
            case first_seen -> "firstSeen desc nulls last";
            case price -> "price asc nulls last";
            case title -> "title asc nulls last";
            default -> "lastSeen desc nulls last";
        };
    }

    /** One query for the histories and one for the store names of a whole page. */
    private Uni<List<TrackedProduct>> views(List<Product> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = rows.stream().map(p -> p.id).toList();
        List<UUID> competitorIds = rows.stream().map(p -> p.competitorId).filter(Objects::nonNull).distinct()
                .toList();
        Uni<List<Competitor>> stores = competitorIds.isEmpty() ? Uni.createFrom().item(List.of())
                : competitors.list("id in ?1", new ArrayList<>(competitorIds));
        return history.historyOf(ids).flatMap(points -> stores.map(found -> {
            Map<UUID, List<PricePoint>> byProduct = points.stream()
                    .collect(Collectors.groupingBy(p -> p.productId));
            Map<UUID, String> names = found.stream()
                    .collect(Collectors.toMap(c -> c.id, c -> c.name, (a, b) -> a));
            return rows.stream().map(p -> ProductViews.tracked(p,
                    p.competitorId == null ? null : names.get(p.competitorId),
                    byProduct.getOrDefault(p.id, List.of()))).toList();
        }));
    }
}
