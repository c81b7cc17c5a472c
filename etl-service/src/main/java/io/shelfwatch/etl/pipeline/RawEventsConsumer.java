package io.shelfwatch.etl.pipeline;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.shelfwatch.etl.messaging.RecordParser;
import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The pipeline's input: every raw observation, continuously. An event that can never be applied
 * is kept as `failed` and goes to `product.raw-events.dlq` with the reason; a transient failure
 * (database unreachable) is retried before the record is given up.
 */
@ApplicationScoped
public class RawEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RawEventsConsumer.class);

    private final RecordParser parser;
    private final PipelineService pipeline;

    public RawEventsConsumer(RecordParser parser, PipelineService pipeline) {
        this.parser = parser;
        this.pipeline = pipeline;
    }

    @Incoming("raw-events-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // Not a compacted topic: a null value carries no observation.
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> parser.parse(record, RawEventRecord.class))
                .flatMap(event -> pipeline.apply(event)
                        .onFailure(e -> !(e instanceof InvalidRecordException))
                        .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                        .onFailure(InvalidRecordException.class)
                        .call(e -> pipeline.recordFailure(event, e.getMessage())))
                .onFailure().invoke(e -> LOG.warnf("raw event on partition %d offset %d not applied: %s",
                        record.partition(), record.offset(), e.toString()))
                .replaceWithVoid();
    }
}
