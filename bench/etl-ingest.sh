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
#   3. bound: in one transaction that is rolled back, inserts the measured rows again in batches
#      (INSERT ... SELECT) into raw_events, product_daily_metrics and outbox, timed by PostgreSQL;
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

# The bound: the same rows, batched, into the same tables; rolled back so nothing stays.
# The measured rows are read out first, untimed: raw_events has no index on source, so selecting them
# inside the timed part scanned the whole table, and the "bound" slowed as runs piled up (25,000 -> 6,300
# events/s over a day's runs), which flattered the ratio.
bound_ms=$(sql <<SQL
BEGIN;
CREATE TEMP TABLE bench_rows ON COMMIT DROP AS SELECT * FROM raw_events WHERE source = '$source_tag';
CREATE TEMP TABLE bench_clock (t timestamptz) ON COMMIT DROP;
INSERT INTO bench_clock VALUES (clock_timestamp());
INSERT INTO raw_events (event_id, product_key, asin, url, competitor_id, source, event_type, raw_data, job_id,
    occurred_at, received_at, status, error, processed_at)
  -- Ids of the same kind and order as the measured events' (time-ordered): their own, with another tail.
  SELECT overlay(event_id::text PLACING substr(md5(event_id::text), 1, 12) FROM 25 FOR 12)::uuid, product_key, asin, url,
    competitor_id, source || '-bound', event_type, raw_data, job_id,
    occurred_at, now(), 'processed', NULL, now()
  FROM bench_rows;
INSERT INTO product_daily_metrics AS d (product_key, metric_date, asin, price, min_price, max_price, price_sum,
    price_observations, bsr, rating, reviews_count, buybox_price, observations, last_observed_at)
  SELECT 'bound:' || product_key, (occurred_at AT TIME ZONE 'UTC')::date, max(asin),
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
bound_ms=${bound_ms//[!0-9]/}
[ -n "$bound_ms" ] && [ "$bound_ms" -gt 0 ] || bound_ms=1
bound_rate=$(awk -v n="$EVENTS" -v ms="$bound_ms" 'BEGIN { printf "%.1f", n * 1000 / ms }')
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
printf 'ratio pipeline / bound: %s (target >= 0.5; %d events, %d products)\n' "$ratio" "$EVENTS" "$PRODUCTS"
printf 'event -> price.updates at %d/s: p50 %s ms, p99 %s ms, max %s ms (%s of %s arrived; target p99 <= 500 ms)\n' \
  "$LATENCY_RATE" "$lat_p50" "$lat_p99" "$lat_max" "$lat_n" "$lat_sent"
