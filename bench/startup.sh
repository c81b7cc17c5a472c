#!/usr/bin/env bash
# Start-up benchmark: for each of the six services, start its packaged jar alone
# (same JVM flags as deploy/local/up.sh, on a free port, against its _st database,
# Kafka topics prefixed "bench."), measure the milliseconds from JVM start to
# /q/health/ready = 200 (polled every 50 ms) and the idle RSS 3 s later, stop it.
# Prints a table; exits 1 when a service misses a target (ready <= 5000 ms, RSS <= 300 MB).
# Needs a prior build (./mvnw -B -q package -DskipTests); brings the infrastructure up itself.
# Does not clash with a suite running from deploy/local/up.sh (own ports, database,
# topics); its consumers share group ids with the suite's, so those rebalance briefly.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

TARGET_READY_MS=5000
TARGET_RSS_MB=300
TIMEOUT_MS=${BENCH_TIMEOUT_MS:-60000}
export KAFKA_TOPIC_PREFIX=${BENCH_TOPIC_PREFIX:-bench.}

for entry in "${SHELFWATCH_SERVICES[@]}"; do
  read -r module _ _ <<<"$entry"
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] ||
    sw_die "$module/target/quarkus-app/quarkus-run.jar is missing: run ./mvnw -B -q package -DskipTests first"
done

bash "$SHELFWATCH_ROOT/deploy/local/infra-up.sh" >/dev/null

free_port() {
  local p
  for ((p = 18080; p < 18180; p++)); do
    sw_port_open 127.0.0.1 "$p" || {
      echo "$p"
      return 0
    }
  done
  sw_die "no free port in 18080-18179"
}

read -r -a java_opts <<<"$SHELFWATCH_JAVA_OPTS"
rows=()
failures=0
pid=
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true' EXIT

for entry in "${SHELFWATCH_SERVICES[@]}"; do
  read -r module _ database <<<"$entry"
  port=$(free_port)
  log="$SHELFWATCH_LOG_DIR/bench-startup-$module.log"
  db_env=()
  [ "$database" = - ] || db_env=(PG_DATABASE="${database}_st")
  printf '[bench] %-22s port %s ... ' "$module" "$port" >&2

  start=$(sw_now_ms)
  env "${db_env[@]}" QUARKUS_HTTP_PORT="$port" \
    java "${java_opts[@]}" -jar "$module/target/quarkus-app/quarkus-run.jar" </dev/null >"$log" 2>&1 &
  pid=$!
  ready_ms=
  while :; do
    if [ "$(sw_http_status "http://127.0.0.1:$port/q/health/ready" 1)" = 200 ]; then
      ready_ms=$(($(sw_now_ms) - start))
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    [ $(($(sw_now_ms) - start)) -lt "$TIMEOUT_MS" ] || break
    sleep 0.05
  done

  rss_mb=-
  if [ -n "$ready_ms" ]; then
    sleep 3
    rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [ -z "$rss_kb" ] || rss_mb=$(((rss_kb + 512) / 1024))
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 200; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=

  result=PASS
  if [ -z "$ready_ms" ] || [ "$ready_ms" -gt "$TARGET_READY_MS" ] ||
    [ "$rss_mb" = - ] || [ "$rss_mb" -gt "$TARGET_RSS_MB" ]; then
    result=FAIL
    failures=$((failures + 1))
  fi
  echo "${ready_ms:-timeout} ms, ${rss_mb} MB: $result" >&2
  [ -n "$ready_ms" ] || echo "[bench] not ready; see $log" >&2
  rows+=("$module ${ready_ms:-timeout} $rss_mb $result")
done

echo
printf '%-22s %9s %7s  %-22s %s\n' service ready_ms rss_mb target result
for row in "${rows[@]}"; do
  read -r module ready rss result <<<"$row"
  printf '%-22s %9s %7s  %-22s %s\n' "$module" "$ready" "$rss" \
    "<=${TARGET_READY_MS}ms <=${TARGET_RSS_MB}MB" "$result"
done
[ "$failures" -eq 0 ]
