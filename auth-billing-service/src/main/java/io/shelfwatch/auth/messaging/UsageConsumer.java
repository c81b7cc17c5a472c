package io.shelfwatch.auth.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.auth.service.UsageService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the usage read model from the `usage` topic (product- and competition-service counts). */
@ApplicationScoped
public class UsageConsumer {

    private final RecordParser parser;
    private final UsageService usage;

    public UsageConsumer(RecordParser parser, UsageService usage) {
        this.parser = parser;
        this.usage = usage;
    }

    @Incoming("usage")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        UsageEvent event = parser.parse(record, UsageEvent.class);
        return RetriedApply.of(record, () -> usage.record(event));
    }
}
