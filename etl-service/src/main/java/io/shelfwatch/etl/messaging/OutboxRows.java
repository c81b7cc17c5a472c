package io.shelfwatch.etl.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The outbox events of one pipeline batch, collected while the batch is applied and written in
 * one statement in its transaction, in the order they were added ({@link OutboxRelay} keeps it).
 */
public final class OutboxRows {

    private static final String INSERT = """
            INSERT INTO outbox (id, topic, record_key, payload, request_id, created_at)
            SELECT id, topic, record_key, payload, request_id, created_at
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
                   WITH ORDINALITY AS t(id, topic, record_key, payload, request_id, created_at, n)
             ORDER BY n
            """;

    private final ObjectMapper json;
    private final List<UUID> ids = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> payloads = new ArrayList<>();
    private final List<String> requestIds = new ArrayList<>();
    private final List<OffsetDateTime> createdAt = new ArrayList<>();

    public OutboxRows(ObjectMapper json) {
        this.json = json;
    }

    /** Adds one event; requestId is the one of the record that caused it (a fresh one when there is none). */
    public void add(String topic, String key, EventEnvelope<?> envelope, String requestId) {
        try {
            payloads.add(json.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialised", e);
        }
        ids.add(envelope.eventId());
        topics.add(topic);
        keys.add(key);
        requestIds.add(requestId != null ? requestId : UUID.randomUUID().toString());
        createdAt.add(OffsetDateTime.now(ZoneOffset.UTC));
    }

    public int size() {
        return ids.size();
    }

    public Uni<Void> insert(SqlConnection conn) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(INSERT).execute(Tuple.of(ids.toArray(UUID[]::new), topics.toArray(String[]::new),
                keys.toArray(String[]::new), payloads.toArray(String[]::new), requestIds.toArray(String[]::new),
                createdAt.toArray(OffsetDateTime[]::new))).replaceWithVoid();
    }
}
