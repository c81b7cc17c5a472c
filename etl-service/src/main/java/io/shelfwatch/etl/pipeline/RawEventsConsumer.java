package io.shelfwatch.etl.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import io.shelfwatch.etl.rest.RequestIdFilter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The pipeline's input: every raw observation, continuously, a poll's worth of records at a
 * time, each batch applied in one transaction. A record that can never be applied goes to
 * `product.raw-events.dlq` with the reason (and, when it had an event id, is kept as `failed`)
 * while the rest of its batch goes on. A batch whose transaction fails is retried whole; if it
 * keeps failing, its records are applied one by one, so one that cannot be written is set aside
 * on the DLQ and the others still are.
 */
@ApplicationScoped
public class RawEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RawEventsConsumer.class);

    /** A record that cannot be parsed or applied, and why. */
    private record Dead(ConsumerRecord<String, String> record, String reason) {
    }

    /** A parsed record with the entry it became. */
    private record Entry(ConsumerRecord<String, String> record, PendingEvent event) {
    }

    private final RawEventParser parser;
    private final PipelineService pipeline;
    private final MutinyEmitter<String> deadLetters;

    public RawEventsConsumer(RawEventParser parser, PipelineService pipeline,
            @Channel("raw-events-dlq") MutinyEmitter<String> deadLetters) {
        this.parser = parser;
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
    }

    // Parsing and validating a batch is CPU work of tens of milliseconds: on a worker thread, it does not
    // hold up the event loop the database and Kafka replies (the outbox relay's among them) arrive on.
    @Incoming("raw-events-in")
    @Blocking
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        long startNanos = System.nanoTime();
        List<Entry> entries = new ArrayList<>(records.count());
        List<Dead> dead = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                // Not a compacted topic: a null value carries no observation.
                continue;
            }
            try {
                String requestId = requestIdOf(record);
                if (requestId != null) {
                    MDC.put(RequestIdFilter.MDC_KEY, requestId);
                }
                RawEventParser.Parsed parsed = parser.parse(record.value());
                entries.add(new Entry(record, pipeline.pending(parsed.record(), parsed.rawJson(), requestId, receivedAt)));
            } catch (InvalidRecordException e) {
                dead.add(new Dead(record, e.getMessage()));
            }
        }
        long parsed = System.nanoTime();
        return applyBatch(entries)
                .invoke(() -> LOG.debugf("batch of %d records: parsed in %d ms, applied in %d ms", records.count(),
                        (parsed - startNanos) / 1_000_000, (System.nanoTime() - parsed) / 1_000_000))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("a batch of %d raw events failed after retries (%s); applying them one by one",
                            entries.size(), e.toString());
                    return applyOneByOne(entries);
                })
                .map(failed -> {
                    dead.addAll(failed);
                    return dead;
                })
                .call(this::sendToDlq)
                .replaceWithVoid();
    }

    /** Applies the batch (retried on failure); answers its records kept as failed. */
    private Uni<List<Dead>> applyBatch(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pipeline.applyConsumed(entries.stream().map(Entry::event).toList())
                .onFailure().invoke(e -> LOG.warnf("raw-event batch of %d not applied, retrying: %s", entries.size(),
                        e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .map(outcome -> {
                    Set<java.util.UUID> failedIds = outcome.failed().stream().map(PendingEvent::eventId)
                            .collect(java.util.stream.Collectors.toSet());
                    List<Dead> failed = new ArrayList<>();
                    for (Entry entry : entries) {
                        if (failedIds.remove(entry.event().eventId())) {
                            failed.add(new Dead(entry.record(), entry.event().invalidReason()));
                        }
                    }
                    return failed;
                });
    }

    private Uni<List<Dead>> applyOneByOne(List<Entry> entries) {
        List<Dead> failed = new ArrayList<>();
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(entry -> pipeline.applyConsumed(List.of(entry.event()))
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(2)
                        .invoke(outcome -> outcome.failed()
                                .forEach(e -> failed.add(new Dead(entry.record(), e.invalidReason()))))
                        .replaceWithVoid()
                        .onFailure().recoverWithItem(e -> {
                            failed.add(new Dead(entry.record(), "not applied: " + e.getMessage()));
                            return null;
                        }))
                .collect().last()
                .replaceWith(failed);
    }

    private Uni<Void> sendToDlq(List<Dead> dead) {
        if (dead.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(dead)
                .onItem().transformToUniAndConcatenate(this::sendToDlq)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> sendToDlq(Dead dead) {
        ConsumerRecord<String, String> record = dead.record();
        LOG.warnf("raw event on partition %d offset %d not applied: %s", record.partition(), record.offset(),
                dead.reason());
        // The headers SmallRye's dead-letter strategy writes, so DLQ readers see one shape.
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add("dead-letter-reason", utf8(dead.reason()));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        return deadLetters.sendMessage(Message.of(record.value()).addMetadata(metadata));
    }

    private static byte[] utf8(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    private static String requestIdOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(RequestIdFilter.KAFKA_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
