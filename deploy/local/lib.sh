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
