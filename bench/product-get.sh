#!/usr/bin/env bash
# Cache-hit GET /v1/products/{asin} of product-service beside two bounds measured the same
# way in the same run (wrk, same token, same connections):
#   constant   GET /internal/bench/constant   a constant JSON answer (HTTP + token check only)
#   redis-get  GET /internal/bench/redis-get  one Redis GET of a value the size of the product's cache entry
#   product    GET /v1/products/{asin}        the real endpoint, its entry fresh in Redis
# Prints req/s, p50 and p99 of each and the product's ratio to the Redis bound (target >= 0.5); then
# the product's p99 at ~80 % of its peak (paced, target <= 25 ms) and a cached batch of 50 against
# one cached GET, one connection each (target: batch p50 <= 2x the GET's).
#
# Starts the packaged service alone (JVM flags of deploy/local/up.sh, a free port, its _st
# database, topics prefixed "bench.", bench endpoints on), verifying tokens against a key pair
# made for the run. BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 64), BENCH_THREADS (2),
# BENCH_WARMUP (default 8: seconds per endpoint, twice each, before anything is measured).
# Needs a prior build (./mvnw -B -q package -DskipTests) and wrk (Debian: apt-get install wrk).
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

MODULE=product-service
APP="$MODULE/target/quarkus-app"
SECONDS_EACH=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
DB=shelfwatch_product_st
ASIN=B0BENCH001
export KAFKA_TOPIC_PREFIX=${BENCH_TOPIC_PREFIX:-bench.}
command -v wrk >/dev/null || sw_die "wrk is missing (Debian: apt-get install wrk)"
[ -f "$APP/quarkus-run.jar" ] || sw_die "$APP/quarkus-run.jar is missing: run ./mvnw -B -q package -DskipTests first"

bash "$SHELFWATCH_ROOT/deploy/local/infra-up.sh" >/dev/null

port=$(sw_free_port 18280 18379)

work=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# A key pair for this run only: the service verifies with the public half, the script signs with the other.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
token=$(sw_bench_token "$work/private.pem" "$(cat /proc/sys/kernel/random/uuid)" bench@example.com)

read -r -a java_opts <<<"$SHELFWATCH_JAVA_OPTS"
log="$SHELFWATCH_LOG_DIR/bench-product.log"
PG_DATABASE=$DB JWKS_URL="file:$work/public.pem" PRODUCT_BENCH_ENDPOINTS=true QUARKUS_HTTP_PORT="$port" \
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

# One catalogued product (as price.updates would leave it), read once so its entry is in Redis.
PGPASSWORD="${PG_PASSWORD:-}" psql -q -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" -U "${PG_USER:-shelfwatch}" -d "$DB" -c "
  INSERT INTO products (id, product_key, asin, url, title, brand, category, price, currency, availability, bsr,
                        rating, reviews_count, buybox_price, status, observed_at, first_seen, last_seen, created_at, updated_at)
  VALUES ('$(cat /proc/sys/kernel/random/uuid)', 'asin:$ASIN', '$ASIN', 'https://www.amazon.com/dp/$ASIN',
          'Sony WH-1000XM5 Wireless Noise Canceling Headphones', 'Sony', 'Electronics > Headphones', 299.99, 'USD',
          'In Stock', 12, 4.5, 18432, 299.99, 'active', now(), now(), now(), now(), now())
  ON CONFLICT (product_key) DO NOTHING" >/dev/null
# 49 more catalogued products, for a batch of 50 that the cache holds.
PGPASSWORD="${PG_PASSWORD:-}" psql -q -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" -U "${PG_USER:-shelfwatch}" -d "$DB" -c "
  INSERT INTO products (id, product_key, asin, url, title, brand, category, price, currency, availability, bsr,
                        rating, reviews_count, buybox_price, status, observed_at, first_seen, last_seen, created_at, updated_at)
  SELECT gen_random_uuid(), 'asin:B0BATCH' || lpad(n::text, 3, '0'), 'B0BATCH' || lpad(n::text, 3, '0'),
         'https://www.amazon.com/dp/B0BATCH' || lpad(n::text, 3, '0'), 'Batch product ' || n, 'Bench', 'Electronics',
         10 + n, 'USD', 'In Stock', 100 + n, 4.2, 50 + n, 10 + n, 'active', now(), now(), now(), now(), now()
  FROM generate_series(1, 49) n
  ON CONFLICT (product_key) DO NOTHING" >/dev/null
batch_body=$(printf '{"asins":["%s"' "$ASIN"; for n in $(seq 1 49); do printf ',"B0BATCH%03d"' "$n"; done; printf ']}')
base="http://127.0.0.1:$port"
curl -fsS -H "Authorization: Bearer $token" "$base/v1/products/$ASIN" >/dev/null
# The Redis bound reads a value as large as the product's cache entry.
entry=$(redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" GET "product:asin:$ASIN")
[ -n "$entry" ] || sw_die "the product was not cached; see $log"
redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" SET product:bench "$entry" >/dev/null
# The first read's cache write may still be on its way on a busy machine: give it a moment.
for ((i = 0; i < 20; i++)); do
  cached=$(curl -fsS -H "Authorization: Bearer $token" "$base/v1/products/$ASIN" | jq -r .cached)
  [ "$cached" = true ] && break
  sleep 0.25
done
[ "$cached" = true ] || sw_die "the product read is not a cache hit"

declare -A rps p50 p99
# The whole JVM warms up before anything is measured: with a short warm-up per endpoint, the
# first one measured ran on a colder JIT than the last (the constant bound came out below the
# cached product read).
warm_up() { # path
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${BENCH_WARMUP:-8}s" -H "Authorization: Bearer $token" "$base$1" >/dev/null
}
measure() { # name path
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "Authorization: Bearer $token" "$base$2")
  if grep -q 'Non-2xx' <<<"$out"; then
    sw_die "$1: non-2xx answers: $(grep 'Non-2xx' <<<"$out")"
  fi
  rps[$1]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50[$1]=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99[$1]=$(awk '$1 == "99%" {print $2}' <<<"$out")
}
for path in /internal/bench/constant /internal/bench/redis-get "/v1/products/$ASIN"; do
  warm_up "$path"
  warm_up "$path"
done
measure constant /internal/bench/constant
measure redis-get /internal/bench/redis-get
measure product "/v1/products/$ASIN"

# wrk Lua: the bearer header, an optional POST body, an optional per-request delay (paced runs).
cat >"$work/bench.lua" <<'LUA'
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local body = os.getenv("BENCH_BODY") or ""
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
if body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
function delay() return pause end
LUA
scripted() { # connections delay_ms body path -> "<p50> <p99>"
  local out
  out=$(BENCH_TOKEN=$token BENCH_DELAY_MS=$2 BENCH_BODY=$3 wrk -t1 -c"$1" -d"${SECONDS_EACH}s" --latency -s "$work/bench.lua" "$base$4")
  if grep -q 'Non-2xx' <<<"$out"; then
    sw_die "$4: non-2xx answers: $(grep 'Non-2xx' <<<"$out")"
  fi
  echo "$(awk '$1 == "50%" {print $2}' <<<"$out") $(awk '$1 == "99%" {print $2}' <<<"$out") $(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
}
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else { sub(/s$/, "", v); print v * 1000 } }'; }

# p99 at 80 % of the product's peak: CONNECTIONS connections, each paced by a per-request delay.
target_rps=$(awk -v r="${rps[product]}" 'BEGIN { printf "%d", r * 0.8 }')
pace=$(awk -v c="$CONNECTIONS" -v r="$target_rps" 'BEGIN { d = c * 1000 / r; printf "%d", (d < 1 ? 1 : d) }')
read -r paced50 paced99 paced_rps <<<"$(scripted "$CONNECTIONS" "$pace" "" "/v1/products/$ASIN")"
# A batch of 50 cached products against one cached GET, one connection each, same run.
# The first batch caches the 49 others; then both run warm (JIT) before they are measured.
curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$batch_body" "$base/v1/products/batch" >/dev/null
for ((i = 0; i < 20; i++)); do
  misses=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$batch_body" \
    "$base/v1/products/batch" | jq '[.items[] | select(.cached != true)] | length')
  [ "$misses" = 0 ] && break
  sleep 0.25
done
[ "$misses" = 0 ] || sw_die "the batch's products are not all cache hits ($misses misses)"
BENCH_TOKEN=$token BENCH_DELAY_MS=0 BENCH_BODY=$batch_body wrk -t1 -c4 -d3s -s "$work/bench.lua" "$base/v1/products/batch" >/dev/null
BENCH_TOKEN=$token BENCH_DELAY_MS=0 BENCH_BODY= wrk -t1 -c4 -d3s -s "$work/bench.lua" "$base/v1/products/$ASIN" >/dev/null
read -r single50 single99 _ <<<"$(scripted 1 0 "" "/v1/products/$ASIN")"
read -r batch50 batch99 _ <<<"$(scripted 1 0 "$batch_body" "/v1/products/batch")"

printf '%-10s %12s %10s %10s\n' endpoint req/s p50 p99
for name in constant redis-get product; do
  printf '%-10s %12s %10s %10s\n' "$name" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}"
done
awk -v p="${rps[product]}" -v r="${rps[redis-get]}" 'BEGIN { printf "product / redis-get = %.2f (target >= 0.5)\n", p / r }'
echo "product at ~80 % of peak (${paced_rps} req/s, ${pace} ms pacing per connection): p50 $paced50, p99 $paced99 (target p99 <= 25 ms)"
awk -v b="$(ms "$batch50")" -v g="$(ms "$single50")" 'BEGIN { printf "batch of 50 p50 %.2f ms / single GET p50 %.2f ms = %.2f (target <= 2)\n", b, g, b / g }'
