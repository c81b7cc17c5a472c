package io.shelfwatch.etl.extract;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import io.shelfwatch.etl.ingest.RawEventPublisher;
import io.shelfwatch.etl.ingest.RawProductEvent;
import io.shelfwatch.etl.pipeline.SnapshotLimits;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends what the extractor saw on `product.raw-events`, the path every observation takes, after
 * holding back an implausible price (quarantine, noted in the job's log).
 */
@ApplicationScoped
public class ObservationPublisher {

    public static final String SCRAPER = "scraper";
    public static final String STORE_SCAN = "store_scan";

    /** Where an observation belongs: its product and, for a store product, the store. */
    public record Subject(String productKey, String asin, String url, UUID competitorId, String source) {
    }

    private final RawEventPublisher publisher;
    private final PriceWatch priceWatch;

    public ObservationPublisher(RawEventPublisher publisher, PriceWatch priceWatch) {
        this.publisher = publisher;
        this.priceWatch = priceWatch;
    }

    /** Publishes the snapshot (its price withheld when quarantined); answers whether the price went out. */
    public Uni<Boolean> snapshot(RunLog log, Subject subject, ParsedProduct parsed, String pageUrl) {
        if (parsed.price() != null && !SnapshotLimits.isPrice(parsed.price())) {
            // A misread page (no consumer could store it): neither published nor remembered as the last price.
            parsed.withhold(ParsedProduct.PRICE, "out of range");
        }
        BigDecimal price = parsed.price();
        return priceWatch.judge(subject.productKey(), price).flatMap(verdict -> {
            if (!verdict.publish()) {
                parsed.withhold(ParsedProduct.PRICE, "quarantined");
                log.add(subject.productKey(), subject.url(), RunLog.QUARANTINED, verdict.quarantineReason());
            }
            Map<String, Object> raw = RawData.of(parsed, pageUrl);
            RawProductEvent event = new RawProductEvent(subject.productKey(), subject.asin(), subject.url(),
                    subject.competitorId(), subject.source(), "product_snapshot", raw, log.jobId().toString());
            return publisher.publish(event)
                    .call(() -> verdict.publish() ? priceWatch.published(subject.productKey(), price)
                            : Uni.createFrom().voidItem())
                    .map(sent -> verdict.publish() && price != null);
        });
    }

    /** The product is gone from its store. */
    public Uni<Void> removed(RunLog log, Subject subject) {
        Map<String, Object> raw = subject.url() == null ? Map.of() : Map.of("url", subject.url());
        RawProductEvent event = new RawProductEvent(subject.productKey(), subject.asin(), subject.url(),
                subject.competitorId(), subject.source(), "product_removed", raw, log.jobId().toString());
        return publisher.publish(event).replaceWithVoid();
    }
}
