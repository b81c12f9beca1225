#!/usr/bin/env bash
# Open Payments ingestion benchmark: `java -jar medsales.jar ingest openpayments FILE --year 2024` (General Payments
# detail) against the plain-COPY floor.
#
#   bench/openpayments-ingest.sh [ROWS]      ROWS defaults to 1000000; the national file has about 15000000
#
# Generates bench/target/OP_DTL_GNRL_PGYR2024_bench_<ROWS>.csv (the current 91-column Covered_Recipient_* layout,
# seed 42) with bench/OpenPaymentsGenerator.java unless it is there already, then runs the steps of bench/lib.sh: the
# platform as database host, the floor (psql \copy into an UNLOGGED table of 91 text columns), the ingest under
# /usr/bin/time -v with -Xmx512m, the report (also appended to bench/target/results.tsv).
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
  echo "usage: bench/openpayments-ingest.sh [ROWS]   (ROWS a positive whole number, default 1000000)" >&2
  exit 2
fi
BENCH_NAME=openpayments-ingest
BENCH_KIND=openpayments
BENCH_TITLE="Open Payments (General) ingestion benchmark"
SEED=42
YEAR=2024
FILE=bench/target/OP_DTL_GNRL_PGYR${YEAR}_bench_${ROWS}.csv
GENERATOR=bench/OpenPaymentsGenerator.java
FLOOR_COLS=91
INGEST_ARGS=(ingest openpayments "$REPO/$FILE" --year "$YEAR")

. "$BENCH/lib.sh"
