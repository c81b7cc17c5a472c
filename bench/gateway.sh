#!/usr/bin/env bash
# Gateway overhead benchmark: the same cache-hit product GET (doc A's /v1/products/{asin}), direct to product-service and
# through a gateway, in one run, with wrk:
#   1. peak: closed loop, BENCH_CONNECTIONS connections, BENCH_DURATION each (direct, then gateway);
#   2. fixed load at half the direct peak and at the direct peak (wrk paces each connection with a
#      per-request delay from a Lua script; wrk 4 has no open-loop mode, so "fixed" means paced
#      closed loop: latencies under overload are understated, never inflated). Each delay is drawn
#      uniformly from 0 to twice the mean: with one constant delay, all connections start together
#      and stay in step, so requests arrive in bursts of BENCH_CONNECTIONS at once and what is
#      measured is how long a burst takes to drain, not the latency at that rate.
# Each measurement is BENCH_ROUNDS (3) rounds of direct-then-gateway runs, and each figure printed is
# the median of its rounds: on this shared machine one run's direct peak alone moved by +-20 %, and
# it sets the fixed loads, so one stall in one run would move every other figure with it.
# This machine is a VM on a shared host: under load the host may take a share of its CPU for other
# guests ("steal" in /proc/stat; 30-40 % was seen here), and latency measured then reads the host's
# contention, not the code. A round whose steal exceeds BENCH_MAX_STEAL (5 %) is run again, up to
# BENCH_STEAL_RETRIES (3) more times; the steal of the rounds kept is printed with each figure, with
# a warning when it is still over the limit.
# Prints p50/p99 direct and through the gateway, the added p50/p99, the bench gateway's CPU per
# proxied request (from /proc, less sensitive to a busy host than latency), and the throughput ratio
# gateway peak / direct peak. Targets (issue 10): added p50 <= 1 ms and p99 <= 3 ms at the
# half-peak load; ratio >= 0.5. Exits 1 when one is missed.
#
# Needs: the suite running (deploy/local/up.sh: product-service on 8082, auth-billing on 8081),
# wrk (apt-get install wrk), and the packaged gateway (./mvnw -B -q -pl gateway package -DskipTests).
# It starts its OWN gateway on a free port (so the suite's gateway and its rate limits are left
# alone) with rate limits high enough never to bite, signs in as the admin (ADMIN_EMAIL /
# ADMIN_PASSWORD from deploy/local/env.sh), ingests one observation of BENCH_ASIN through
# etl-service (POST /v1/etl/events/ingest, as a client would) and waits until product-service
# serves it, warms the product-service cache with one GET, and stops its gateway at the end.
# Both sides send the same bearer JWT. When a run sees non-2xx answers, their status codes are
# printed from the bench gateway's /metrics.
#
# BENCH_ASIN (B0BENCHGW1), BENCH_PATH (default /v1/products/$BENCH_ASIN), BENCH_DURATION (10s),
# BENCH_WARMUP (10s: one warm-up round; rounds repeat until the rate gains less than 5 %, at most BENCH_WARMUP_ROUNDS, 8),
# BENCH_ROUNDS (3), BENCH_MAX_STEAL (5, percent), BENCH_STEAL_RETRIES (3), BENCH_CONNECTIONS (32), BENCH_THREADS (2), ETL_SERVICE_URL (http://127.0.0.1:8083),
# BENCH_GATEWAY_JAVA_OPTS (extra JVM flags for the bench gateway, e.g. a JFR recording).
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

BENCH_ASIN=${BENCH_ASIN:-B0BENCHGW1}
BENCH_PATH=${BENCH_PATH:-"/v1/products/$BENCH_ASIN"}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-10s}
WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-8}
ROUNDS=${BENCH_ROUNDS:-3}
MAX_STEAL=${BENCH_MAX_STEAL:-5}
STEAL_RETRIES=${BENCH_STEAL_RETRIES:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
AUTH_URL=${AUTH_BILLING_URL:-http://127.0.0.1:8081}
PRODUCT_URL=${PRODUCT_SERVICE_URL:-http://127.0.0.1:8082}
ETL_URL=${ETL_SERVICE_URL:-http://127.0.0.1:8083}
JAR=gateway/target/quarkus-app/quarkus-run.jar

command -v wrk >/dev/null || sw_die "wrk is missing: sudo apt-get install wrk"
command -v curl >/dev/null || sw_die "curl is missing"
[ -f "$JAR" ] || sw_die "$JAR is missing: ./mvnw -B -q -pl gateway package -DskipTests"
curl -fsS "$PRODUCT_URL/q/health/ready" >/dev/null || sw_die "product-service is not ready at $PRODUCT_URL: run deploy/local/up.sh"
curl -fsS "$AUTH_URL/q/health/ready" >/dev/null || sw_die "auth-billing-service is not ready at $AUTH_URL: run deploy/local/up.sh"

port=$(sw_free_port 18090 18189)
GATEWAY_URL="http://127.0.0.1:$port"

work=$(mktemp -d)
gateway_pid=""
cleanup() {
  [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The same JVM and flags as the suite's services (lib.sh), so both sides of the comparison run alike.
sw_java_init
sw_say "starting a bench gateway on $GATEWAY_URL with $SW_JAVA (log: $work/gateway.log)"
QUARKUS_HTTP_PORT=$port RATE_LIMIT_ANON_PER_MINUTE=100000000 RATE_LIMIT_USER_PER_MINUTE=100000000 \
  RATE_LIMIT_BURST=100000000 KAFKA_TOPIC_PREFIX=${KAFKA_TOPIC_PREFIX:-} \
  "$SW_JAVA" "${SW_JAVA_OPTS[@]}" ${BENCH_GATEWAY_JAVA_OPTS:-} -jar "$JAR" >"$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 300); do
  curl -fsS "$GATEWAY_URL/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$gateway_pid" 2>/dev/null || sw_die "the bench gateway died: $(tail -5 "$work/gateway.log")"
  sleep 0.1
done
curl -fsS "$GATEWAY_URL/q/health/ready" >/dev/null || sw_die "the bench gateway did not become ready"

[ -n "${ADMIN_EMAIL:-}" ] && [ -n "${ADMIN_PASSWORD:-}" ] || sw_die "ADMIN_EMAIL / ADMIN_PASSWORD are not set (deploy/local/env.sh)"
login=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$AUTH_URL/api/v1/auth/login")
TOKEN=$(printf '%s' "$login" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || sw_die "admin login answered no access_token"

# The product the bench reads: one observation through the real pipeline (etl -> price.updates -> product-service).
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$PRODUCT_URL/v1/products/$BENCH_ASIN")" != 200 ]; then
  sw_say "ingesting $BENCH_ASIN through etl-service"
  curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"asin\":\"$BENCH_ASIN\",\"source\":\"bench\",\"event_type\":\"product_snapshot\",\"raw_data\":{\"title\":\"Gateway bench product\",\"price\":19.99,\"currency\":\"USD\",\"bsr\":1200,\"rating\":4.5,\"reviews_count\":321}}" \
    "$ETL_URL/v1/etl/events/ingest" || sw_die "etl-service refused the bench observation"
  for _ in $(seq 1 150); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$PRODUCT_URL/v1/products/$BENCH_ASIN")" = 200 ] && break
    sleep 0.2
  done
fi

for base in "$PRODUCT_URL" "$GATEWAY_URL"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$base$BENCH_PATH")
  [ "$code" = 200 ] || sw_die "GET $base$BENCH_PATH answered $code"
done

# wrk Lua: the bearer header, and an optional per-request delay (ms) for paced runs.
cat >"$work/bench.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
-- Each wrk thread has a Lua state of its own: a seed per thread, or they would draw the same delays.
local threads = 0
function setup(thread) threads = threads + 1; thread:set("thread_number", threads) end
function init(args) math.randomseed(os.time() * 1000 + (thread_number or 0)) end
function delay() if pause == 0 then return 0 end return math.random(0, 2 * pause) end
LUA

# run <url> [delay_ms] -> "<requests/s> <p50 ms> <p99 ms> <requests>"
run() {
  local out
  out=$(BENCH_DELAY_MS=${2:-0} wrk -t"$THREADS" -c"$CONNECTIONS" -d"${RUN_DURATION:-$DURATION}" --latency -s "$work/bench.lua" "$1$BENCH_PATH")
  if grep -q 'Non-2xx' <<<"$out"; then
    sw_warn "non-2xx answers during the run against $1: $(grep 'Non-2xx' <<<"$out")"
    if [ "$1" = "$GATEWAY_URL" ]; then
      sw_warn "bench gateway answers so far, by status: $(curl -s "$GATEWAY_URL/metrics" |
        awk -F'[{},]' '/^http_server_requests_seconds_count/ { for (i = 2; i <= NF; i++) if ($i ~ /^status=/) { gsub(/status=|"/, "", $i); n[$i] += $NF } }
          END { for (s in n) printf "%s=%d ", s, n[s] }')"
    fi
  fi
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    / requests in / { requests = $1 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, requests }' <<<"$out"
}

# "<all ticks> <steal ticks>" of the machine, from /proc/stat's cpu line.
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $9 }' /proc/stat; }
# steal_percent <before> <after>: the host's share of this machine's CPU between two machine_ticks.
steal_percent() {
  awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); t = y[1] - x[1]
    printf "%.1f", (t > 0 ? 100 * (y[2] - x[2]) / t : 0) }'
}
# CPU ticks (user + system) the bench gateway has used so far.
gateway_ticks() { awk '{ print $14 + $15 }' "/proc/$gateway_pid/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# Per-connection delay that paces CONNECTIONS connections to about <rate> requests/s.
delay_for() { awk -v c="$CONNECTIONS" -v r="$1" 'BEGIN { d = c * 1000 / r; printf "%d", (d < 1 ? 1 : d) }'; }

# A fresh JVM on two shared cores needs many seconds under load before its JIT settles (the
# bench gateway went 880 -> 1680 -> 2060 -> 2840 -> 3340 req/s over five 5 s runs here). Each
# side is loaded in rounds until a round gains less than 5 % on the one before: steady state.
warm_up() { # url name
  local previous=0 rate round
  for ((round = 1; round <= WARMUP_ROUNDS; round++)); do
    read -r rate _ < <(RUN_DURATION=$WARMUP run "$1")
    sw_say "warm-up $2 round $round: $rate req/s"
    awk -v a="$rate" -v b="$previous" 'BEGIN { exit !(a < b * 1.05) }' && return 0
    previous=$rate
  done
}
warm_up "$PRODUCT_URL" direct
warm_up "$GATEWAY_URL" gateway

# paired [delay_ms] -> "<direct req/s> <p50> <p99> <gateway req/s> <p50> <p99> <steal %> <gateway CPU us per request>":
# ROUNDS rounds of a direct run then a gateway run, each column the median of its rounds, but steal,
# which is the highest of the rounds kept. A round the host took more than MAX_STEAL % of the CPU
# from is run again, at most STEAL_RETRIES times.
paired() {
  local round attempt rows="" before after steal direct gateway ticks
  for ((round = 1; round <= ROUNDS; round++)); do
    for ((attempt = 0; attempt <= STEAL_RETRIES; attempt++)); do
      before=$(machine_ticks)
      direct=$(run "$PRODUCT_URL" "${1:-0}")
      ticks=$(gateway_ticks)
      gateway=$(run "$GATEWAY_URL" "${1:-0}")
      ticks=$(($(gateway_ticks) - ticks))
      after=$(machine_ticks)
      steal=$(steal_percent "$before" "$after")
      awk -v s="$steal" -v m="$MAX_STEAL" 'BEGIN { exit !(s <= m) }' && break
      [ "$attempt" -lt "$STEAL_RETRIES" ] && sw_say "round $round: the host took $steal % of this machine's CPU (steal > $MAX_STEAL %): running it again" >&2
    done
    read -r dr dp50 dp99 _ <<<"$direct"
    read -r gr gp50 gp99 requests <<<"$gateway"
    rows+="$dr $dp50 $dp99 $gr $gp50 $gp99 $steal $(awk -v t="$ticks" -v n="$requests" -v hz="$TICKS_PER_SECOND" \
      'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')"$'\n'
  done
  printf '%s' "$rows" | awk '
    { for (c = 1; c <= 8; c++) v[c, NR] = $c }
    END {
      for (c = 1; c <= 8; c++) {
        n = 0; for (r = 1; r <= NR; r++) col[++n] = v[c, r]
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (col[j] < col[i]) { t = col[i]; col[i] = col[j]; col[j] = t }
        m = (c == 7) ? col[n] : (n % 2) ? col[(n + 1) / 2] : (col[n / 2] + col[n / 2 + 1]) / 2
        printf "%s%s", m, (c < 8 ? " " : "\n")
      }
    }'
}

sw_say "peak (closed loop, $CONNECTIONS connections, $DURATION, median of $ROUNDS rounds)"
read -r direct_peak d_p50 d_p99 gateway_peak g_p50 g_p99 p_steal p_cpu < <(paired)
direct_peak=${direct_peak%.*}

half=$((direct_peak / 2))
results=()
for rate in "$half" "$direct_peak"; do
  d=$(delay_for "$rate")
  sw_say "fixed load ~${rate} req/s (delay ${d} ms per request per connection, median of $ROUNDS rounds)"
  results+=("$rate $(paired "$d")")
done

minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
row() { printf '%-22s %10s %10s %10s %10s %10s %10s %10s %10s %8s %10s\n' "$@"; }
printf '\n'
row "load" "direct/s" "p50 ms" "p99 ms" "gateway/s" "p50 ms" "p99 ms" "+p50 ms" "+p99 ms" "steal %" "gw us/req"
row "peak" "$direct_peak" "$d_p50" "$d_p99" "$gateway_peak" "$g_p50" "$g_p99" "$(minus "$g_p50" "$d_p50")" "$(minus "$g_p99" "$d_p99")" "$p_steal" "$p_cpu"
failed=0
i=0
for line in "${results[@]}"; do
  read -r rate dr dp50 dp99 gr gp50 gp99 steal cpu <<<"$line"
  add50=$(minus "$gp50" "$dp50")
  add99=$(minus "$gp99" "$dp99")
  label=$([ "$i" = 0 ] && echo "fixed ${rate}/s (half)" || echo "fixed ${rate}/s (peak)")
  row "$label" "$dr" "$dp50" "$dp99" "$gr" "$gp50" "$gp99" "$add50" "$add99" "$steal" "$cpu"
  if [ "$i" = 0 ]; then
    awk -v a="$add50" 'BEGIN{exit !(a > 1.0)}' && { sw_warn "added p50 $add50 ms > 1 ms at half load"; failed=1; }
    awk -v a="$add99" 'BEGIN{exit !(a > 3.0)}' && { sw_warn "added p99 $add99 ms > 3 ms at half load"; failed=1; }
    awk -v s="$steal" -v m="$MAX_STEAL" 'BEGIN{exit !(s > m)}' &&
      sw_warn "the host took up to $steal % of this machine's CPU during the half-load rounds (limit $MAX_STEAL %): their latencies read the host's contention as much as the gateway"
  fi
  i=$((i + 1))
done
ratio=$(awk -v g="$gateway_peak" -v d="$direct_peak" 'BEGIN{printf "%.2f", (d > 0 ? g / d : 0)}')
printf '\nthroughput ratio (gateway peak / direct peak): %s (target >= 0.5)\n' "$ratio"
awk -v r="$ratio" 'BEGIN{exit !(r < 0.5)}' && { sw_warn "throughput ratio $ratio < 0.5"; failed=1; }
exit "$failed"
