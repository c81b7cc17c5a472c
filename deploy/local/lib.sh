# shellcheck shell=bash
# Helpers shared by the deploy/local scripts and bench/startup.sh (sourced after env.sh).

# runuser, service and friends live in sbin, which a CI job's PATH may lack.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" ;; esac

sw_say() { printf '[shelfwatch] %s\n' "$*"; }
sw_warn() { printf '[shelfwatch] WARNING: %s\n' "$*" >&2; }
sw_die() {
  printf '[shelfwatch] ERROR: %s\n' "$*" >&2
  exit 1
}

# Milliseconds since the epoch.
sw_now_ms() { echo $(($(date +%s%N) / 1000000)); }

# True when something accepts TCP connections on host:port.
sw_port_open() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

sw_is_local_host() {
  case "$1" in 127.0.0.1 | localhost | ::1 | '[::1]') return 0 ;; *) return 1 ;; esac
}

# Run a command as root: directly when we are root, else through sudo
# (non-interactive when there is no terminal, e.g. in CI).
sw_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif [ -t 0 ]; then
    sudo "$@"
  else
    sudo -n "$@"
  fi
}

# Run a command as the postgres OS user (peer authentication on the local socket).
sw_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  elif [ -t 0 ]; then
    sudo -u postgres "$@"
  else
    sudo -n -u postgres "$@"
  fi
}

# The pid in a pid file when that process is alive and its command line
# contains the given text (so a recycled pid is never mistaken for ours).
sw_pid_from_file() {
  local file=$1 match=$2 pid cmdline
  [ -f "$file" ] || return 1
  pid=$(cat "$file" 2>/dev/null) || return 1
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ "$cmdline" == *"$match"* ]] || return 1
  echo "$pid"
}

# Stop the process of a pid file (TERM, then KILL after a grace period) and
# remove the file. Does nothing when the file names no live matching process.
sw_stop_pidfile() {
  local file=$1 match=$2 name=$3 grace=${4:-20} pid i
  if ! pid=$(sw_pid_from_file "$file" "$match"); then
    rm -f "$file"
    return 0
  fi
  sw_say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    sw_warn "$name did not stop within ${grace}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# The command line of the process listening on a local TCP port (needs ss), or nothing.
sw_port_owner_cmdline() {
  local pid
  command -v ss >/dev/null || return 0
  pid=$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2) || true
  [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null
  return 0
}

# HTTP status of a GET (000 when nothing answers).
sw_http_status() {
  curl -s -o /dev/null -m "${2:-2}" -w '%{http_code}' "$1" 2>/dev/null || true
}

# What infra-up.sh started in this clone (one line per thing: "kafka",
# "redis", "pg <version> <cluster>"), so down.sh stops those and nothing else.
SHELFWATCH_INFRA_RECORD="$SHELFWATCH_PID_DIR/infra-started"

sw_record_add() {
  touch "$SHELFWATCH_INFRA_RECORD"
  grep -qxF -- "$1" "$SHELFWATCH_INFRA_RECORD" || echo "$1" >>"$SHELFWATCH_INFRA_RECORD"
}

sw_record_remove() {
  [ -f "$SHELFWATCH_INFRA_RECORD" ] || return 0
  local tmp
  tmp=$(mktemp "$SHELFWATCH_PID_DIR/.record.XXXXXX")
  grep -vxF -- "$1" "$SHELFWATCH_INFRA_RECORD" >"$tmp" || true
  mv "$tmp" "$SHELFWATCH_INFRA_RECORD"
}

# Start a command detached (own session, stdin closed, output appended to a
# log), writing the pid of the command itself to a pid file.
sw_spawn() {
  local pidfile=$1 logfile=$2
  shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  local i
  for ((i = 0; i < 50; i++)); do
    [ -s "$pidfile" ] && return 0
    sleep 0.05
  done
  sw_die "could not start: $*"
}

# Runs one opt-in benchmark test class of a module (enabled by -Dshelfwatch.bench=true) after
# bringing the infrastructure up; prints only its result line (starting with the prefix) and
# Maven's verdict. Needs env.sh (sw_mvn) sourced too.
sw_bench_test() { # module TestClass result-line-prefix [maven args...]
  local module=$1 test=$2 prefix=$3
  shift 3
  bash "$SHELFWATCH_ROOT/deploy/local/infra-up.sh" >/dev/null
  sw_mvn -B verify -pl "$module" -Dshelfwatch.bench=true -Dtest="$test" \
    -Dsurefire.failIfNoSpecifiedTests=false "$@" </dev/null | grep -E "^$prefix|BUILD|ERROR|FAIL" || true
}

# --- Starting a service -----------------------------------------------------
# up.sh and bench/startup.sh start every service through sw_start_service, so the
# benchmark measures exactly what the suite runs: the same JVM, flags and class-data archive.
#
# The JVM is $SHELFWATCH_JAVA, else the newest JDK under /usr/lib/jvm, else java on the PATH.
# A class-data archive (classes loaded and linked ahead) has a service ready in a third to a
# half of the time it takes without one:
#   JDK 25+     Leyden AOT cache (JEP 483/514/515): -XX:AOTCacheOutput= once, -XX:AOTCache= after
#   JDK 13-24   dynamic AppCDS: -XX:ArchiveClassesAtExit= once, -XX:SharedArchiveFile= after
# Both archive only classes of the JVM's own class loaders, hence the aot-jar packaging (one
# flat class path) that up.sh builds. The archive is target/quarkus-app/shelfwatch-startup.aot
# or .jsa, made by one training start of the service (sw_train_archive); beside it its .id
# file records the JVM, its version, the flags and the jars it was made for,
# so a stale archive is made again and never handed to a JVM it does not match.
# SHELFWATCH_STARTUP_ARCHIVES=0 starts the services without archives.

sw_jar_of() { echo "$SHELFWATCH_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# The Java feature version (17, 25, ...) of a java binary, from its JDK's release file.
sw_java_feature() {
  local bin home v
  bin=$(readlink -f "$(command -v "$1")" 2>/dev/null) || return 1
  home=$(dirname "$(dirname "$bin")")
  v=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$home/release" 2>/dev/null)
  if [ -z "$v" ]; then
    v=$("$bin" -version 2>&1 | sed -n '1s/.*version "\([0-9.]*\).*/\1/p')
  fi
  v=${v#1.}
  v=${v%%.*}
  case "$v" in '' | *[!0-9]*) return 1 ;; esac
  echo "$v"
}

# Sets SW_JAVA (absolute path), SW_JAVA_FEATURE, SW_JAVA_VERSION (the -version text) and
# SW_ARCHIVE_KIND (aot, cds or none) once per script.
sw_java_init() {
  [ -z "${SW_JAVA:-}" ] || return 0
  local candidate feature best='' best_feature=0
  if [ -n "${SHELFWATCH_JAVA:-}" ]; then
    best=$SHELFWATCH_JAVA
  else
    for candidate in /usr/lib/jvm/*/bin/java; do
      [ -x "$candidate" ] || continue
      feature=$(sw_java_feature "$candidate") || continue
      if [ "$feature" -gt "$best_feature" ]; then
        best=$candidate
        best_feature=$feature
      fi
    done
    [ -n "$best" ] || best=java
  fi
  SW_JAVA=$(readlink -f "$(command -v "$best")" 2>/dev/null) || sw_die "no Java found at '$best' (SHELFWATCH_JAVA)"
  [ -x "$SW_JAVA" ] || sw_die "no Java found at '$best' (SHELFWATCH_JAVA)"
  SW_JAVA_FEATURE=$(sw_java_feature "$SW_JAVA") || sw_die "cannot tell the version of $SW_JAVA"
  SW_JAVA_VERSION=$("$SW_JAVA" -version 2>&1 | tr '\n' ' ')
  if [ "${SHELFWATCH_STARTUP_ARCHIVES:-1}" = 0 ]; then
    SW_ARCHIVE_KIND=none
  elif [ "$SW_JAVA_FEATURE" -ge 25 ]; then
    SW_ARCHIVE_KIND=aot
  elif [ "$SW_JAVA_FEATURE" -ge 13 ]; then
    SW_ARCHIVE_KIND=cds
  else
    SW_ARCHIVE_KIND=none
  fi
  read -r -a SW_JAVA_OPTS <<<"$SHELFWATCH_JAVA_OPTS"
}

# The archive file of a module (for the current JVM's kind of archive) and its id file.
sw_archive_file() {
  local ext=jsa
  [ "$SW_ARCHIVE_KIND" != aot ] || ext=aot
  echo "$SHELFWATCH_ROOT/$1/target/quarkus-app/shelfwatch-startup.$ext"
}
sw_archive_id_file() { echo "$(sw_archive_file "$1").id"; }

# What an archive of <module> is valid for: this JVM, its version, the flags, and the
# name, size and modification time of every jar on the class path (a rebuild changes them).
sw_archive_id() {
  local app jars
  app="$SHELFWATCH_ROOT/$1/target/quarkus-app"
  jars=$(cd "$app" && find . -name '*.jar' -printf '%p %s %T@\n' | LC_ALL=C sort | sha256sum | cut -d' ' -f1)
  printf 'kind=%s\njava=%s\nversion=%s\nflags=%s\njars=%s\n' \
    "$SW_ARCHIVE_KIND" "$SW_JAVA" "$SW_JAVA_VERSION" "${SW_JAVA_OPTS[*]}" "$jars"
}

# True when <module> has an archive made for exactly this JVM, flags and build.
sw_archive_valid() {
  local archive id
  sw_java_init
  [ "$SW_ARCHIVE_KIND" != none ] || return 1
  archive=$(sw_archive_file "$1")
  id=$(sw_archive_id_file "$1")
  [ -s "$archive" ] && [ -f "$id" ] && [ "$(cat "$id")" = "$(sw_archive_id "$1")" ]
}

# Starts <module> detached on <port> against <database> ("-": none), pid in <pidfile>,
# output appended to <logfile>. <archive> says what to do with the class-data archive:
#   use      load it when it is valid (the JVM falls back to no archive if it cannot map it)
#   require  load it and fail at once when it cannot be used (bench/startup.sh)
#   train    record one (sw_train_archive)
#   off      none
sw_start_service() { # module port database pidfile logfile archive
  local module=$1 port=$2 database=$3 pidfile=$4 logfile=$5 mode=$6 archive
  local -a archive_flags=() env_vars=(QUARKUS_HTTP_PORT="$port")
  sw_java_init
  [ "$database" = - ] || env_vars+=(PG_DATABASE="$database")
  archive=$(sw_archive_file "$module")
  case "$SW_ARCHIVE_KIND/$mode" in
    none/* | */off) ;;
    aot/use) ! sw_archive_valid "$module" || archive_flags=(-XX:AOTCache="$archive") ;;
    aot/require) archive_flags=(-XX:AOTCache="$archive" -XX:AOTMode=on) ;;
    aot/train) archive_flags=(-XX:AOTCacheOutput="$archive") ;;
    cds/use) ! sw_archive_valid "$module" || archive_flags=(-XX:SharedArchiveFile="$archive") ;;
    cds/require) archive_flags=(-XX:SharedArchiveFile="$archive" -Xshare:on) ;;
    cds/train) archive_flags=(-XX:ArchiveClassesAtExit="$archive") ;;
    *) sw_die "sw_start_service: unknown archive mode '$mode'" ;;
  esac
  sw_spawn "$pidfile" "$logfile" env "${env_vars[@]}" \
    "$SW_JAVA" "${SW_JAVA_OPTS[@]}" "${archive_flags[@]}" -jar "$(sw_jar_of "$module")"
}

# True when process <pid> listens on TCP <port> (also when ss is missing and we cannot tell).
sw_listens_on() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$2" 2>/dev/null | grep -q "pid=$1,"
}

# Waits until <module>'s process (pid file) answers /q/health/ready with 200 on <port>
# (itself, not another process that took the port first). Returns 1 when it exits first or
# <timeout_s> pass.
sw_wait_ready() { # module port pidfile timeout_s
  local module=$1 port=$2 pidfile=$3 deadline pid
  deadline=$(($(sw_now_ms) + $4 * 1000))
  while :; do
    pid=$(sw_pid_from_file "$pidfile" "$(sw_jar_of "$module")") || return 1
    if [ "$(sw_http_status "http://127.0.0.1:$port/q/health/ready" 1)" = 200 ] && sw_listens_on "$pid" "$port"; then
      return 0
    fi
    [ "$(sw_now_ms)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}

# Makes <module>'s class-data archive unless a valid one exists: starts the service once with
# its real configuration (<database>, Kafka, Redis) on <port>, and once it is ready stops it
# with SIGTERM; the JVM writes the archive as it exits (a Leyden AOT cache in a second,
# assembling JVM). Returns 1 (after a warning) when no archive came of it; the service then
# starts without one.
sw_train_archive() { # module port database
  local module=$1 port=$2 database=$3 archive id pidfile log pid started i
  sw_java_init
  [ "$SW_ARCHIVE_KIND" != none ] || return 1
  ! sw_archive_valid "$module" || return 0
  archive=$(sw_archive_file "$module")
  id=$(sw_archive_id_file "$module")
  pidfile="$SHELFWATCH_PID_DIR/$module.training.pid"
  log="$SHELFWATCH_LOG_DIR/$module.training.log"
  rm -f "$archive" "$id" "$log"
  started=$(sw_now_ms)
  sw_start_service "$module" "$port" "$database" "$pidfile" "$log" train
  pid=$(cat "$pidfile")
  if ! sw_wait_ready "$module" "$port" "$pidfile" "${READY_TIMEOUT_S:-120}"; then
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile" "$archive"
    sw_warn "$module: the training start did not get ready (see $log); starting it without a class-data archive"
    return 1
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 1800; i++)); do # the archive is written after the shutdown: up to 3 min
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$archive"
  fi
  rm -f "$pidfile"
  if [ ! -s "$archive" ]; then
    sw_warn "$module: no class-data archive was written (see $log); starting it without one"
    return 1
  fi
  sw_archive_id "$module" >"$id"
  sw_say "$module: $SW_ARCHIVE_KIND archive made in $((($(sw_now_ms) - started) / 1000)) s ($(du -m "$archive" | cut -f1) MB)"
}

# --- Benchmarks that start a service alone ---------------------------------------
# The first port in <first>..<last> nobody listens on (dies when all are taken).
sw_free_port() { # first last
  local p
  for ((p = $1; p <= $2; p++)); do
    sw_port_open 127.0.0.1 "$p" || { echo "$p"; return 0; }
  done
  sw_die "no free port in $1-$2"
}

# A user token (RS256) signed with <private.pem>, for a service started with JWKS_URL=file:<public.pem>:
# subject <user id>, login <upn>, plan free, valid for an hour.
sw_bench_token() { # private.pem user-id upn
  local header claims signature now
  b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  claims=$(printf '{"iss":"%s","aud":"%s","sub":"%s","upn":"%s","groups":["user"],"plan":"free","iat":%d,"exp":%d}' \
    "${JWT_ISSUER:-shelfwatch}" "${JWT_AUDIENCE:-shelfwatch-api}" "$2" "$3" "$now" "$((now + 3600))" | b64url)
  signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$1" | b64url)
  echo "$header.$claims.$signature"
}
