#!/usr/bin/env bash
# Runs the tests (the README's second command; .ci/run calls exactly this):
# brings up PostgreSQL, Redis and Kafka like up.sh (infra-up.sh), then
# `./mvnw -B verify` over all modules; system-tests is last in the root pom.
# Extra arguments go to Maven (e.g. -pl product-service). Exit code = Maven's.
# Module tests use the _test databases and topics prefixed test-<module>.;
# system tests the _st databases, so a running suite is left alone.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SHELFWATCH_ROOT"

bash "$SHELFWATCH_ROOT/deploy/local/infra-up.sh"

# The Kubernetes manifests: rendered offline and checked against their schemas and our rules.
# It needs neither the build nor the infrastructure; skipped when Maven arguments narrow the run.
if [ "$#" -eq 0 ]; then
  bash "$SHELFWATCH_ROOT/deploy/k8s/test/run.sh"
fi

echo "[shelfwatch] running: ./mvnw -B verify $*"
sw_mvn -B verify "$@" </dev/null
