#!/usr/bin/env bash
# Brand analytics benchmark (issue 9): doc D's brand products query for a year over a brand of
# 200 ASINs x 500 queries x 52 weeks (5.2 million rows, seeded with psql), through the API
# (100 calls: p50, p99) beside the same aggregation as plain SQL on the same database, in one run.
# Prints one line with both and the ratio API p50 / SQL p50. Target (issue 9): API p99 < 200 ms.
# Uses etl-service's test database (shelfwatch_etl_test), so it leaves the suite's data alone;
# do not run it beside the tests. Seeding takes minutes.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

# The seeding runs psql as the services' role over TCP.
export PGPASSWORD=${PG_PASSWORD:-}
sw_bench_test etl-service BrandProductsBenchTest 'brand products'
