#!/usr/bin/env bash
# Start-up benchmark: for each of the six services, start its packaged jar alone the way
# deploy/local/up.sh does (lib.sh's sw_start_service: same JVM, flags and class-data archive),
# on a free port, against its _bench database (BENCH_DB_SUFFIX picks another set, e.g. _test_h3;
# not _st: the system tests leave secrets there under another ENCRYPTION_KEY),
# Kafka topics prefixed "bench."; measure the milliseconds from JVM start to
# /q/health/ready = 200 (polled every 50 ms) and the idle RSS 3 s later, stop it.
# The archive is required (-XX:AOTMode=on / -Xshare:on), so a JVM that cannot use it fails
# loudly instead of being measured without it; a missing or stale archive is made first by a
# training start (as up.sh does). SHELFWATCH_STARTUP_ARCHIVES=0 measures without archives,
# SHELFWATCH_JAVA another JVM.
# Prints a table; exits 1 when a service misses a target (ready <= 5000 ms, RSS <= 300 MB).
# Needs a prior build (deploy/local/up.sh, or ./mvnw -B -q package -DskipTests
# -Dquarkus.package.jar.type=aot-jar); brings the infrastructure up itself.
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
DB_SUFFIX=${BENCH_DB_SUFFIX:-_bench}
export KAFKA_TOPIC_PREFIX=${BENCH_TOPIC_PREFIX:-bench.}

for entry in "${SHELFWATCH_SERVICES[@]}"; do
  read -r module _ _ <<<"$entry"
  [ -f "$(sw_jar_of "$module")" ] ||
    sw_die "$(sw_jar_of "$module") is missing: build first (deploy/local/up.sh, or ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar)"
done

bash "$SHELFWATCH_ROOT/deploy/local/infra-up.sh" >/dev/null

# A free port in 18100-18899, from a random start: other clones may run this bench at the
# same time, so a port is taken just before use (and sw_wait_ready counts only our process).
free_port() {
  local p i
  p=$((18100 + RANDOM % 800))
  for ((i = 0; i < 800; i++)); do
    sw_port_open 127.0.0.1 "$p" || {
      echo "$p"
      return 0
    }
    p=$((18100 + (p - 18100 + 1) % 800))
  done
  sw_die "no free port in 18100-18899"
}

sw_java_init
echo "[bench] Java: $SW_JAVA_VERSION" >&2
echo "[bench] flags: ${SW_JAVA_OPTS[*]}; class-data archives: $SW_ARCHIVE_KIND; databases *$DB_SUFFIX" >&2

rows=()
failures=0
pidfile=
trap '[ -z "$pidfile" ] || kill -KILL "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null || true' EXIT

for entry in "${SHELFWATCH_SERVICES[@]}"; do
  read -r module _ database <<<"$entry"
  [ "$database" = - ] || database="$database$DB_SUFFIX"
  archive_mode=off
  if [ "$SW_ARCHIVE_KIND" != none ]; then
    archive_mode=require
    if ! sw_archive_valid "$module"; then
      echo "[bench] $module: no $SW_ARCHIVE_KIND archive for this JVM, flags and build; training start" >&2
      sw_train_archive "$module" "$(free_port)" "$database" >&2 || true
    fi
  fi
  port=$(free_port)
  log="$SHELFWATCH_LOG_DIR/bench-startup-$module.log"
  pidfile="$SHELFWATCH_PID_DIR/bench-startup-$module.pid"
  rm -f "$log"
  printf '[bench] %-22s port %s ... ' "$module" "$port" >&2

  start=$(sw_now_ms)
  sw_start_service "$module" "$port" "$database" "$pidfile" "$log" "$archive_mode"
  pid=$(cat "$pidfile")
  ready_ms=
  if sw_wait_ready "$module" "$port" "$pidfile" $((TIMEOUT_MS / 1000)); then
    ready_ms=$(($(sw_now_ms) - start))
  fi

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
  rm -f "$pidfile"
  pidfile=

  result=PASS
  if [ -z "$ready_ms" ] || [ "$ready_ms" -gt "$TARGET_READY_MS" ] ||
    [ "$rss_mb" = - ] || [ "$rss_mb" -gt "$TARGET_RSS_MB" ]; then
    result=FAIL
    failures=$((failures + 1))
  fi
  echo "${ready_ms:-timeout} ms, ${rss_mb} MB: $result" >&2
  if [ -z "$ready_ms" ]; then
    echo "[bench] not ready; last lines of $log:" >&2
    tail -n 15 "$log" >&2 || true
  fi
  archive_used=none
  [ "$archive_mode" != require ] || archive_used=$SW_ARCHIVE_KIND
  rows+=("$module ${ready_ms:-timeout} $rss_mb $archive_used $result")
done

echo
printf '%-22s %9s %7s %8s  %-22s %s\n' service ready_ms rss_mb archive target result
for row in "${rows[@]}"; do
  read -r module ready rss archive result <<<"$row"
  printf '%-22s %9s %7s %8s  %-22s %s\n' "$module" "$ready" "$rss" "$archive" \
    "<=${TARGET_READY_MS}ms <=${TARGET_RSS_MB}MB" "$result"
done
[ "$failures" -eq 0 ]
