#!/usr/bin/env bash
# Runs the whole suite on this machine (the README's first command):
#   infrastructure (infra-up.sh), a build (./mvnw -B -q package -DskipTests in the aot-jar
#   packaging; SKIP_BUILD=1 skips it), a class-data archive per service where it has none that
#   matches (one training start each: Leyden AOT cache on JDK 25+, AppCDS on JDK 17; see lib.sh;
#   SHELFWATCH_STARTUP_ARCHIVES=0 skips them), the six services as background JVMs on the ports
#   of config.sh, a wait until every /q/health/ready is UP. SHELFWATCH_JAVA picks the JVM.
# Running it again is safe: a service that already answers on its port is reused.
# Stop everything it started with deploy/local/down.sh.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

READY_TIMEOUT_S=${READY_TIMEOUT_S:-120}

bash "$SHELFWATCH_ROOT/deploy/local/infra-up.sh"

# Is <module> already answering on <port>? Prints "ours" (our pid file) or "other"
# (a process whose command line names the module, or an app whose OpenAPI names it)
# and returns 0; returns 1 when the port is free, 2 when something else holds it.
running_as() {
  local module=$1 port=$2 owner openapi
  if sw_pid_from_file "$SHELFWATCH_PID_DIR/$module.pid" "$(sw_jar_of "$module")" >/dev/null; then
    echo ours
    return 0
  fi
  sw_port_open 127.0.0.1 "$port" || return 1
  owner=$(sw_port_owner_cmdline "$port")
  if [ -n "$owner" ] && [[ "$owner" == *"$module"* ]]; then
    echo other
    return 0
  fi
  openapi=$(curl -fsS -m 3 "http://127.0.0.1:$port/q/openapi?format=json" 2>/dev/null || true)
  if [[ "$openapi" == *"$module"* ]]; then
    echo other
    return 0
  fi
  echo "${owner:-an unknown process}"
  return 2
}

# Which services need starting?
to_start=()
for entry in "${SHELFWATCH_SERVICES[@]}"; do
  read -r module port _ <<<"$entry"
  rc=0
  state=$(running_as "$module" "$port") || rc=$?
  if [ "$rc" -eq 2 ]; then
    sw_die "port $port is taken by something that is not $module: $state"
  elif [ "$rc" -eq 0 ]; then
    if [ "$state" = ours ]; then
      sw_say "$module is already running on :$port (pid $(cat "$SHELFWATCH_PID_DIR/$module.pid")); reusing it"
    else
      sw_say "$module already answers on :$port (not started by this clone); reusing it"
    fi
  else
    to_start+=("$entry")
  fi
done

if [ "${#to_start[@]}" -gt 0 ]; then
  if [ "${SKIP_BUILD:-0}" = 1 ]; then
    sw_say "SKIP_BUILD=1: not building"
  else
    # aot-jar: the fast-jar layout on one flat class path, which class-data archives can cover.
    sw_say "building the services (./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar)"
    build_started=$(sw_now_ms)
    sw_mvn -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar
    sw_say "built in $((($(sw_now_ms) - build_started) / 1000)) s"
  fi
fi

sw_java_init
sw_say "Java: $SW_JAVA (feature $SW_JAVA_FEATURE), flags: ${SW_JAVA_OPTS[*]}, class-data archives: $SW_ARCHIVE_KIND"
for entry in "${to_start[@]}"; do
  read -r module port database <<<"$entry"
  [ -f "$(sw_jar_of "$module")" ] || sw_die "$(sw_jar_of "$module") is missing: build first (run without SKIP_BUILD=1)"
done

# Class-data archives: one training start per service whose archive is missing or stale
# (after every build), one at a time, each against the service's own database and Kafka.
# A training start left behind by an interrupted up.sh is stopped (its archive, without an
# .id file, is made again next time).
stop_training_starts() {
  local entry module
  for entry in "${SHELFWATCH_SERVICES[@]}"; do
    read -r module _ _ <<<"$entry"
    sw_stop_pidfile "$SHELFWATCH_PID_DIR/$module.training.pid" "$(sw_jar_of "$module")" "$module (training start)" 60
  done
}
trap stop_training_starts EXIT
if [ "$SW_ARCHIVE_KIND" != none ]; then
  for entry in "${to_start[@]}"; do
    read -r module port database <<<"$entry"
    sw_archive_valid "$module" && continue
    sw_say "training start of $module for its $SW_ARCHIVE_KIND archive"
    sw_train_archive "$module" "$port" "$database" || true
  done
fi

# Start: auth-billing first (the others fetch its JWKS lazily, so order is a courtesy).
for entry in "${to_start[@]}"; do
  read -r module port database <<<"$entry"
  log="$SHELFWATCH_LOG_DIR/$module.log"
  [ ! -f "$log" ] || mv -f "$log" "$log.1"
  sw_start_service "$module" "$port" "$database" "$SHELFWATCH_PID_DIR/$module.pid" "$log" use
  archive=without
  sw_archive_valid "$module" && archive=with
  sw_say "started $module on :$port $archive its archive (pid $(cat "$SHELFWATCH_PID_DIR/$module.pid"), log $log)"
done

# Wait until every service is ready.
sw_say "waiting for every /q/health/ready (up to ${READY_TIMEOUT_S} s)"
deadline=$(($(sw_now_ms) + READY_TIMEOUT_S * 1000))
pending=("${SHELFWATCH_SERVICES[@]}")
failed=()
while [ "${#pending[@]}" -gt 0 ]; do
  still=()
  for entry in "${pending[@]}"; do
    read -r module port _ <<<"$entry"
    if [ "$(sw_http_status "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then
      sw_say "$module is UP (:$port)"
    elif [ -f "$SHELFWATCH_PID_DIR/$module.pid" ] &&
      ! sw_pid_from_file "$SHELFWATCH_PID_DIR/$module.pid" "$(sw_jar_of "$module")" >/dev/null; then
      sw_warn "$module exited"
      failed+=("$module")
      rm -f "$SHELFWATCH_PID_DIR/$module.pid"
    else
      still+=("$entry")
    fi
  done
  pending=("${still[@]+"${still[@]}"}")
  [ "${#pending[@]}" -gt 0 ] || break
  if [ "$(sw_now_ms)" -ge "$deadline" ]; then
    for entry in "${pending[@]}"; do
      read -r module _ _ <<<"$entry"
      sw_warn "$module is not ready after ${READY_TIMEOUT_S} s"
      failed+=("$module")
    done
    break
  fi
  sleep 0.5
done

if [ "${#failed[@]}" -gt 0 ]; then
  for module in "${failed[@]}"; do
    echo "----- last lines of $SHELFWATCH_LOG_DIR/$module.log -----" >&2
    tail -n 40 "$SHELFWATCH_LOG_DIR/$module.log" >&2 2>/dev/null || echo "(no log)" >&2
  done
  sw_die "not ready: ${failed[*]} (the others keep running; deploy/local/down.sh stops them)"
fi

cat <<EOF

Shelfwatch is running.
  Gateway:  http://localhost:8080
  Health:   http://localhost:8080/health
  Admin:    $ADMIN_EMAIL / $ADMIN_PASSWORD
  Log in:   curl -s -X POST http://localhost:8080/api/v1/auth/login -H 'Content-Type: application/json' -d '{"email":"$ADMIN_EMAIL","password":"$ADMIN_PASSWORD"}'
  Logs:     $SHELFWATCH_LOG_DIR
  Stop:     deploy/local/down.sh
EOF
