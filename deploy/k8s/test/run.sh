#!/usr/bin/env bash
# Offline test of deploy/k8s: renders every overlay (kubectl kustomize, no cluster needed) and
# checks the objects against their schemas and Shelfwatch's rules (manifests.test.mjs).
# Installs what it needs: npm packages from package-lock.json (npm ci), and kubectl from
# Debian's kubernetes-client package when no kubectl is on the PATH (set KUBECTL to use another).
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -z "${KUBECTL:-}" ] && ! command -v kubectl >/dev/null 2>&1; then
  echo "kubectl missing: installing Debian's kubernetes-client" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node/npm missing: installing Debian's nodejs and npm" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

# Reinstall only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.shelfwatch-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.shelfwatch-lock
fi

exec node --test
