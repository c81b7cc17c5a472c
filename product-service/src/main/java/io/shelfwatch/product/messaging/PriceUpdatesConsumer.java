package io.shelfwatch.product.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.product.service.AsinCatalogService;
import io.shelfwatch.product.service.CatalogService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Every observation that changed a product: catalog and history first, then the cache (see RetriedApply). */
@ApplicationScoped
public class PriceUpdatesConsumer {

    private final RecordParser parser;
    private final CatalogService catalog;
    private final AsinCatalogService asinCatalog;

    public PriceUpdatesConsumer(RecordParser parser, CatalogService catalog, AsinCatalogService asinCatalog) {
        this.parser = parser;
        this.catalog = catalog;
        this.asinCatalog = asinCatalog;
    }

    @Incoming("price-updates")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        PriceUpdateEvent event = parser.parse(record, PriceUpdateEvent.class);
        return RetriedApply.of(record, () -> catalog.apply(event)
                .flatMap(product -> product == null ? Uni.createFrom().voidItem() : asinCatalog.refreshed(product)));
    }
}
