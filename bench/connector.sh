#!/usr/bin/env bash
# Connector benchmark (issue 8): orders fetched per minute by POST /api/fetch-data/ against an
# imitation of Amazon's Orders API, under Amazon's default getOrders / getOrderItems rates scaled
# up 60x (BENCH_RATE_SCALE) so it runs in seconds, as a ratio to the most those rates allow.
# Prints one line. Uses connector-service's test database: do not run it beside the tests.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

sw_bench_test connector-service ConnectorBenchTest 'connector:' -Dconnector.sp-api.rate-scale="${BENCH_RATE_SCALE:-60}"
