#!/usr/bin/env bash
# Brings up what the services need on this machine, idempotently:
#   - installs what is missing (apt): postgresql, redis-server, a JDK 17, curl;
#   - starts PostgreSQL and Redis on 127.0.0.1 unless they already answer (then reuses them);
#   - creates the role $PG_USER (password from local.env, set again on every run) and the
#     20 databases (each service's, its _test, _st and _bench twins);
#   - fetches Apache Kafka 4.3.1's jars from Maven Central (once, into the state directory),
#     starts a single-node KRaft broker on 127.0.0.1:9092 (controller on 9093; the port of
#     KAFKA_BOOTSTRAP_SERVERS and the next one) unless something answers there,
#     and creates the topics of deploy/local/kafka/topics.txt (with $KAFKA_TOPIC_PREFIX).
# What it starts is recorded in .run/pids/infra-started; down.sh stops only that.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"

KAFKA_VERSION=4.3.1
KAFKA_SRC="$SHELFWATCH_ROOT/deploy/local/kafka"
KAFKA_HOME="$SHELFWATCH_STATE_DIR/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs-$KAFKA_VERSION"
KAFKA_DATA="$KAFKA_HOME/data"
KAFKA_CONFIG="$KAFKA_HOME/config/server.properties"
KAFKA_PIDFILE="$SHELFWATCH_PID_DIR/kafka.pid"
REDIS_PIDFILE="$SHELFWATCH_PID_DIR/redis.pid"

started_at=$(sw_now_ms)

# One infra-up at a time on this machine (two test runs starting together).
if command -v flock >/dev/null; then
  exec 9>"$SHELFWATCH_STATE_DIR/infra-up.lock"
  flock -w 600 9 || sw_die "another infra-up.sh holds $SHELFWATCH_STATE_DIR/infra-up.lock"
fi

# --- where things are --------------------------------------------------------
redis_hostport=${REDIS_URL#*://}
redis_hostport=${redis_hostport##*@}
redis_hostport=${redis_hostport%%/*}
REDIS_HOST=${redis_hostport%:*}
REDIS_PORT=${redis_hostport##*:}
[ "$REDIS_PORT" != "$redis_hostport" ] || REDIS_PORT=6379
kafka_first=${KAFKA_BOOTSTRAP_SERVERS%%,*}
KAFKA_HOST=${kafka_first%:*}
KAFKA_PORT=${kafka_first##*:}
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))

pg_answers() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
  else
    sw_port_open "$PG_HOST" "$PG_PORT"
  fi
}
redis_answers() {
  if command -v redis-cli >/dev/null; then
    # PONG, or an error such as NOAUTH: either way a Redis answers.
    [ -n "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" ]
  else
    sw_port_open "$REDIS_HOST" "$REDIS_PORT"
  fi
}

# --- 1. packages ---------------------------------------------------------------
packages=()
command -v curl >/dev/null || packages+=(curl)
if ! command -v javac >/dev/null; then
  packages+=(openjdk-17-jdk-headless)
fi
if sw_is_local_host "$PG_HOST"; then
  if ! command -v psql >/dev/null || { ! pg_answers && ! command -v pg_ctlcluster >/dev/null; }; then
    packages+=(postgresql)
  elif ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && ! pg_answers; then
    packages+=(postgresql)
  fi
elif ! command -v psql >/dev/null; then
  packages+=(postgresql-client)
fi
if sw_is_local_host "$REDIS_HOST"; then
  if ! command -v redis-server >/dev/null && ! redis_answers; then
    packages+=(redis-server)
  elif ! command -v redis-cli >/dev/null; then
    packages+=(redis-tools)
  fi
fi
if [ "${#packages[@]}" -gt 0 ]; then
  sw_say "installing with apt: ${packages[*]}"
  command -v apt-get >/dev/null || sw_die "apt-get not found; install ${packages[*]} yourself"
  sw_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  sw_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
fi

# --- 2. PostgreSQL -------------------------------------------------------------
if pg_answers; then
  sw_say "PostgreSQL answers on $PG_HOST:$PG_PORT (reusing it)"
elif ! sw_is_local_host "$PG_HOST"; then
  sw_die "PostgreSQL on $PG_HOST:$PG_PORT does not answer"
else
  # The Debian cluster on PG_PORT, else any; create one when the package made none.
  cluster=$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2; exit }')
  [ -n "$cluster" ] || cluster=$(pg_lsclusters -h 2>/dev/null | awk '{ print $1, $2; exit }')
  if [ -z "$cluster" ]; then
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -n | tail -n1)
    [ -n "$version" ] || sw_die "no PostgreSQL server installed"
    sw_say "creating PostgreSQL cluster $version/main"
    sw_as_root pg_createcluster "$version" main --port "$PG_PORT"
    cluster="$version main"
  fi
  read -r pg_version pg_cluster <<<"$cluster"
  sw_say "starting PostgreSQL $pg_version/$pg_cluster"
  # (9>&-: daemons must not inherit the lock.)
  sw_as_root pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$pg_cluster" start 9>&- ||
    sw_as_root service postgresql start 9>&-
  for ((i = 0; i < 300; i++)); do
    pg_answers && break
    sleep 0.1
  done
  pg_answers || sw_die "PostgreSQL did not come up on $PG_HOST:$PG_PORT"
  sw_record_add "pg $pg_version $pg_cluster"
fi

# --- 3. the role and the databases ----------------------------------------------
databases=()
for db in "${SHELFWATCH_DATABASES[@]}"; do
  databases+=("$db" "${db}_test" "${db}_st" "${db}_bench")
done
pw_literal=${PG_PASSWORD//\'/\'\'}
admin_psql() {
  if sw_is_local_host "$PG_HOST" && id postgres >/dev/null 2>&1 &&
    { [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    sw_as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@"
  else
    # No way to become postgres: try the postgres role over TCP (trust or PGPASSWORD).
    psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "${PG_ADMIN_USER:-postgres}" -d postgres "$@"
  fi
}
# The password goes in on stdin, never on a command line.
admin_psql -v role="$PG_USER" -v dbs="${databases[*]}" >/dev/null <<SQL
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN PASSWORD '$pw_literal';
SELECT format('CREATE DATABASE %I OWNER %I', d, :'role')
  FROM unnest(string_to_array(:'dbs', ' ')) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', datname, :'role')
  FROM pg_database
 WHERE datname = ANY (string_to_array(:'dbs', ' '))
   AND datdba <> (SELECT oid FROM pg_roles WHERE rolname = :'role') \gexec
SQL
# Prove the services' way in works: user and password over TCP.
PGPASSWORD="$PG_PASSWORD" psql -X -q -At -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
  -d "${SHELFWATCH_DATABASES[0]}" -c 'select 1' >/dev/null ||
  sw_die "cannot log in to PostgreSQL as $PG_USER over TCP"
sw_say "PostgreSQL: role $PG_USER and ${#databases[@]} databases ready"

# --- 4. Redis ------------------------------------------------------------------
if redis_answers; then
  sw_say "Redis answers on $REDIS_HOST:$REDIS_PORT (reusing it)"
elif ! sw_is_local_host "$REDIS_HOST"; then
  sw_die "Redis on $REDIS_HOST:$REDIS_PORT does not answer"
else
  sw_say "starting Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$SHELFWATCH_STATE_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$SHELFWATCH_STATE_DIR/redis" --logfile "$SHELFWATCH_LOG_DIR/redis.log" \
    --pidfile "$REDIS_PIDFILE" 9>&-
  for ((i = 0; i < 100; i++)); do
    redis_answers && break
    sleep 0.1
  done
  redis_answers || sw_die "Redis did not come up (see $SHELFWATCH_LOG_DIR/redis.log)"
  sw_record_add redis
fi

# --- 5. Kafka -------------------------------------------------------------------
kafka_java() {
  java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$KAFKA_LIBS/*" \
    -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2-tools.properties" "$@"
}

if [ ! -f "$KAFKA_LIBS/.complete" ]; then
  sw_say "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIBS"
  mkdir -p "$KAFKA_HOME"
  rm -rf "$KAFKA_HOME"/libs.tmp.*
  tmp_libs=$(mktemp -d "$KAFKA_HOME/libs.tmp.XXXXXX")
  sw_mvn -B -q -f "$KAFKA_SRC/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$tmp_libs" -DincludeScope=runtime
  touch "$tmp_libs/.complete"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp_libs" "$KAFKA_LIBS"
fi

if sw_port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
  sw_say "Kafka answers on $KAFKA_HOST:$KAFKA_PORT (reusing it)"
elif ! sw_is_local_host "$KAFKA_HOST"; then
  sw_die "Kafka on $KAFKA_HOST:$KAFKA_PORT does not answer"
else
  mkdir -p "$(dirname "$KAFKA_CONFIG")" "$KAFKA_DATA"
  cat >"$KAFKA_CONFIG" <<PROPS
# Written by deploy/local/infra-up.sh: one KRaft node, broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
# sqp.reports carries records of up to 16 MB.
message.max.bytes=16777216
replica.fetch.max.bytes=16777216
log.retention.hours=168
log.segment.bytes=67108864
PROPS
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
    sw_say "formatting Kafka storage (cluster $cluster_id) in $KAFKA_DATA"
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG" >/dev/null
  fi
  sw_say "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:$KAFKA_PORT; log: $SHELFWATCH_LOG_DIR/kafka.log"
  [ ! -f "$SHELFWATCH_LOG_DIR/kafka.log" ] || mv -f "$SHELFWATCH_LOG_DIR/kafka.log" "$SHELFWATCH_LOG_DIR/kafka.log.1"
  sw_spawn "$KAFKA_PIDFILE" "$SHELFWATCH_LOG_DIR/kafka.log" \
    java -Xmx512m -Xms128m -XX:+UseSerialGC -cp "$KAFKA_LIBS/*" \
    -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2.properties" \
    kafka.Kafka "$KAFKA_CONFIG"
  sw_record_add kafka
  for ((i = 0; i < 600; i++)); do
    sw_port_open "$KAFKA_HOST" "$KAFKA_PORT" && break
    if ! sw_pid_from_file "$KAFKA_PIDFILE" kafka.Kafka >/dev/null; then
      tail -n 40 "$SHELFWATCH_LOG_DIR/kafka.log" >&2 || true
      sw_die "Kafka exited during start-up (log: $SHELFWATCH_LOG_DIR/kafka.log)"
    fi
    sleep 0.1
  done
  sw_port_open "$KAFKA_HOST" "$KAFKA_PORT" || {
    tail -n 40 "$SHELFWATCH_LOG_DIR/kafka.log" >&2 || true
    sw_die "Kafka did not open $KAFKA_HOST:$KAFKA_PORT within 60 s"
  }
fi

# Topics: one JVM, one Admin call for everything missing. CreateTopics.java is
# compiled once per version of its source (a single-file launch would compile it
# on every run).
tools_dir="$KAFKA_HOME/tools/$(sha256sum "$KAFKA_SRC/CreateTopics.java" | cut -c1-16)"
if [ ! -f "$tools_dir/CreateTopics.class" ]; then
  rm -rf "$KAFKA_HOME/tools"
  mkdir -p "$tools_dir"
  javac -nowarn -cp "$KAFKA_LIBS/*" -d "$tools_dir" "$KAFKA_SRC/CreateTopics.java"
fi
java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$tools_dir:$KAFKA_LIBS/*" \
  -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2-tools.properties" \
  CreateTopics "$KAFKA_BOOTSTRAP_SERVERS" "$KAFKA_SRC/topics.txt" "${KAFKA_TOPIC_PREFIX:-}" |
  sed 's/^/[shelfwatch] /'

sw_say "infrastructure ready in $(($(sw_now_ms) - started_at)) ms (logs: $SHELFWATCH_LOG_DIR)"
