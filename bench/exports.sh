#!/usr/bin/env bash
# Export benchmark: every provider of a ROWS-row registry to CSV and to XLSX through POST /api/v1/exports, with the
# platform's heap capped at 512 MB, and the p95 of a provider search before and while the CSV export runs.
#
#   bench/exports.sh [ROWS]      ROWS NPPES rows, default 1000000 (the national file is about 9000000)
#
# 1. the registry: bench/nppes-ingest.sh ROWS (bench/lib.sh: the generator bench/NppesGenerator.java, seed 42, cached
#    in bench/target/; the ingest into bench/target/home), unless BENCH_KEEP_DB=1 and bench/target/home already holds
#    ROWS rows (bench/target/home/exports-rows);
# 2. starts the jar on that home: roles api (the exports' worker runs there), no demo data, the demo admin created at
#    the first start with a fixed password, -Xmx512m, rate limit off; takes a bearer token as that admin (no row cap);
# 3. the search's p95 alone: WARMUP then SAMPLES requests of one shape (a specialty in a state, by name), one
#    kept-alive connection;
# 4. the CSV export of every active provider (no filter; the search's default order), the same search measured in a
#    loop until the export is done, then the XLSX export;
# 5. the report: each export's rows, wall time (request to DONE) and the time the worker spent (started_at to
#    finished_at), the file size, the JVM's peak RSS, and the verdicts: CSV <= 60 s, XLSX <= 180 s, p95 while exporting
#    <= 1.2 x the p95 alone; also appended to bench/target/results.tsv.
#
# Environment: BENCH_KEEP_DB=1 (see 1), BENCH_REBUILD=1 (rebuild the jar), WARMUP (20), SAMPLES (200), START_SECONDS
# (180). Exit status: 0 when every step ran (whatever the verdict), 1 when a step failed.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$BENCH")
cd "$REPO"

ROWS=${1:-1000000}
ROWS=${ROWS//_/}
ROWS=${ROWS//,/}
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/exports.sh [ROWS]   (default 1000000)" >&2; exit 2; }
WARMUP=${WARMUP:-20}
SAMPLES=${SAMPLES:-200}
START_SECONDS=${START_SECONDS:-180}
TARGET=bench/target
HOME_DIR=$TARGET/home
JAR=server/target/medsales.jar
RUN_JAR=$TARGET/medsales-exports.jar
LOG=$TARGET/exports-platform.log
RESULTS=$TARGET/results.tsv
PASSWORD=bench-admin-password
say() { echo "exports: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

# --- 1. the registry, through the NPPES ingestion benchmark (bench/lib.sh) ------------------------------------------
if [ "${BENCH_KEEP_DB:-0}" = 1 ] && [ "$(cat "$HOME_DIR/exports-rows" 2>/dev/null)" = "$ROWS" ]; then
  say "BENCH_KEEP_DB=1: exporting the $ROWS rows already in $HOME_DIR"
else
  say "loading $ROWS NPPES rows with bench/nppes-ingest.sh $ROWS ..."
  BENCH_KEEP_DB=0 "$BENCH/nppes-ingest.sh" "$ROWS" >&2 || die "bench/nppes-ingest.sh $ROWS failed"
  echo "$ROWS" >"$HOME_DIR/exports-rows"
fi

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(for d in /usr/lib/jvm/*; do
      "$d/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])' && echo "$d"
    done | sort -V | tail -n1)
fi
[ -n "$JAVA_HOME" ] || die "no JDK 21 or newer under /usr/lib/jvm; set JAVA_HOME"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
for tool in psql curl awk python3; do command -v $tool >/dev/null || die "$tool not found"; done
if [ ! -f "$JAR" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  say "building $JAR ..."
  ./mvnw -B -ntp -q -DskipTests package >&2 || die "the build failed"
fi
cp "$JAR" "$RUN_JAR"

# --- 2. the platform, heap capped at 512 MB -------------------------------------------------------------------------
PID=""
stop() {
  [ -n "$PID" ] || return 0
  kill -TERM "$PID" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""
}
trap stop EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://localhost:$PORT
say "starting the platform on port $PORT (-Xmx512m, log $LOG) ..."
env -u DB_HOST -u DB_READ_HOST -u REDIS_HOST -u S3_BUCKET MEDSALES_HOME="$HOME_DIR" MEDSALES_DEMO_DATA=false \
  MEDSALES_ROLES=api MEDSALES_ADMIN_PASSWORD="$PASSWORD" MEDSALES_RATE_LIMIT_PER_MINUTE=100000000 \
  "$JAVA" -Xmx512m -jar "$RUN_JAR" --server.port="$PORT" >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 $((2 * START_SECONDS))); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] && break
  kill -0 "$PID" 2>/dev/null || die "the platform exited (see $LOG)"
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] || die "no /health within $START_SECONDS s"
PSQL=(psql -X -At -v ON_ERROR_STOP=1 -h localhost -p "$(tr -d '[:space:]' <"$HOME_DIR/postgres.port")" -U postgres -d medsales)
TOKEN=""
for _ in $(seq 1 60); do
  TOKEN=$(curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\": \"admin\", \"password\": \"$PASSWORD\"}" | sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p')
  [ -n "$TOKEN" ] && break
  sleep 1
done
[ -n "$TOKEN" ] || die "no bearer token for the demo admin (a home whose users were made with another password?)"
AUTH=(-H "Authorization: Bearer $TOKEN")

# --- 3. the search alone --------------------------------------------------------------------------------------------
SPECIALTY=$("${PSQL[@]}" -c "SELECT code FROM provider_taxonomy WHERE is_primary GROUP BY code ORDER BY count(*) DESC LIMIT 1")
STATE=$("${PSQL[@]}" -c "SELECT state FROM provider_address WHERE kind = 'PRACTICE' AND state ~ '^[A-Z]{2}\$' GROUP BY state ORDER BY count(*) DESC LIMIT 1")
SEARCH="/api/v1/providers?specialty=$SPECIALTY&state=$STATE&sort=name"
say "search shape: $SEARCH"
measure() { # N -> one duration in ms per line, N requests on one connection
  local n=$1 cfg=$TARGET/exports-curl.cfg
  for _ in $(seq 1 "$n"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$SEARCH"; done >"$cfg"
  curl -s "${AUTH[@]}" -w '%{http_code} %{time_total}\n' -K "$cfg" \
    | awk '$1 != 200 { bad++ } { printf "%.3f\n", $2 * 1000 } END { if (bad) { print "non-200 answers: " bad > "/dev/stderr"; exit 1 } }'
}
p95() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } i = int(NR * 0.95 + 0.999); printf "%.1f %d\n", v[i], NR }'; }
measure "$WARMUP" >/dev/null || die "search warm-up failed"
read -r ALONE_P95 ALONE_N < <(measure "$SAMPLES" | p95)
say "search p95 alone: $ALONE_P95 ms ($ALONE_N requests)"

# --- 4. the exports -------------------------------------------------------------------------------------------------
now() { date +%s.%N; }
status_of() { curl -s "${AUTH[@]}" "$BASE/api/v1/exports/$1" | sed -n 's/.*"status" *: *"\([A-Z]*\)".*/\1/p'; }
export_one() { # FORMAT MEASURE_SEARCH -> "id wall_s"; with MEASURE_SEARCH=1, search durations go to $TARGET/exports-during
  local format=$1 during=$2 id t0 t1 s
  t0=$(now)
  id=$(curl -s "${AUTH[@]}" -X POST "$BASE/api/v1/exports" -H 'Content-Type: application/json' \
    -d "{\"kind\": \"providers\", \"format\": \"$format\", \"params\": {}}" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p')
  [ -n "$id" ] || die "POST /api/v1/exports ($format) gave no id"
  : >"$TARGET/exports-during"
  while :; do
    s=$(status_of "$id")
    case "$s" in
      DONE) break ;;
      FAILED) die "the $format export failed: $(curl -s "${AUTH[@]}" "$BASE/api/v1/exports/$id")" ;;
    esac
    kill -0 "$PID" 2>/dev/null || die "the platform exited during the $format export (see $LOG)"
    if [ "$during" = 1 ] && [ "$s" = RUNNING ]; then
      measure 10 >>"$TARGET/exports-during" || die "the search failed during the export"
    else
      sleep 0.2
    fi
  done
  t1=$(now)
  echo "$id $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
}
worker_s() { "${PSQL[@]}" -c "SELECT round(extract(epoch FROM finished_at - started_at)::numeric, 1) FROM export WHERE id = '$1'"; }
rows_of() { "${PSQL[@]}" -c "SELECT rows_written FROM export WHERE id = '$1'"; }
bytes_of() { "${PSQL[@]}" -c "SELECT bytes FROM export WHERE id = '$1'"; }

say "CSV export of every active provider, searching meanwhile ..."
read -r CSV_ID CSV_WALL < <(export_one CSV 1)
read -r DURING_P95 DURING_N < <(p95 <"$TARGET/exports-during")
say "XLSX export of every active provider ..."
read -r XLSX_ID XLSX_WALL < <(export_one XLSX 0)
RSS_MB=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status" 2>/dev/null || echo "?")
OOM=$(grep -c 'OutOfMemoryError' "$LOG" || true)

# --- 5. the report --------------------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "PASS" : "MISS") }'; }
SLOWDOWN=$(awk -v a="$ALONE_P95" -v d="$DURING_P95" 'BEGIN { if (a > 0 && d == d + 0) printf "%.2f", d / a; else print "nan" }')
CSV_WORKER=$(worker_s "$CSV_ID")
XLSX_WORKER=$(worker_s "$XLSX_ID")
{
  echo
  echo "Export benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), -Xmx512m)"
  printf "  %-8s %'d NPPES rows generated and ingested; %'d active providers exported\n" registry "$ROWS" "$(rows_of "$CSV_ID")"
  printf "  %-8s %6s s request to DONE, %6s s in the worker, %'d rows, %s MB  -> target <= 60 s: %s\n" CSV \
    "$CSV_WALL" "$CSV_WORKER" "$(rows_of "$CSV_ID")" "$(awk -v b="$(bytes_of "$CSV_ID")" 'BEGIN { printf "%.0f", b / 1e6 }')" "$(verdict "$CSV_WALL" 60)"
  printf "  %-8s %6s s request to DONE, %6s s in the worker, %'d rows, %s MB  -> target <= 180 s: %s\n" XLSX \
    "$XLSX_WALL" "$XLSX_WORKER" "$(rows_of "$XLSX_ID")" "$(awk -v b="$(bytes_of "$XLSX_ID")" 'BEGIN { printf "%.0f", b / 1e6 }')" "$(verdict "$XLSX_WALL" 180)"
  printf "  %-8s p95 %s ms alone (%s requests), %s ms during the CSV export (%s requests): %sx  -> target <= 1.2x: %s\n" search \
    "$ALONE_P95" "$ALONE_N" "$DURING_P95" "$DURING_N" "$SLOWDOWN" "$(verdict "$SLOWDOWN" 1.2)"
  printf "  %-8s peak RSS %s MB; OutOfMemoryError in the log: %s\n" jvm "$RSS_MB" "$OOM"
} | tee "$TARGET/exports-report.txt"
[ -s "$RESULTS" ] || printf "when\tcommit\trows\tbytes\tfloor_s\tingest_s\tingest_rss_mb\tratio\tbench\n" >"$RESULTS"
printf "%s\t%s\t%s\t\t\t%s\t%s\t%s\texports-csv\n" "$(date -u +%FT%TZ)" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$ROWS" "$CSV_WALL" "$RSS_MB" "$SLOWDOWN" >>"$RESULTS"
printf "%s\t%s\t%s\t\t\t%s\t%s\t\texports-xlsx\n" "$(date -u +%FT%TZ)" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$ROWS" "$XLSX_WALL" "$RSS_MB" >>"$RESULTS"
