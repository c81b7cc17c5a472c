package io.shelfwatch.etl.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shelfwatch.etl.config.EtlConfig;
import io.shelfwatch.etl.rest.RequestIdFilter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves committed outbox events to Kafka, a batch at a time. An event leaves the outbox only after
 * the broker acknowledged it, in the transaction that locked it; a crash in between sends it
 * again, which consumers absorb by `event_id`. The pipeline wakes the relay as soon as a batch
 * commits; the poll catches everything else (jobs, requests, a wake-up lost to a failure).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    // Rows another replica is relaying are skipped, so every event is sent by one replica at a time, in write order.
    // A sent row is deleted rather than marked: nothing reads sent rows, and a delete writes no new row version
    // and no index entries (marking them cost as much as writing them and left the table growing for ever). The
    // delete commits only after the broker acknowledged every record; until then the rows stay locked, and a
    // failure or a crash rolls it back, so they are sent again.
    // The batch's keys go to the DELETE as an array, not as a join: the pool's prepared statement runs on a
    // generic plan ($1 unknown, so the LIMIT looked like a tenth of the table), and for the join that plan
    // hashed the whole outbox on every batch (278 ms at a 200,000-row backlog, up to 93 s a batch in the
    // ingest bench). Looking keys up in the primary key is two index scans whatever the table's statistics say.
    private static final String TAKE_UNSENT = """
            DELETE FROM outbox
             WHERE seq = ANY (ARRAY(SELECT seq FROM outbox ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED))
            RETURNING seq, topic, record_key, payload, request_id
            """;

    // The delete need not wait for its WAL flush: lost in a crash, it only sends its events again, which the
    // relay does after any failure anyway. Flushes are slowest while a checkpoint writes, and each one sat on
    // every event's way to Kafka.
    private static final String NO_FLUSH_WAIT = "SET LOCAL synchronous_commit = off";

    private static final String CHANNEL = "outbox";

    private final Pool pool;
    private final KafkaClientService kafka;
    private final EtlConfig config;
    private final String topicPrefix;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();

    // The channel's emitter is never sent to (see sendAll): injected, it keeps the channel and its producer.
    public OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<String> emitter, KafkaClientService kafka,
            EtlConfig config, @ConfigProperty(name = "shelfwatch.topic-prefix") Optional<String> topicPrefix) {
        this.pool = pool;
        this.kafka = kafka;
        this.config = config;
        // Empty in a normal deployment (an empty value reads as absent); set for tests and benchmarks.
        this.topicPrefix = topicPrefix.orElse("");
    }

    @Scheduled(every = "${etl.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        wake();
    }

    /** Relays until nothing is left; a call while the relay runs makes it look once more when done. */
    public void wake() {
        wokenWhileRunning.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        wokenWhileRunning.set(false);
        drain().subscribe().with(ignored -> finished(), e -> {
            LOG.warnf("outbox relay failed, the next poll retries: %s", e.toString());
            running.set(false);
        });
    }

    private void finished() {
        running.set(false);
        if (wokenWhileRunning.get()) {
            wake();
        }
    }

    private Uni<Void> drain() {
        return relayBatch().flatMap(sent -> sent >= config.outbox().batchSize() ? drain() : Uni.createFrom().voidItem());
    }

    /** Sends one batch; answers how many events went out. */
    public Uni<Integer> relayBatch() {
        long start = System.nanoTime();
        return pool.withTransaction(conn -> conn.query(NO_FLUSH_WAIT).execute()
                .flatMap(ignored -> conn.preparedQuery(TAKE_UNSENT).execute(Tuple.of(config.outbox().batchSize())))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    // RETURNING gives no order: write order is seq.
                    List<Row> taken = new ArrayList<>(rows.size());
                    rows.forEach(taken::add);
                    taken.sort(Comparator.comparingLong(row -> row.getLong("seq")));
                    return sendAll(taken).replaceWith(taken.size());
                })).invoke(sent -> LOG.debugf("relayed %d outbox events in %d ms", (Object) sent,
                        (System.nanoTime() - start) / 1_000_000));
    }

    /**
     * Hands the batch to the channel's Kafka producer itself, in write order (so records of one key keep
     * their order on the partition), and completes once the broker acknowledged every record. Going through
     * the emitter cost a Mutiny pipeline, context propagation and metadata per record: the largest share of
     * the service's CPU when the pipeline ran flat out.
     */
    private Uni<Void> sendAll(List<Row> rows) {
        List<ProducerRecord<String, String>> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            RecordHeaders headers = new RecordHeaders();
            String requestId = row.getString("request_id");
            if (requestId != null) {
                headers.add(RequestIdFilter.KAFKA_HEADER, requestId.getBytes(StandardCharsets.UTF_8));
            }
            records.add(new ProducerRecord<>(topicPrefix + row.getString("topic"), null, row.getString("record_key"),
                    row.getString("payload"), headers));
        }
        KafkaProducer<String, String> producer = kafka.getProducer(CHANNEL);
        return Uni.createFrom().emitter(done -> {
            AtomicInteger unacknowledged = new AtomicInteger(records.size());
            AtomicBoolean failed = new AtomicBoolean();
            Callback acknowledged = (metadata, e) -> {
                if (e != null) {
                    if (failed.compareAndSet(false, true)) {
                        done.fail(e);
                    }
                } else if (unacknowledged.decrementAndGet() == 0 && !failed.get()) {
                    done.complete(null);
                }
            };
            // On the producer's own sending thread: send() may block (metadata of a new topic, a full buffer).
            producer.runOnSendingThread(kafkaProducer -> {
                for (ProducerRecord<String, String> record : records) {
                    kafkaProducer.send(record, acknowledged);
                }
            }).subscribe().with(ignored -> {
            }, e -> {
                if (failed.compareAndSet(false, true)) {
                    done.fail(e);
                }
            });
        });
    }
}
