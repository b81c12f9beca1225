#!/usr/bin/env bash
# NPPES ingestion benchmark: `java -jar medsales.jar ingest nppes FILE` against the plain-COPY floor.
#
#   bench/nppes-ingest.sh [ROWS]      ROWS defaults to 1000000; the national file is about 9000000
#
# Generates bench/target/npidata_pfile_bench_<ROWS>.csv (NPPES format, 330 quoted columns, seed 42) unless it is there
# already, then runs the steps of bench/lib.sh: the platform as database host, the floor (psql \copy into an UNLOGGED
# table of 330 text columns), the ingest under /usr/bin/time -v with -Xmx512m, the report (also appended to
# bench/target/results.tsv).
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
  echo "usage: bench/nppes-ingest.sh [ROWS]   (ROWS a positive whole number, default 1000000)" >&2
  exit 2
fi
BENCH_NAME=nppes-ingest
BENCH_KIND=nppes
BENCH_TITLE="NPPES ingestion benchmark"
SEED=42
FILE=bench/target/npidata_pfile_bench_${ROWS}.csv
GENERATOR=bench/NppesGenerator.java
FLOOR_COLS=330
INGEST_ARGS=(ingest nppes "$REPO/$FILE")

. "$BENCH/lib.sh"
