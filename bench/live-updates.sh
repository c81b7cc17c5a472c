#!/usr/bin/env bash
# Live push latency of product-service: a `price.updates` record to the /ws/updates frame it
# becomes, for a user connected and tracking the product (issue 4: within a second).
#
#   1. starts the packaged product-service alone (JVM flags of deploy/local/up.sh, a free port, its
#      _st database, topics prefixed "bench-live."), verifying tokens against a key pair made for the run;
#   2. catalogues one product and has the run's user track it (rows as the service writes them);
#   3. connects that user's WebSocket, then produces BENCH_RECORDS price.updates records (default
#      200, valid per contracts/, each a new price) one at a time, each once the previous one's
#      frame arrived, and times record sent -> frame received.
# Prints p50, p99 and max; fails when a frame never comes or p99 > 1000 ms.
# Needs a prior build (./mvnw -B -q -pl product-service package -DskipTests) and psql.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

MODULE=product-service
APP="$MODULE/target/quarkus-app"
RECORDS=${BENCH_RECORDS:-200}
DB=shelfwatch_product_st
ASIN=B0BENCHLIV
export KAFKA_TOPIC_PREFIX=${BENCH_TOPIC_PREFIX:-bench-live.}
KAFKA_LIBS="$SHELFWATCH_STATE_DIR/kafka/libs-4.3.1"
[ -f "$APP/quarkus-run.jar" ] || sw_die "$APP/quarkus-run.jar is missing: run ./mvnw -B -q -pl $MODULE package -DskipTests first"
command -v psql >/dev/null || sw_die "psql is needed"

bash "$SHELFWATCH_ROOT/deploy/local/infra-up.sh" >/dev/null
[ -d "$KAFKA_LIBS" ] || sw_die "no Kafka jars at $KAFKA_LIBS (deploy/local/infra-up.sh fetches them)"

port=$(sw_free_port 18580 18679)

work=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# A key pair for this run only: the service verifies with the public half, the script signs with the other.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
user=$(cat /proc/sys/kernel/random/uuid)
token=$(sw_bench_token "$work/private.pem" "$user" bench-live@example.com)

read -r -a java_opts <<<"$SHELFWATCH_JAVA_OPTS"
log="$SHELFWATCH_LOG_DIR/bench-live-updates.log"
PG_DATABASE=$DB JWKS_URL="file:$work/public.pem" QUARKUS_HTTP_PORT="$port" \
  java "${java_opts[@]}" -jar "$APP/quarkus-run.jar" </dev/null >"$log" 2>&1 &
pid=$!
echo "[bench] $MODULE on port $port (log $log) ..." >&2
# Up to three minutes: start-up on a busy, shared machine is slow.
deadline=$((SECONDS + 180))
while ((SECONDS < deadline)); do
  [ "$(sw_http_status "http://127.0.0.1:$port/q/health/ready" 1)" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || sw_die "$MODULE stopped; see $log"
  sleep 0.05
done
[ "$(sw_http_status "http://127.0.0.1:$port/q/health/ready" 1)" = 200 ] || sw_die "$MODULE not ready; see $log"

# The product, and this run's user tracking it (a fresh user each run, so earlier runs' rows do not matter).
PGPASSWORD="${PG_PASSWORD:-}" psql -q -v ON_ERROR_STOP=1 -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" \
  -U "${PG_USER:-shelfwatch}" -d "$DB" -c "
  INSERT INTO products (id, product_key, asin, url, title, brand, category, price, currency, availability, bsr,
                        rating, reviews_count, buybox_price, status, observed_at, first_seen, last_seen, created_at, updated_at)
  VALUES (gen_random_uuid(), 'asin:$ASIN', '$ASIN', 'https://www.amazon.com/dp/$ASIN', 'Live bench lamp', 'Bench',
          'Home', 100.00, 'USD', 'In Stock', 50, 4.4, 10, 100.00, 'active', now(), now(), now(), now(), now())
  ON CONFLICT (product_key) DO NOTHING;
  INSERT INTO tracking (user_id, product_id, via, created_at)
  SELECT '$user', id, 'url', now() FROM products WHERE product_key = 'asin:$ASIN'" >/dev/null

cat >"$work/Live.java" <<'JAVA'
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends price.updates records one at a time and times each until its price_update frame arrives. */
public class Live {
    static final Pattern CENTS = Pattern.compile("\"new_price_cents\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], topic = args[1], ws = args[2], asin = args[3];
        int records = Integer.parseInt(args[4]);
        // {price in cents, nanoTime received} of each price_update frame
        LinkedBlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    long at = System.nanoTime();
                    Matcher m = CENTS.matcher(partial);
                    if (partial.indexOf("\"price_update\"") >= 0 && m.find()) {
                        arrivals.add(new long[] {Long.parseLong(m.group(1)), at});
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);

        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("linger.ms", "0");
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            // The service reads price.updates for pushes from the latest offset once its partitions are
            // assigned: records until the first frame arrives only wait for that (not measured).
            long cents = 10_000 + (System.currentTimeMillis() / 1000 % 1000) * 1000;
            boolean ready = false;
            for (int i = 0; i < 120 && !ready; i++) {
                send(producer, topic, asin, ++cents);
                ready = arrivals.poll(500, TimeUnit.MILLISECONDS) != null;
            }
            if (!ready) {
                System.err.println("no price_update frame within a minute of records");
                System.exit(1);
            }
            Thread.sleep(1000);
            arrivals.clear();
            long[] latencies = new long[records];
            for (int i = 0; i < records; i++) {
                long expected = ++cents;
                long sent = System.nanoTime();
                send(producer, topic, asin, expected);
                long[] got;
                do {
                    got = arrivals.poll(10, TimeUnit.SECONDS);
                } while (got != null && got[0] != expected);
                if (got == null) {
                    System.err.println("record " + i + " (" + expected + " cents): no frame within 10 s");
                    System.exit(1);
                }
                latencies[i] = (got[1] - sent) / 1000;
                Thread.sleep(10);
            }
            Arrays.sort(latencies);
            System.out.printf("%d %d %d %d%n", records, latencies[records / 2],
                    latencies[Math.min(records - 1, (int) Math.ceil(records * 0.99) - 1)], latencies[records - 1]);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** A record as etl-service writes it (contracts/schemas/price.updates). */
    static void send(KafkaProducer<String, String> producer, String topic, String asin, long cents) throws Exception {
        Instant now = Instant.now();
        String price = cents / 100 + "." + String.format("%02d", cents % 100);
        String value = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"price_update\",\"occurred_at\":\"" + now
                + "\",\"data\":{\"product_key\":\"asin:" + asin + "\",\"asin\":\"" + asin
                + "\",\"url\":\"https://www.amazon.com/dp/" + asin + "\",\"competitor_id\":null,\"status\":\"active\","
                + "\"snapshot\":{\"title\":\"Live bench lamp\",\"brand\":\"Bench\",\"category\":\"Home\",\"image_url\":null,"
                + "\"price\":" + price + ",\"currency\":\"USD\",\"availability\":\"In Stock\",\"bsr\":50,\"rating\":4.4,"
                + "\"reviews_count\":10,\"buybox_price\":" + price + ",\"sku\":null,\"observed_at\":\"" + now + "\"},"
                + "\"previous\":null}}";
        producer.send(new ProducerRecord<>(topic, "asin:" + asin, value)).get();
    }
}
JAVA
echo "[bench] $RECORDS price.updates records to ${KAFKA_TOPIC_PREFIX}price.updates, one at a time ..." >&2
read -r count p50 p99 max <<<"$(java -Xmx256m -cp "$KAFKA_LIBS/*" "$work/Live.java" "$KAFKA_BOOTSTRAP_SERVERS" \
  "${KAFKA_TOPIC_PREFIX}price.updates" "ws://127.0.0.1:$port/ws/updates?access_token=$token" "$ASIN" "$RECORDS" \
  2> >(grep -v SLF4J >&2))"
[ -n "${p99:-}" ] || sw_die "no latencies measured; see $log"

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
echo "price.updates record -> WebSocket frame, $count records: p50 $(ms "$p50") ms, p99 $(ms "$p99") ms, max $(ms "$max") ms (target p99 <= 1000 ms)"
[ "$p99" -le 1000000 ] || sw_die "p99 $(ms "$p99") ms is over the 1000 ms target"
