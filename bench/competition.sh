#!/usr/bin/env bash
# Competition benchmark (issue 7): GET /v1/competitions/{asin}?days_back=90 for a product with
# 20 competitors and 90 days of daily comparisons, uncached (cache invalidated before each call)
# and cached, beside the same query run directly on the database, in one run (200 calls each).
# Prints one line: p50/p99 of each and the ratios to the direct query.
# Uses competition-service's test database (shelfwatch_competition_test): do not run it beside the tests.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

sw_bench_test competition-service CompetitionBenchTest 'competition,'
