# shellcheck shell=bash
# Source me: `source deploy/local/env.sh` (bash).
#
# Sets the paths of the local run, creates the machine's secrets once and
# exports them together with every setting of config.sh.
#
#   SHELFWATCH_ROOT       the repository
#   SHELFWATCH_STATE_DIR  shared by every clone on this machine: local.env, Kafka jars and data
#                         (default ~/.local/state/shelfwatch)
#   SHELFWATCH_LOG_DIR    all logs (default <repo>/.run/logs)
#   SHELFWATCH_PID_DIR    pid files and the record of what infra-up.sh started (<repo>/.run/pids)
#
# local.env holds PG_PASSWORD, ENCRYPTION_KEY, ADMIN_EMAIL, ADMIN_PASSWORD. A
# variable already set in the environment wins over the file. Leaves the
# caller's shell options alone.

if [ -n "${BASH_SOURCE[0]:-}" ]; then
  SHELFWATCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
else
  SHELFWATCH_ROOT=$(git rev-parse --show-toplevel)
fi
export SHELFWATCH_ROOT
if [ -z "${SHELFWATCH_STATE_DIR:-}" ]; then
  SHELFWATCH_STATE_DIR="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}/.local/state/shelfwatch"
fi
export SHELFWATCH_STATE_DIR
export SHELFWATCH_LOG_DIR="${SHELFWATCH_LOG_DIR:-$SHELFWATCH_ROOT/.run/logs}"
export SHELFWATCH_PID_DIR="$SHELFWATCH_ROOT/.run/pids"
mkdir -p "$SHELFWATCH_LOG_DIR" "$SHELFWATCH_PID_DIR"
if [ ! -d "$SHELFWATCH_STATE_DIR" ]; then
  mkdir -p "$SHELFWATCH_STATE_DIR"
  chmod 700 "$SHELFWATCH_STATE_DIR"
fi

# Random strings without a pipe that could die of SIGPIPE under `set -o pipefail`.
__sw_random_b64() { head -c "$1" /dev/urandom | base64 -w0; }
__sw_random_word() { head -c 48 /dev/urandom | base64 -w0 | tr -d '/+=' | cut -c1-"$1"; }

__sw_env_file="$SHELFWATCH_STATE_DIR/local.env"
if [ ! -f "$__sw_env_file" ]; then
  __sw_tmp=$(umask 077 && mktemp "$SHELFWATCH_STATE_DIR/local.env.XXXXXX")
  {
    echo "# Shelfwatch secrets for this machine, generated $(date -u +%Y-%m-%dT%H:%M:%SZ) by deploy/local/env.sh."
    echo "# Shared by every clone; variables set in the environment win. Never commit."
    echo "PG_PASSWORD=$(__sw_random_word 32)"
    echo "ENCRYPTION_KEY=$(__sw_random_b64 32)"
    echo "ADMIN_EMAIL=admin@shelfwatch.local"
    echo "ADMIN_PASSWORD=$(__sw_random_word 20)"
  } >"$__sw_tmp"
  chmod 600 "$__sw_tmp"
  # ln fails if another process created the file first: then theirs wins.
  ln "$__sw_tmp" "$__sw_env_file" 2>/dev/null || true
  rm -f "$__sw_tmp"
  unset __sw_tmp
fi
chmod 600 "$__sw_env_file" 2>/dev/null || true

# Export KEY=VALUE lines (values taken literally, optional surrounding quotes
# removed) unless the environment already has the variable.
while IFS= read -r __sw_line || [ -n "$__sw_line" ]; do
  case "$__sw_line" in '#'* | '') continue ;; esac
  __sw_key=${__sw_line%%=*}
  __sw_val=${__sw_line#*=}
  case "$__sw_key" in *[!A-Za-z0-9_]* | [0-9]*) continue ;; esac
  case "$__sw_val" in \"*\" | \'*\') __sw_val=${__sw_val:1:${#__sw_val}-2} ;; esac
  if [ -z "${!__sw_key+x}" ]; then
    export "$__sw_key=$__sw_val"
  fi
done <"$__sw_env_file"
unset __sw_line __sw_key __sw_val __sw_env_file
unset -f __sw_random_b64 __sw_random_word

# shellcheck source=deploy/local/config.sh
. "$SHELFWATCH_ROOT/deploy/local/config.sh"

# Maven: the repository's wrapper (Maven 3.9.16; also when a checkout lost its
# executable bit), or mvn when there is none.
sw_mvn() {
  if [ -x "$SHELFWATCH_ROOT/mvnw" ]; then
    "$SHELFWATCH_ROOT/mvnw" "$@"
  elif [ -f "$SHELFWATCH_ROOT/mvnw" ]; then
    sh "$SHELFWATCH_ROOT/mvnw" "$@"
  else
    mvn "$@"
  fi
}
