package io.shelfwatch.competition.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.competition.service.CompetitorService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Finished store scans from etl-service move each competitor's `last_scanned` and `product_count`. */
@ApplicationScoped
public class ScansConsumer {

    private final RecordParser parser;
    private final CompetitorService competitors;

    public ScansConsumer(RecordParser parser, CompetitorService competitors) {
        this.parser = parser;
        this.competitors = competitors;
    }

    @Incoming("scans")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        ScanFinishedEvent.Data scan = parser.parse(record, ScanFinishedEvent.class).data();
        return RetriedApply.of(record, () -> competitors.recordScan(scan));
    }
}
