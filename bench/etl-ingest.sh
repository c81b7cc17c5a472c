#!/usr/bin/env bash
# Raw-event ingest benchmark of etl-service: sustained raw events per second from the broker
# into PostgreSQL, beside this machine's bound for batched inserts of the same rows into the
# same tables, in one run. Prints both and their ratio (target, issue 5: >= 0.5).
#
#   1. puts BENCH_WARMUP_EVENTS warm-up raw_product_event records (default 300000, over BENCH_PRODUCTS
#      products of their own, source `<tag>-warmup`) and then BENCH_EVENTS measured ones (default 50000, over
#      BENCH_PRODUCTS products, default 1000, each one a price change of a few percent, below the market-alert
#      thresholds; time-ordered ids, as etl-service's own producers give) on a fresh topic prefix, before the
#      service runs. Every event is later than any earlier run's (the run's clock, a millisecond apart), so
#      each one is news on a database an earlier run used, not an old observation the pipeline only counts;
#   2. vacuums the tables the pipeline updates or deletes from (this PostgreSQL has autovacuum off;
#      see vacuum below), starts the packaged etl-service alone on that prefix (its _st database, or BENCH_DB; a free port) and
#      waits until every event is `processed`. The warm-up is why the measured events come second: the rate
#      is the sustained one of a warm service, not of a cold JVM's first batches (JIT, connections, caches),
#      which made up most of the old 20000-event window. 300000: after 20000 the JIT's C2 threads still took
#      30-70 % of a core through the measured window, and the service's CPU fell from 1.7 to 0.7 cores over
#      its first minute of steady ingest (top -H, /proc/<pid>/stat). The outbox relay keeps publishing the warm-up's
#      events while the measured ones are applied, as it would in a steady state. rate = events received
#      from the first measured batch on and processed by the last measured event / (last measured
#      processed_at - first measured received_at); events of the warm-up in those batches count (they are
#      applied in that time, and are the same kind of event);
#   3. bound: a client (Bound.java, PostgreSQL's JDBC driver) that holds the measured rows writes them again
#      in committed batches of the pipeline's largest batch into raw_events, product_latest,
#      product_daily_metrics and outbox, and the rows are deleted after; beside it, for reference, the
#      same rows copied inside PostgreSQL in one uncommitted transaction (the bound until 2026-12);
#   4. latency (target, issue 5: p99 <= 500 ms): with the service caught up, produces LATENCY_RATE
#      events/s (default 1000) for LATENCY_WARMUP s unmeasured (default 10: cold code paths) and then
#      LATENCY_SECONDS (default 10), each one a change, and reads
#      price.updates: from each raw event's produce time to its price_update's arrival, p50 and p99.
# Needs a prior build (./mvnw -B -q -pl etl-service package -DskipTests) and psql.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

MODULE=etl-service
APP="$MODULE/target/quarkus-app"
EVENTS=${BENCH_EVENTS:-50000}
WARMUP_EVENTS=${BENCH_WARMUP_EVENTS:-300000}
PRODUCTS=${BENCH_PRODUCTS:-1000}
LATENCY_RATE=${LATENCY_RATE:-1000}
LATENCY_SECONDS=${LATENCY_SECONDS:-10}
LATENCY_WARMUP=${LATENCY_WARMUP:-10}
# The pipeline's largest batch: etl-service's max.poll.records (application.properties).
BOUND_BATCH=${RAW_EVENTS_MAX_POLL_RECORDS:-1000}
RUN=$(date +%s)
export KAFKA_TOPIC_PREFIX="bench-etl-$RUN."
DB=${BENCH_DB:-shelfwatch_etl_st}
KAFKA_LIBS="$SHELFWATCH_STATE_DIR/kafka/libs-4.3.1"
[ -f "$APP/quarkus-run.jar" ] || sw_die "$APP/quarkus-run.jar is missing: run ./mvnw -B -q -pl etl-service package -DskipTests first"
command -v psql >/dev/null || sw_die "psql is needed"

bash "$SHELFWATCH_ROOT/deploy/local/infra-up.sh" >/dev/null
[ -d "$KAFKA_LIBS" ] || sw_die "no Kafka jars at $KAFKA_LIBS (deploy/local/infra-up.sh fetches them)"

sql() { PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -qtAX -v ON_ERROR_STOP=1 "$@"; }

work=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

cat >"$work/Produce.java" <<'JAVA'
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public class Produce {
    /**
     * A version 7 (time-ordered) id, the kind etl-service's own producers give raw events
     * (EventEnvelope.of): the ingest endpoint and the store scanner write every raw event there is.
     */
    static UUID timeOrderedId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public static void main(String[] args) throws Exception {
        String topic = args[0];
        int events = Integer.parseInt(args[1]);
        int products = Integer.parseInt(args[2]);
        String source = args[3];
        int warmupEvents = Integer.parseInt(args[5]);
        Properties p = new Properties();
        p.put("bootstrap.servers", args[4]);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("linger.ms", "5");
        p.put("acks", "all");
        // Later than any earlier run's events (which were a millisecond apart too), so every one is news.
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            // The warm-up first, on products of its own ("W..."), so it leaves the measured products alone.
            for (int i = 0; i < warmupEvents; i++) {
                producer.send(record(topic, "W", i, products, source + "-warmup", start.plusMillis(i)));
            }
            // The last measured event of each partition: once it is processed, so is every one before it there.
            Map<Integer, String> last = new ConcurrentHashMap<>();
            for (int i = 0; i < events; i++) {
                ProducerRecord<String, String> r = record(topic, "B", i, products, source, start.plusMillis(warmupEvents + i));
                String id = r.value().substring(13, 49);
                producer.send(r, (metadata, e) -> {
                    if (e == null) {
                        last.merge(metadata.partition(), metadata.offset() + " " + id,
                                (a, b) -> Long.parseLong(a.split(" ")[0]) > Long.parseLong(b.split(" ")[0]) ? a : b);
                    }
                });
            }
            producer.flush();
            last.values().forEach(v -> System.out.println(v.split(" ")[1]));
        }
    }

    static ProducerRecord<String, String> record(String topic, String prefix, int i, int products, String source,
            Instant at) {
        int product = i % products;
        int round = i / products;
        String asin = String.format("%s%09d", prefix, product);
        // Each observation of a product moves its price by 1 % (every fifth back by 4 %) and its rank by at
        // most 20 %, as most real observations do: every event is a change (a price.updates record, like the
        // bound's outbox row), and none crosses the market-alert thresholds (10 % / 30 %), whose rows the
        // bound does not write (the tests cover alerts).
        double price = (10 + product % 90) * (1 + 0.01 * (round % 5));
        int bsr = (int) ((100 + product * 7 % 5000) * (1 + 0.05 * (round % 5)));
        String value = "{\"event_id\":\"" + timeOrderedId() + "\",\"type\":\"raw_product_event\",\"occurred_at\":\""
                + at + "\",\"data\":{\"product_key\":\"asin:" + asin + "\",\"asin\":\"" + asin
                + "\",\"source\":\"" + source + "\",\"event_type\":\"product_snapshot\",\"raw_data\":{\"title\":\"Bench "
                + asin + "\",\"price\":" + String.format(java.util.Locale.ROOT, "%.2f", price) + ",\"currency\":\"USD\",\"bsr\":" + bsr
                + ",\"rating\":4.5,\"reviews_count\":" + (100 + round) + "},\"job_id\":null}}";
        return new ProducerRecord<>(topic, "asin:" + asin, value);
    }
}
JAVA
cat >"$work/Latency.java" <<'JAVA'
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Paced raw events in, price.updates out: latency from each event's send to its price_update's arrival. */
public class Latency {
    /** A version 7 id, as Produce.timeOrderedId (a single-file program cannot share it). */
    static UUID timeOrderedId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public static void main(String[] args) throws Exception {
        String rawTopic = args[0], updatesTopic = args[1], source = args[5], servers = args[6];
        int rate = Integer.parseInt(args[2]), seconds = Integer.parseInt(args[3]), products = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[7]);
        // The first `warmup` seconds run at the same rate but are not counted: this program and the
        // service's new code paths (small batches, the relay at full tilt) start cold.
        int events = rate * seconds;
        int unmeasured = rate * warmup;
        Properties c = new Properties();
        c.put("bootstrap.servers", servers);
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        c.put("group.id", "bench-latency-" + UUID.randomUUID());
        c.put("enable.auto.commit", "false");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>();
        // Later than any earlier run's observations of these products (a millisecond apart, so they stay
        // in the past), so every event is applied as news.
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = consumer.partitionsFor(updatesTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread producing = new Thread(() -> produce(rawTopic, servers, source, rate, unmeasured, events, products, start,
                    sentAt));
            producing.start();
            long deadline = Long.MAX_VALUE;
            while (latencies.size() < events && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                    long arrived = System.nanoTime();
                    String value = r.value();
                    int snapshot = value == null ? -1 : value.indexOf("\"snapshot\":");
                    int at = snapshot < 0 ? -1 : value.indexOf("\"observed_at\":\"", snapshot);
                    if (at < 0) {
                        continue;
                    }
                    at += "\"observed_at\":\"".length();
                    Long sent = sentAt.remove(r.key() + "@" + value.substring(at, value.indexOf('"', at)));
                    if (sent != null) {
                        latencies.add(arrived - sent);
                    }
                }
                if (!producing.isAlive() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                }
            }
        }
        long[] ms = latencies.stream().mapToLong(n -> n / 1_000_000).sorted().toArray();
        if (ms.length == 0) {
            System.out.println("0 0 0 0 " + events);
            return;
        }
        System.out.println(ms.length + " " + ms[(int) Math.floor(0.50 * (ms.length - 1))] + " "
                + ms[(int) Math.floor(0.99 * (ms.length - 1))] + " " + ms[ms.length - 1] + " " + events);
    }

    static void produce(String topic, String servers, String source, int rate, int unmeasured, int measured, int products,
            Instant start, Map<String, Long> sentAt) {
        int events = unmeasured + measured;
        String tag = Long.toString(start.getEpochSecond() % 46656, 36).toUpperCase(java.util.Locale.ROOT);
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("linger.ms", "1");
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            long t0 = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < events; i++) {
                long due = t0 + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                // Products of this run only (L, a tag of the run, a number), so no earlier run's state interferes.
                String asin = String.format("L%3s%06d", tag, i % products).replace(' ', '0');
                Instant at = start.plusMillis(i);
                // Each event of a product carries another price than its last, so each one is a change.
                String value = "{\"event_id\":\"" + timeOrderedId() + "\",\"type\":\"raw_product_event\",\"occurred_at\":\""
                        + at + "\",\"data\":{\"product_key\":\"asin:" + asin + "\",\"asin\":\"" + asin + "\",\"source\":\""
                        + source + "\",\"event_type\":\"product_snapshot\",\"raw_data\":{\"price\":" + (10 + (i / products) % 90)
                        + "." + (10 + i % 89) + ",\"currency\":\"USD\"},\"job_id\":null}}";
                if (i >= unmeasured) {
                    sentAt.put("asin:" + asin + "@" + at, System.nanoTime());
                }
                producer.send(new ProducerRecord<>(topic, "asin:" + asin, value));
            }
            producer.flush();
        }
    }
}
JAVA
cat >"$work/Bound.java" <<'JAVA'
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bound: a client that already holds the measured rows writes them into the pipeline's four
 * tables in committed batches of the pipeline's largest batch, one multi-row statement per table
 * (unnest of arrays, as etl-service writes): raw_events; product_latest and product_daily_metrics
 * upserted once per product (and day) of the batch; one outbox row per event, a payload of the
 * price_update's size. What it leaves out is the pipeline's own work: Kafka, parsing, comparing,
 * alerts, the relay. Its rows are under keys of their own ("bound:", source "<tag>-bound"), deleted after.
 */
public class Bound {
    record Row(String id, String key, String asin, String source, String type, String raw, Timestamp occurred,
            String title, String price, String currency, Integer bsr, String rating, Integer reviews) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], source = args[2];
        int batch = Integer.parseInt(args[3]);
        try (Connection c = DriverManager.getConnection(url, user, System.getenv("PGPASSWORD"))) {
            List<Row> rows = read(c, source);
            c.setAutoCommit(false);
            try (PreparedStatement raw = c.prepareStatement("""
                    INSERT INTO raw_events (event_id, product_key, asin, source, event_type, raw_data, occurred_at,
                        received_at, status, processed_at)
                    SELECT id, k, a, s, t, CAST(r AS jsonb), o, now(), 'processed', clock_timestamp()
                      FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                           AS x(id, k, a, s, t, r, o)""");
                    PreparedStatement latest = c.prepareStatement("""
                    INSERT INTO product_latest (product_key, asin, status, title, price, currency, bsr, rating,
                        reviews_count, observed_at, changed_at)
                    SELECT k, a, 'active', ti, CAST(p AS numeric), cu, b, CAST(ra AS numeric), rc, o, now()
                      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[],
                                  ?::timestamptz[]) AS x(k, a, ti, p, cu, b, ra, rc, o)
                    ON CONFLICT (product_key) DO UPDATE SET asin = EXCLUDED.asin, title = EXCLUDED.title,
                        price = EXCLUDED.price, currency = EXCLUDED.currency, bsr = EXCLUDED.bsr, rating = EXCLUDED.rating,
                        reviews_count = EXCLUDED.reviews_count, observed_at = EXCLUDED.observed_at,
                        changed_at = EXCLUDED.changed_at""");
                    PreparedStatement metrics = c.prepareStatement("""
                    INSERT INTO product_daily_metrics AS d (product_key, metric_date, asin, price, min_price, max_price,
                        price_sum, price_observations, bsr, rating, reviews_count, observations, last_observed_at)
                    SELECT k, CAST(o AS date), a, CAST(p AS numeric), CAST(p AS numeric), CAST(p AS numeric),
                           CAST(p AS numeric), 1, b, CAST(ra AS numeric), rc, n, o
                      FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[], ?::int[],
                                  ?::timestamptz[]) AS x(k, a, p, b, ra, rc, n, o)
                    ON CONFLICT (product_key, metric_date) DO UPDATE SET
                        min_price = LEAST(d.min_price, EXCLUDED.min_price),
                        max_price = GREATEST(d.max_price, EXCLUDED.max_price), price_sum = d.price_sum + EXCLUDED.price_sum,
                        price_observations = d.price_observations + EXCLUDED.price_observations,
                        observations = d.observations + EXCLUDED.observations, price = EXCLUDED.price, bsr = EXCLUDED.bsr,
                        rating = EXCLUDED.rating, reviews_count = EXCLUDED.reviews_count,
                        last_observed_at = GREATEST(d.last_observed_at, EXCLUDED.last_observed_at)""");
                    PreparedStatement outbox = c.prepareStatement("""
                    INSERT INTO outbox (id, topic, record_key, payload, request_id, created_at)
                    SELECT gen_random_uuid(), 'price.updates', k, p, gen_random_uuid()::text, now()
                      FROM unnest(?::text[], ?::text[]) AS x(k, p)""")) {
                // A first pass rolled back: the same work, on a JIT-compiled client and plans PostgreSQL has cached.
                write(c, rows, batch, raw, latest, metrics, outbox, false);
                long start = System.nanoTime();
                write(c, rows, batch, raw, latest, metrics, outbox, true);
                System.out.println((System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    static void write(Connection c, List<Row> rows, int batch, PreparedStatement raw, PreparedStatement latest,
            PreparedStatement metrics, PreparedStatement outbox, boolean commit) throws java.sql.SQLException {
        for (int from = 0; from < rows.size(); from += batch) {
            List<Row> b = rows.subList(from, Math.min(rows.size(), from + batch));
            Map<String, Row> last = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Row r : b) {
                last.put(r.key(), r);
                counts.merge(r.key(), 1, Integer::sum);
            }
            List<Row> products = new ArrayList<>(last.values());
            set(c, raw, "uuid", b.stream().map(Row::id), b.stream().map(Row::key), b.stream().map(Row::asin),
                    b.stream().map(Row::source), b.stream().map(Row::type), b.stream().map(Row::raw));
            raw.setArray(7, c.createArrayOf("timestamptz", b.stream().map(Row::occurred).toArray()));
            raw.executeUpdate();
            set(c, latest, "text", products.stream().map(Row::key), products.stream().map(Row::asin),
                    products.stream().map(Row::title), products.stream().map(Row::price),
                    products.stream().map(Row::currency));
            latest.setArray(6, c.createArrayOf("int4", products.stream().map(Row::bsr).toArray()));
            latest.setArray(7, c.createArrayOf("text", products.stream().map(Row::rating).toArray()));
            latest.setArray(8, c.createArrayOf("int4", products.stream().map(Row::reviews).toArray()));
            latest.setArray(9, c.createArrayOf("timestamptz", products.stream().map(Row::occurred).toArray()));
            latest.executeUpdate();
            set(c, metrics, "text", products.stream().map(Row::key), products.stream().map(Row::asin),
                    products.stream().map(Row::price));
            metrics.setArray(4, c.createArrayOf("int4", products.stream().map(Row::bsr).toArray()));
            metrics.setArray(5, c.createArrayOf("text", products.stream().map(Row::rating).toArray()));
            metrics.setArray(6, c.createArrayOf("int4", products.stream().map(Row::reviews).toArray()));
            metrics.setArray(7, c.createArrayOf("int4", products.stream().map(r -> counts.get(r.key())).toArray()));
            metrics.setArray(8, c.createArrayOf("timestamptz", products.stream().map(Row::occurred).toArray()));
            metrics.executeUpdate();
            set(c, outbox, "text", b.stream().map(Row::key), b.stream().map(Bound::payload));
            outbox.executeUpdate();
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    /** Sets the first parameters to arrays of the given type (the first one) and text (the rest). */
    @SafeVarargs
    static void set(Connection c, PreparedStatement s, String firstType, java.util.stream.Stream<?>... columns)
            throws java.sql.SQLException {
        for (int i = 0; i < columns.length; i++) {
            s.setArray(i + 1, c.createArrayOf(i == 0 ? firstType : "text", columns[i].toArray()));
        }
    }

    /** A price_update envelope in etl-service's shape: the snapshot and, as the previous values, the same again. */
    static String payload(Row r) {
        String snapshot = "{\"title\":" + quoted(r.title()) + ",\"brand\":null,\"category\":null,\"image_url\":null,"
                + "\"price\":" + r.price() + ",\"currency\":" + quoted(r.currency()) + ",\"availability\":null,\"bsr\":"
                + r.bsr() + ",\"rating\":" + r.rating() + ",\"reviews_count\":" + r.reviews()
                + ",\"buybox_price\":null,\"sku\":null,\"observed_at\":\"" + r.occurred().toInstant() + "\"}";
        return "{\"event_id\":\"" + r.id() + "\",\"type\":\"price_update\",\"occurred_at\":\"" + r.occurred().toInstant()
                + "\",\"data\":{\"product_key\":\"" + r.key() + "\",\"asin\":" + quoted(r.asin())
                + ",\"url\":null,\"competitor_id\":null,\"status\":\"active\",\"snapshot\":" + snapshot
                + ",\"previous\":" + snapshot + "}}";
    }

    static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    static List<Row> read(Connection c, String source) throws java.sql.SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT overlay(event_id::text PLACING substr(md5(event_id::text), 1, 12) FROM 25 FOR 12), product_key,
                       asin, source || '-bound', event_type, raw_data::text, occurred_at, raw_data->>'title',
                       raw_data->>'price', raw_data->>'currency', (raw_data->>'bsr')::int, raw_data->>'rating',
                       (raw_data->>'reviews_count')::int
                  FROM raw_events WHERE source = ? ORDER BY received_at, event_id""")) {
            s.setString(1, source);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), "bound:" + r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getTimestamp(7), r.getString(8), r.getString(9),
                            r.getString(10), (Integer) r.getObject(11), r.getString(12), (Integer) r.getObject(13)));
                }
            }
        }
        return rows;
    }
}
JAVA
source_tag="bench-$RUN"
echo "[bench] producing $WARMUP_EVENTS warm-up and then $EVENTS measured raw events over $PRODUCTS products each to ${KAFKA_TOPIC_PREFIX}product.raw-events ..." >&2
last_ids=$(java -Xmx256m -cp "$KAFKA_LIBS/*" "$work/Produce.java" "${KAFKA_TOPIC_PREFIX}product.raw-events" "$EVENTS" \
  "$PRODUCTS" "$source_tag" "$KAFKA_BOOTSTRAP_SERVERS" "$WARMUP_EVENTS" | paste -sd, -)
[ -n "$last_ids" ] || sw_die "the producer reported no partition's last event"

# What autovacuum would have done. This machine's PostgreSQL runs with autovacuum off (its
# conf.d/90-ci.conf), and the outbox is a queue whose every row is deleted once sent: here its dead
# rows had piled up to 4.8 M (2.9 GB), and the relay's look for the next batch walked them, 34 ms
# for an empty queue, every time. A deployment's autovacuum keeps such a small, busy table clean.
# A fresh database has no tables yet (the service migrates it at its start) and nothing to vacuum.
# raw_events only before the ingest (the last run's rolled-back bound): vacuuming it right before the
# latency phase left that phase writing out the vacuum's pages (its p99 measured the bench, not the service).
vacuum() {
  [ "$(sql -c "SELECT to_regclass('outbox') IS NOT NULL")" = t ] || return 0
  sql -c "VACUUM outbox, product_latest, product_daily_metrics${1:+, $1}" >/dev/null
}
vacuum raw_events

port=$(sw_free_port 18380 18479)
# The same JVM and flags as the suite's services (lib.sh).
sw_java_init
log="$SHELFWATCH_LOG_DIR/bench-etl-ingest.log"
PG_DATABASE=$DB QUARKUS_HTTP_PORT="$port" "$SW_JAVA" "${SW_JAVA_OPTS[@]}" -jar "$APP/quarkus-run.jar" </dev/null >"$log" 2>&1 &
pid=$!
echo "[bench] $MODULE on port $port consuming (log $log) ..." >&2

# Waiting looks up the last measured event of each partition by its key (a partition is applied in order):
# counting the run's rows every 100 ms scanned raw_events each time, a busy core of PostgreSQL's taken
# from the pipeline it measured. The count is checked once at the end.
partitions=$(tr -cd , <<<"$last_ids" | wc -c)
partitions=$((partitions + 1))
for ((i = 0; i < 6000; i++)); do
  kill -0 "$pid" 2>/dev/null || sw_die "$MODULE stopped; see $log"
  last_done=$(sql -c "SELECT count(*) FROM raw_events WHERE event_id = ANY ('{$last_ids}'::uuid[]) AND status = 'processed'" \
    2>/dev/null || echo 0)
  [ "${last_done:-0}" -ge "$partitions" ] && break
  sleep 0.1
done
done_count=$(sql -c "SELECT count(*) FROM raw_events WHERE source = '$source_tag' AND status = 'processed'")
[ "${done_count:-0}" -ge "$EVENTS" ] || sw_die "only $done_count of $EVENTS events processed in 10 minutes; see $log"

# The window first, then the count in it: as one statement (a join with the window's aggregate), the
# planner may rescan raw_events for every row once its statistics are fresh (14 minutes here).
IFS='|' read -r t0 t1 <<<"$(sql -c "SELECT min(received_at), max(processed_at) FROM raw_events WHERE source = '$source_tag'")"
pipeline_rate=$(sql <<SQL
SELECT round(count(*) / EXTRACT(EPOCH FROM '$t1'::timestamptz - '$t0'::timestamptz)::numeric, 1)
  FROM raw_events
 WHERE source IN ('$source_tag', '$source_tag-warmup') AND received_at >= '$t0' AND processed_at <= '$t1'
SQL
)

# The bound: the same rows, written by a client in committed batches into the same tables (Bound.java),
# and then deleted. Its batch is the pipeline's largest (RAW_EVENTS_MAX_POLL_RECORDS). Until 2026-12 the
# bound was PostgreSQL copying the rows inside the server, one statement per table in one transaction that
# was never committed: nothing crossed the wire, no commit waited for its WAL flush, and the raw data was
# jsonb already. No client's inserts can do that, so it is printed beside the ratio as a reference only.
bound_ms=$(PGPASSWORD="$PG_PASSWORD" "$SW_JAVA" -Xmx512m -cp "$(ls "$APP"/lib/main/org.postgresql.postgresql-*.jar | tail -1)" "$work/Bound.java" \
  "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" "$PG_USER" "$source_tag" "$BOUND_BATCH")
sql -c "DELETE FROM raw_events WHERE source = '$source_tag-bound'" \
  -c "DELETE FROM product_latest WHERE product_key LIKE 'bound:%'" \
  -c "DELETE FROM product_daily_metrics WHERE product_key LIKE 'bound:%'" \
  -c "DELETE FROM outbox WHERE record_key LIKE 'bound:%'" >/dev/null
copy_ms=$(sql <<SQL
BEGIN;
CREATE TEMP TABLE bench_rows ON COMMIT DROP AS SELECT * FROM raw_events WHERE source = '$source_tag';
CREATE TEMP TABLE bench_clock (t timestamptz) ON COMMIT DROP;
INSERT INTO bench_clock VALUES (clock_timestamp());
INSERT INTO raw_events (event_id, product_key, asin, url, competitor_id, source, event_type, raw_data, job_id,
    occurred_at, received_at, status, error, processed_at)
  SELECT overlay(event_id::text PLACING substr(md5(event_id::text), 1, 12) FROM 25 FOR 12)::uuid, product_key, asin, url,
    competitor_id, source || '-copy', event_type, raw_data, job_id,
    occurred_at, now(), 'processed', NULL, now()
  FROM bench_rows;
INSERT INTO product_daily_metrics AS d (product_key, metric_date, asin, price, min_price, max_price, price_sum,
    price_observations, bsr, rating, reviews_count, buybox_price, observations, last_observed_at)
  SELECT 'copy:' || product_key, (occurred_at AT TIME ZONE 'UTC')::date, max(asin),
    max((raw_data->>'price')::numeric), min((raw_data->>'price')::numeric), max((raw_data->>'price')::numeric),
    sum((raw_data->>'price')::numeric), count(*), max((raw_data->>'bsr')::int), max((raw_data->>'rating')::numeric),
    max((raw_data->>'reviews_count')::int), NULL, count(*), max(occurred_at)
  FROM bench_rows GROUP BY 1, 2;
INSERT INTO outbox (id, topic, record_key, payload, request_id, created_at, sent_at)
  SELECT gen_random_uuid(), 'price.updates', product_key, raw_data::text, NULL, now(), now()
  FROM bench_rows;
SELECT round(EXTRACT(EPOCH FROM clock_timestamp() - t) * 1000) FROM bench_clock;
ROLLBACK;
SQL
)
rate_of() { # milliseconds -> events/s
  local ms=${1//[!0-9]/}
  [ -n "$ms" ] && [ "$ms" -gt 0 ] || ms=1
  awk -v n="$EVENTS" -v ms="$ms" 'BEGIN { printf "%.1f", n * 1000 / ms }'
}
bound_rate=$(rate_of "$bound_ms")
copy_rate=$(rate_of "$copy_ms")
ratio=$(awk -v a="$pipeline_rate" -v b="$bound_rate" 'BEGIN { printf "%.3f", a / b }')

# Latency is measured in the steady state: first the relay publishes what the run above left in the outbox.
for ((i = 0; i < 3000; i++)); do
  [ "$(sql -c "SELECT count(*) FROM outbox WHERE sent_at IS NULL")" = 0 ] && break
  sleep 0.1
done
# The run above and the bound's rolled-back rows left dead rows behind (see vacuum).
vacuum
echo "[bench] latency: $LATENCY_RATE raw events/s for $LATENCY_WARMUP s unmeasured, then $LATENCY_SECONDS s, reading ${KAFKA_TOPIC_PREFIX}price.updates ..." >&2
read -r lat_n lat_p50 lat_p99 lat_max lat_sent < <(java -Xmx256m -cp "$KAFKA_LIBS/*" "$work/Latency.java" \
  "${KAFKA_TOPIC_PREFIX}product.raw-events" "${KAFKA_TOPIC_PREFIX}price.updates" "$LATENCY_RATE" "$LATENCY_SECONDS" \
  "$PRODUCTS" "$source_tag-latency" "$KAFKA_BOOTSTRAP_SERVERS" "$LATENCY_WARMUP")

echo
printf '%-28s %12s\n' "what" "events_per_s"
printf '%-28s %12s\n' "pipeline (broker -> PG)" "$pipeline_rate"
printf '%-28s %12s\n' "bound (batched inserts)" "$bound_rate"
printf '%-28s %12s\n' "(in-server copy, reference)" "$copy_rate"
printf 'ratio pipeline / bound: %s (target >= 0.5; %d events, %d products)\n' "$ratio" "$EVENTS" "$PRODUCTS"
printf 'event -> price.updates at %d/s: p50 %s ms, p99 %s ms, max %s ms (%s of %s arrived; target p99 <= 500 ms)\n' \
  "$LATENCY_RATE" "$lat_p50" "$lat_p99" "$lat_max" "$lat_n" "$lat_sent"
