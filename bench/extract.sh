#!/usr/bin/env bash
# Extraction parse benchmark (issue 6): product pages parsed per second by the extractor's
# parsers (JSON-LD, Amazon markup, OpenGraph, with field provenance) beside jsoup's bare parse
# of the same pages, in one run, no network. Prints one JSON line with both rates and the ratio.
#   PAGES_DIR  a folder of saved .html product pages (default: the test fixtures, ~1.3 KB each,
#              which overstate the parsers' share; real multi-MB pages are dominated by the DOM)
#   BENCH_SECONDS  measuring time per side (default 10)
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
cd "$SHELFWATCH_ROOT"

sw_mvn -B -q test-compile dependency:build-classpath -pl etl-service \
  -Dmdep.includeScope=test -Dmdep.outputFile="$SHELFWATCH_ROOT/etl-service/target/bench.cp" </dev/null
java -Xmx256m -XX:+UseSerialGC \
  -cp "etl-service/target/test-classes:etl-service/target/classes:$(cat etl-service/target/bench.cp)" \
  io.shelfwatch.etl.extract.ParseBench "${PAGES_DIR:-}" "${BENCH_SECONDS:-10}"
