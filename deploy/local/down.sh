#!/usr/bin/env bash
# Stops what up.sh and infra-up.sh started from this clone, and nothing else:
#   1. the six services whose pid files are in .run/pids (and a training start of up.sh);
#   2. the Kafka broker when our pid file names it;
#   3. Redis and PostgreSQL only when .run/pids/infra-started says we started them.
# A PostgreSQL or Redis that was already running (or that apt started) keeps running.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"

# Services: in reverse start order, gateway first.
for ((i = ${#SHELFWATCH_SERVICES[@]} - 1; i >= 0; i--)); do
  read -r module _ _ <<<"${SHELFWATCH_SERVICES[$i]}"
  sw_stop_pidfile "$SHELFWATCH_PID_DIR/$module.pid" "$module/target/quarkus-app/quarkus-run.jar" "$module" 20
  sw_stop_pidfile "$SHELFWATCH_PID_DIR/$module.training.pid" "$module/target/quarkus-app/quarkus-run.jar" "$module (training start)" 60
done

if [ -f "$SHELFWATCH_PID_DIR/kafka.pid" ]; then
  sw_stop_pidfile "$SHELFWATCH_PID_DIR/kafka.pid" kafka.Kafka kafka 30
fi
sw_record_remove kafka

if [ -f "$SHELFWATCH_INFRA_RECORD" ] && grep -qx redis "$SHELFWATCH_INFRA_RECORD"; then
  sw_stop_pidfile "$SHELFWATCH_PID_DIR/redis.pid" redis-server redis 10
  sw_record_remove redis
fi

if [ -f "$SHELFWATCH_INFRA_RECORD" ]; then
  while read -r what version cluster; do
    [ "$what" = pg ] || continue
    sw_say "stopping PostgreSQL $version/$cluster (started by infra-up.sh)"
    sw_as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" stop ||
      sw_warn "could not stop PostgreSQL $version/$cluster"
    sw_record_remove "pg $version $cluster"
  done < <(cat "$SHELFWATCH_INFRA_RECORD")
  [ -s "$SHELFWATCH_INFRA_RECORD" ] || rm -f "$SHELFWATCH_INFRA_RECORD"
fi
sw_say "stopped what this clone started (logs stay in $SHELFWATCH_LOG_DIR)"
