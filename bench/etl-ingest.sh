#!/usr/bin/env bash
# Raw-event ingest benchmark of etl-service: sustained raw events per second from the broker
# into PostgreSQL, beside this machine's bound for batched inserts of the same rows into the
# same tables, in one run. Prints both and their ratio (target, issue 5: >= 0.5).
#
#   1. puts BENCH_EVENTS raw_product_event records (default 20000, over BENCH_PRODUCTS products,
#      default 1000, each one a price change) on a fresh topic prefix, before the service runs;
#   2. starts the packaged etl-service alone on that prefix (its _st database, a free port) and
#      waits until every event is `processed`; rate = events / (last processed_at - first received_at);
#   3. bound: in one transaction that is rolled back, inserts the same rows again in batches
#      (INSERT ... SELECT) into raw_events, product_daily_metrics and outbox, timed by PostgreSQL.
# Needs a prior build (./mvnw -B -q -pl etl-service package -DskipTests) and psql.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

MODULE=etl-service
APP="$MODULE/target/quarkus-app"
EVENTS=${BENCH_EVENTS:-20000}
PRODUCTS=${BENCH_PRODUCTS:-1000}
RUN=$(date +%s)
export KAFKA_TOPIC_PREFIX="bench-etl-$RUN."
DB=shelfwatch_etl_st
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
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public class Produce {
    public static void main(String[] args) throws Exception {
        String topic = args[0];
        int events = Integer.parseInt(args[1]);
        int products = Integer.parseInt(args[2]);
        String source = args[3];
        Properties p = new Properties();
        p.put("bootstrap.servers", args[4]);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("linger.ms", "5");
        p.put("acks", "all");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < events; i++) {
                String asin = String.format("B%09d", i % products);
                String value = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"raw_product_event\",\"occurred_at\":\""
                        + start.plusSeconds(i) + "\",\"data\":{\"product_key\":\"asin:" + asin + "\",\"asin\":\"" + asin
                        + "\",\"source\":\"" + source + "\",\"event_type\":\"product_snapshot\",\"raw_data\":{\"title\":\"Bench "
                        + asin + "\",\"price\":" + (10 + i % 97) + "." + (i % 100) + ",\"currency\":\"USD\",\"bsr\":" + (1 + i % 5000)
                        + ",\"rating\":4.5,\"reviews_count\":" + i + "},\"job_id\":null}}";
                producer.send(new ProducerRecord<>(topic, "asin:" + asin, value));
            }
            producer.flush();
        }
    }
}
JAVA
source_tag="bench-$RUN"
echo "[bench] producing $EVENTS raw events over $PRODUCTS products to ${KAFKA_TOPIC_PREFIX}product.raw-events ..." >&2
java -Xmx256m -cp "$KAFKA_LIBS/*" "$work/Produce.java" "${KAFKA_TOPIC_PREFIX}product.raw-events" "$EVENTS" "$PRODUCTS" \
  "$source_tag" "$KAFKA_BOOTSTRAP_SERVERS"

port=
for ((p = 18380; p < 18480; p++)); do
  sw_port_open 127.0.0.1 "$p" || {
    port=$p
    break
  }
done
[ -n "$port" ] || sw_die "no free port in 18380-18479"
read -r -a java_opts <<<"$SHELFWATCH_JAVA_OPTS"
log="$SHELFWATCH_LOG_DIR/bench-etl-ingest.log"
PG_DATABASE=$DB QUARKUS_HTTP_PORT="$port" java "${java_opts[@]}" -jar "$APP/quarkus-run.jar" </dev/null >"$log" 2>&1 &
pid=$!
echo "[bench] $MODULE on port $port consuming (log $log) ..." >&2

done_count=0
for ((i = 0; i < 6000; i++)); do
  kill -0 "$pid" 2>/dev/null || sw_die "$MODULE stopped; see $log"
  done_count=$(sql -c "SELECT count(*) FROM raw_events WHERE source = '$source_tag' AND status = 'processed'" 2>/dev/null || echo 0)
  [ "${done_count:-0}" -ge "$EVENTS" ] && break
  sleep 0.1
done
[ "${done_count:-0}" -ge "$EVENTS" ] || sw_die "only $done_count of $EVENTS events processed in 10 minutes; see $log"

pipeline_rate=$(sql -c "SELECT round(count(*) / EXTRACT(EPOCH FROM max(processed_at) - min(received_at))::numeric, 1)
  FROM raw_events WHERE source = '$source_tag'")

# The bound: the same rows, batched, into the same tables; rolled back so nothing stays.
bound_ms=$(sql <<SQL
BEGIN;
CREATE TEMP TABLE bench_clock (t timestamptz) ON COMMIT DROP;
INSERT INTO bench_clock VALUES (clock_timestamp());
INSERT INTO raw_events (event_id, product_key, asin, url, competitor_id, source, event_type, raw_data, job_id,
    occurred_at, received_at, status, error, processed_at)
  SELECT gen_random_uuid(), product_key, asin, url, competitor_id, source || '-bound', event_type, raw_data, job_id,
    occurred_at, now(), 'processed', NULL, now()
  FROM raw_events WHERE source = '$source_tag';
INSERT INTO product_daily_metrics AS d (product_key, metric_date, asin, price, min_price, max_price, price_sum,
    price_observations, bsr, rating, reviews_count, buybox_price, observations, last_observed_at)
  SELECT 'bound:' || product_key, (occurred_at AT TIME ZONE 'UTC')::date, max(asin),
    max((raw_data->>'price')::numeric), min((raw_data->>'price')::numeric), max((raw_data->>'price')::numeric),
    sum((raw_data->>'price')::numeric), count(*), max((raw_data->>'bsr')::int), max((raw_data->>'rating')::numeric),
    max((raw_data->>'reviews_count')::int), NULL, count(*), max(occurred_at)
  FROM raw_events WHERE source = '$source_tag' GROUP BY 1, 2;
INSERT INTO outbox (id, topic, record_key, payload, request_id, created_at, sent_at)
  SELECT gen_random_uuid(), 'price.updates', product_key, raw_data::text, NULL, now(), now()
  FROM raw_events WHERE source = '$source_tag';
SELECT round(EXTRACT(EPOCH FROM clock_timestamp() - t) * 1000) FROM bench_clock;
ROLLBACK;
SQL
)
bound_ms=${bound_ms//[!0-9]/}
[ -n "$bound_ms" ] && [ "$bound_ms" -gt 0 ] || bound_ms=1
bound_rate=$(awk -v n="$EVENTS" -v ms="$bound_ms" 'BEGIN { printf "%.1f", n * 1000 / ms }')
ratio=$(awk -v a="$pipeline_rate" -v b="$bound_rate" 'BEGIN { printf "%.3f", a / b }')

echo
printf '%-28s %12s\n' "what" "events_per_s"
printf '%-28s %12s\n' "pipeline (broker -> PG)" "$pipeline_rate"
printf '%-28s %12s\n' "bound (batched inserts)" "$bound_rate"
printf 'ratio pipeline / bound: %s (target >= 0.5; %d events, %d products)\n' "$ratio" "$EVENTS" "$PRODUCTS"
