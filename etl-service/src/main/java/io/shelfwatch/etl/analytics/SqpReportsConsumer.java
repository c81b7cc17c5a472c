package io.shelfwatch.etl.analytics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.etl.messaging.RecordParser;
import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import io.shelfwatch.etl.messaging.RetriedApply;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Report documents connector-service fetched from Amazon (sqp.reports): decoded, checked against
 * Amazon's schema and loaded like an upload. A record that can never load goes to sqp.reports.dlq.
 */
@ApplicationScoped
public class SqpReportsConsumer {

    private final RecordParser parser;
    private final SqpReportReader reader;
    private final SqpLoadService loads;

    public SqpReportsConsumer(RecordParser parser, SqpReportReader reader, SqpLoadService loads) {
        this.parser = parser;
        this.reader = reader;
        this.loads = loads;
    }

    @Incoming("sqp-reports")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        SqpReportRecord event = parser.parse(record, SqpReportRecord.class);
        SqpReport report;
        try {
            report = reader.readCompressed(event.data().document());
        } catch (SqpReportReader.InvalidReportException e) {
            throw new InvalidRecordException(e.getMessage());
        }
        return RetriedApply.of(record, () -> loads.fromConnector(event.eventId(), event.data().userId(),
                event.data().brandId(), event.data().reportId(), report));
    }
}
