package io.shelfwatch.etl.analytics;

import java.util.UUID;

import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Both ways a report document comes in (the REST upload and sqp.reports) load through here. */
@ApplicationScoped
public class SqpLoadService {

    private final BrandRepository brands;
    private final SqpStore store;

    public SqpLoadService(BrandRepository brands, SqpStore store) {
        this.brands = brands;
        this.store = store;
    }

    /** A user's upload: only into their own brand (any other answers as unknown). */
    public Uni<SqpStore.LoadResult> upload(UUID userId, UUID brandId, SqpReport report) {
        return store.pool().withTransaction(tx -> brands.find(tx, brandId, true).flatMap(brand -> {
            if (brand == null || !brand.userId().equals(userId)) {
                return Uni.createFrom().failure(AnalyticsException.brandNotFound());
            }
            return store.load(tx, brandId, report, null);
        }));
    }

    /**
     * A document connector-service fetched for the user's brand: applied once per event_id; the brand
     * is created for the user when etl-service has not seen it yet. A record naming another user's
     * brand can never be applied.
     */
    public Uni<Void> fromConnector(UUID eventId, UUID userId, UUID brandId, String reportId, SqpReport report) {
        return store.pool().withTransaction(tx -> tx
                .preparedQuery("INSERT INTO sqp_consumed_event (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(eventId))
                .flatMap(inserted -> {
                    if (inserted.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    return brands.find(tx, brandId, true)
                            .flatMap(brand -> brand != null ? Uni.createFrom().item(brand)
                                    : brands.create(tx, brandId, userId, defaultName(brandId))
                                            .flatMap(created -> brands.find(tx, brandId, true)))
                            .flatMap(brand -> {
                                if (brand == null || !brand.userId().equals(userId)) {
                                    return Uni.createFrom().failure(new InvalidRecordException(
                                            "brand " + brandId + " does not belong to user " + userId));
                                }
                                return store.load(tx, brandId, report, reportId).replaceWithVoid();
                            });
                }));
    }

    /** Amazon's report carries no brand name; the user can see the brand by this name until they create it themselves. */
    static String defaultName(UUID brandId) {
        return "Brand " + brandId.toString().substring(0, 8);
    }
}
