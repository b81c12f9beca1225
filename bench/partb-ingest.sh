#!/usr/bin/env bash
# Medicare Part B ingestion benchmark: `java -jar medsales.jar ingest partb FILE --year 2021` against the plain-COPY
# floor.
#
#   bench/partb-ingest.sh [ROWS]      ROWS defaults to 1000000; the national file has about 10000000
#
# Generates bench/target/partb_bench_2021_<ROWS>.csv (the current "by Provider and Service" layout, 29 columns, seed 42)
# with bench/PartBGenerator.java unless it is there already, then runs the steps of bench/lib.sh: the platform as
# database host, the floor (psql \copy into an UNLOGGED table of 29 text columns), the ingest under /usr/bin/time -v
# with -Xmx512m, the report (also appended to bench/target/results.tsv).
#
# Exit status: 0 when both runs succeeded (whatever the verdict), 1 when anything failed.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$BENCH")
cd "$REPO"

ROWS=${1:-1000000}
ROWS=${ROWS//_/}
ROWS=${ROWS//,/}
if ! [[ "$ROWS" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/partb-ingest.sh [ROWS]   (ROWS a positive whole number, default 1000000)" >&2
  exit 2
fi
BENCH_NAME=partb-ingest
BENCH_KIND=partb
BENCH_TITLE="Part B ingestion benchmark"
SEED=42
YEAR=2021
FILE=bench/target/partb_bench_${YEAR}_${ROWS}.csv
GENERATOR=bench/PartBGenerator.java
FLOOR_COLS=29
INGEST_ARGS=(ingest partb "$REPO/$FILE" --year "$YEAR")

. "$BENCH/lib.sh"
