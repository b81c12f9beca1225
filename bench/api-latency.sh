#!/usr/bin/env bash
# API latency benchmark: p50 and p95 at GET /api/v1/providers, /api/v1/providers/map and /api/v1/providers/{npi},
# warm, for fixed query shapes.
#
#   bench/api-latency.sh [ROWS]      ROWS NPPES rows, default 200000; the national run is 9000000
#
# 1. generates an NPPES file of ROWS rows (bench/NppesGenerator.java, seed 42) and a Part D file of 3 x ROWS rows
#    (bench/PartDGenerator.java --nppes, year 2021) whose prescribers are the NPPES file's providers, both cached in
#    bench/target/;
# 2. ingests both with the jar's `ingest` command into a fresh MEDSALES_HOME (bench/target/api-home);
# 3. starts the jar (roles api and ingestion-worker, no demo data, rate limit off), takes a bearer token as the operator
#    and waits until the worker has built the drug search's table for the data just loaded (partd_drug_prescriber,
#    V76: the ingest commands only queue its build; until it is fresh a drug search sums the drug rows instead);
# 4. per shape: WARMUP requests, then SAMPLES measured ones (curl's time_total, one kept-alive connection); prints p50,
#    p95 and max, and the verdict against the targets: p95 under 50 ms for a search, 150 ms for a map's clusters, 30 ms
#    for a profile;
# 5. on a miss, restarts with auto_explain (ANALYZE, BUFFERS) and prints the plan of the slowest shape's slowest query.
#
# Environment: BENCH_REBUILD=1 rebuilds server/target/medsales.jar first; WARMUP (20), SAMPLES (200); START_SECONDS
# (180), how long a start may take (more for a kept home's pending migrations); FRESH_SECONDS (1800), how long the
# drug search's table may take to build (about 8.5 minutes for the national 26M Part D rows on 2 cores).
# Exit status: 0 when every step ran (whatever the verdict), 1 when a step failed.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$BENCH")
cd "$REPO"

ROWS=${1:-200000}
ROWS=${ROWS//_/}
ROWS=${ROWS//,/}
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/api-latency.sh [ROWS]   (default 200000)" >&2; exit 2; }
WARMUP=${WARMUP:-20}
SAMPLES=${SAMPLES:-200}
# a kept home's first start applies the pending migrations first
START_SECONDS=${START_SECONDS:-180}
FRESH_SECONDS=${FRESH_SECONDS:-1800}
TARGET=bench/target
HOME_DIR=$TARGET/api-home/$ROWS
JAR=server/target/medsales.jar
RUN_JAR=$TARGET/medsales-api-${ROWS}.jar
LOG=$TARGET/api-${ROWS}-platform.log
NPPES=$TARGET/npidata_pfile_bench_${ROWS}.csv
# Part D: 3 rows per NPPES row, capped at the national file's 26,000,000 (about 3 per prescriber of 9M providers)
PARTD_ROWS=$((3 * ROWS > 26000000 ? 26000000 : 3 * ROWS))
PARTD=$TARGET/partd_bench_2021_${PARTD_ROWS}_nppes_${ROWS}.csv
# fixed, so that a kept home (BENCH_KEEP_DB=1) still signs in: the operator is created at the first start
PASSWORD=bench-operator-password
say() { echo "api-latency: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(for d in /usr/lib/jvm/*; do
      "$d/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])' && echo "$d"
    done | sort -V | tail -n1)
fi
[ -n "$JAVA_HOME" ] || die "no JDK 21 or newer under /usr/lib/jvm; set JAVA_HOME"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
for tool in psql curl awk; do command -v $tool >/dev/null || die "$tool not found"; done
mkdir -p "$TARGET"

if [ ! -f "$JAR" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  say "building $JAR ..."
  ./mvnw -B -ntp -q -DskipTests package >&2 || die "the build failed"
fi
cp "$JAR" "$RUN_JAR"

# --- 1. the files --------------------------------------------------------------------------------------------------
[ -s "$NPPES" ] || { say "generating $NPPES ..."; "$BENCH/generate.sh" NppesGenerator --rows "$ROWS" --seed 42 --out "$NPPES" >&2; }
# --nppes: the prescribers take the NPPES file's NPIs (individuals' for individuals), so every one is in the registry
[ -s "$PARTD" ] || { say "generating $PARTD ..."; "$BENCH/generate.sh" PartDGenerator --rows "$PARTD_ROWS" --seed 42 \
  --nppes "$NPPES" --out "$PARTD" >&2; }

# --- 2. ingest into a fresh home (BENCH_KEEP_DB=1 with a home of the same ROWS: measure the data already loaded) ------
# an array, not a function: `run_jar ... &` in a function would background a subshell, and stop() would end the
# subshell but leave java running (and holding the home, so that the restart for the plan failed)
run_jar=(env -u DB_HOST -u DB_READ_HOST -u REDIS_HOST MEDSALES_HOME="$HOME_DIR" MEDSALES_DEMO_DATA=false)
INGESTS=("ingest nppes $REPO/$NPPES" "ingest partd $REPO/$PARTD --year 2021")
if [ "${BENCH_KEEP_DB:-0}" = 1 ] && [ "$(cat "$HOME_DIR/bench-rows" 2>/dev/null)" = "$ROWS" ]; then
  say "BENCH_KEEP_DB=1: measuring the $ROWS rows already loaded in $HOME_DIR"
  INGESTS=()
else
  rm -rf "$HOME_DIR"
  mkdir -p "$HOME_DIR"
fi
for args in "${INGESTS[@]}"; do
  say "java -jar medsales.jar $args ..."
  t0=$SECONDS
  # shellcheck disable=SC2086
  "${run_jar[@]}" "$JAVA" -Xmx1g -jar "$RUN_JAR" $args >>"$TARGET/api-${ROWS}-ingest.log" 2>&1 || die "$args failed (see $TARGET/api-${ROWS}-ingest.log)"
  say "  done in $((SECONDS - t0)) s"
done
echo "$ROWS" >"$HOME_DIR/bench-rows"

# --- 3. the platform -----------------------------------------------------------------------------------------------
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
start() {
  # the ingestion worker runs the drug prescribers' build that the ingest commands queued (idle once it is done)
  "${run_jar[@]}" MEDSALES_ROLES=api,ingestion-worker MEDSALES_OPERATOR_PASSWORD="$PASSWORD" MEDSALES_RATE_LIMIT_PER_MINUTE=100000000 \
    "$JAVA" -Xmx1g -jar "$RUN_JAR" --server.port="$PORT" >>"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 $((2 * START_SECONDS))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] && return 0
    kill -0 "$PID" 2>/dev/null || die "the platform exited (see $LOG)"
    sleep 0.5
  done
  die "GET /health did not answer within $START_SECONDS s (see $LOG)"
}
say "starting the platform on port $PORT ..."
start
PSQL=(psql -X -At -v ON_ERROR_STOP=1 -h localhost -p "$(tr -d '[:space:]' <"$HOME_DIR/postgres.port")" -U postgres -d medsales)
# /health answers before the start-up runners have created the operator: ask for a while
token() {
  local t
  for _ in $(seq 1 60); do
    t=$(curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
      -d "{\"username\": \"operator\", \"password\": \"$PASSWORD\"}" | sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p')
    [ -n "$t" ] && { echo "$t"; return 0; }
    sleep 1
  done
  return 1
}
TOKEN=$(token) || die "no bearer token for the operator"
# the drug shape must measure the table, not the slower path a drug search takes while the table is stale
fresh() { [ "$("${PSQL[@]}" -c "SELECT count(*) FROM partd_drug_prescriber_fresh WHERE data_year = 2021")" = 1 ]; }
if ! fresh; then
  say "waiting for the drug prescribers of 2021 to be built (at most $FRESH_SECONDS s) ..."
  t0=$SECONDS
  until fresh; do
    [ $((SECONDS - t0)) -lt "$FRESH_SECONDS" ] || die "partd_drug_prescriber was not fresh within $FRESH_SECONDS s (see $LOG)"
    kill -0 "$PID" 2>/dev/null || die "the platform exited (see $LOG)"
    sleep 2
  done
  say "  built in $((SECONDS - t0)) s"
fi

# --- 4. the shapes, their parameters taken from the data -----------------------------------------------------------
SPECIALTY=$("${PSQL[@]}" -c "SELECT code FROM provider_taxonomy WHERE is_primary GROUP BY code ORDER BY count(*) DESC LIMIT 1")
DENSE=$("${PSQL[@]}" -c "SELECT a.zip5 FROM provider_address a JOIN provider_taxonomy t ON t.npi = a.npi AND t.is_primary AND t.code = '$SPECIALTY'
  WHERE a.kind = 'PRACTICE' AND a.zip5 IN (SELECT zip5 FROM zip_centroid) GROUP BY a.zip5 ORDER BY count(*) DESC LIMIT 1")
SPARSE=$("${PSQL[@]}" -c "SELECT a.zip5 FROM provider_address a JOIN zip_centroid z ON z.zip5 = a.zip5
  WHERE a.kind = 'PRACTICE' AND a.state = (SELECT state FROM provider_address WHERE kind = 'PRACTICE' AND state ~ '^[A-Z]{2}\$'
    GROUP BY state HAVING count(*) >= 20 ORDER BY count(*) LIMIT 1) GROUP BY a.zip5 ORDER BY count(*), a.zip5 LIMIT 1")
NAME=$("${PSQL[@]}" -c "SELECT first_name || ' ' || last_name FROM provider WHERE entity_type = 1 AND first_name IS NOT NULL ORDER BY npi OFFSET 1000 LIMIT 1")
DRUG=$("${PSQL[@]}" -c "SELECT generic_name FROM partd_drug GROUP BY generic_name ORDER BY count(*) DESC LIMIT 1")
# the same name misspelt as a rep might: two letters of the first name swapped, a letter of the last name replaced
TYPO=$(python3 -c 'import sys
f, l = sys.argv[1].split(" ", 1)
f = f[0] + f[2] + f[1] + f[3:] if len(f) > 2 else f
l = l[:2] + ("Y" if l[2:3] != "Y" else "I") + l[3:]
print(f + " " + l)' "$NAME")
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
declare -A SHAPES=(
  ["name"]="/api/v1/providers?name=$(enc "$NAME")"
  ["name, misspelt ($TYPO)"]="/api/v1/providers?name=$(enc "$TYPO")"
  ["specialty + 25 mi, dense ($DENSE)"]="/api/v1/providers?specialty=$SPECIALTY&near=$DENSE&radiusMiles=25"
  ["specialty + 25 mi, sparse ($SPARSE)"]="/api/v1/providers?specialty=$SPECIALTY&near=$SPARSE&radiusMiles=25"
  ["specialty + 25 mi + drug + minClaims, by claims"]="/api/v1/providers?specialty=$SPECIALTY&near=$DENSE&radiusMiles=25&drug=$(enc "$DRUG")&minClaims=20&sort=claims"
)
say "shapes: specialty $SPECIALTY, dense ZIP $DENSE, sparse ZIP $SPARSE, name '$NAME', drug '$DRUG'"

# time_total of each request, on one connection: curl -K with one url/output pair per request
measure() { # FILE_OF_PATHS -> prints one duration in ms per line
  awk -v b="$BASE" '{ print "url = \"" b $0 "\""; print "output = \"/dev/null\"" }' "$1" >"$TARGET/api-${ROWS}-curl.cfg"
  curl -s -H "Authorization: Bearer $TOKEN" -w '%{http_code} %{time_total}\n' -K "$TARGET/api-${ROWS}-curl.cfg" \
    | awk '$1 != 200 { bad++ } { printf "%.3f\n", $2 * 1000 } END { if (bad) { print "non-200 answers: " bad > "/dev/stderr"; exit 1 } }'
}
stats() { sort -n | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999);
  printf "%8.1f %8.1f %8.1f %6d", v[i50], v[i95], v[NR], NR }'; }

REPORT=$TARGET/api-${ROWS}-latency.txt
{
  echo "API latency, $ROWS NPPES rows, $PARTD_ROWS Part D rows ($(date -u +%F), $(git rev-parse --short HEAD), ${WARMUP} warm-up + ${SAMPLES} samples)"
  printf '%-52s %8s %8s %8s %6s  %s\n' shape "p50 ms" "p95 ms" "max ms" n verdict
} | tee "$REPORT"
WORST=""; WORST_P95=0
for shape in "${!SHAPES[@]}"; do
  for _ in $(seq 1 "$WARMUP"); do echo "${SHAPES[$shape]}"; done >"$TARGET/api-${ROWS}-paths"
  measure "$TARGET/api-${ROWS}-paths" >/dev/null || die "$shape: warm-up failed"
  for _ in $(seq 1 "$SAMPLES"); do echo "${SHAPES[$shape]}"; done >"$TARGET/api-${ROWS}-paths"
  line=$(measure "$TARGET/api-${ROWS}-paths" | stats) || die "$shape failed"
  p95=$(awk '{ print $2 }' <<<"$line")
  verdict=$(awk -v p="$p95" 'BEGIN { print (p < 50 ? "PASS (< 50)" : "MISS (>= 50)") }')
  printf '%-52s %s  %s\n' "$shape" "$line" "$verdict" | tee -a "$REPORT"
  if awk -v p="$p95" -v w="$WORST_P95" 'BEGIN { exit !(p >= 50 && p > w) }'; then WORST=$shape; WORST_P95=$p95; fi
done
# the map (GET /api/v1/providers/map): a search's providers clustered on the zoom's grid in SQL; target p95 < 150 ms
declare -A MAP_SHAPES=(
  ["map: everyone, lower 48, zoom 4"]="/api/v1/providers/map?bbox=-125,24,-66,50&zoom=4"
  ["map: specialty, lower 48, zoom 4"]="/api/v1/providers/map?specialty=$SPECIALTY&bbox=-125,24,-66,50&zoom=4"
  ["map: specialty + 25 mi ($DENSE), world box, zoom 3"]="/api/v1/providers/map?specialty=$SPECIALTY&near=$DENSE&radiusMiles=25&bbox=-180,-90,180,90&zoom=3"
)
for shape in "${!MAP_SHAPES[@]}"; do
  for _ in $(seq 1 "$WARMUP"); do echo "${MAP_SHAPES[$shape]}"; done >"$TARGET/api-${ROWS}-paths"
  measure "$TARGET/api-${ROWS}-paths" >/dev/null || die "$shape: warm-up failed"
  for _ in $(seq 1 "$SAMPLES"); do echo "${MAP_SHAPES[$shape]}"; done >"$TARGET/api-${ROWS}-paths"
  line=$(measure "$TARGET/api-${ROWS}-paths" | stats) || die "$shape failed"
  p95=$(awk '{ print $2 }' <<<"$line")
  verdict=$(awk -v p="$p95" 'BEGIN { print (p < 150 ? "PASS (< 150)" : "MISS (>= 150)") }')
  printf '%-52s %s  %s\n' "$shape" "$line" "$verdict" | tee -a "$REPORT"
done
# (NOT EXISTS: a NOT IN over the national 26M Part D rows did not finish in minutes)
# profiles: warm = the same 100 NPIs read again (from the profile cache); cold = NPIs read once (no cache entry yet)
"${PSQL[@]}" -c "SELECT DISTINCT npi FROM partd_drug ORDER BY npi LIMIT 100" | sed 's|^|/api/v1/providers/|' >"$TARGET/api-${ROWS}-npis"
"${PSQL[@]}" -c "SELECT npi FROM provider p WHERE entity_type = 1 AND NOT EXISTS (SELECT 1 FROM partd_drug d WHERE d.npi = p.npi) ORDER BY npi LIMIT $SAMPLES" \
  | sed 's|^|/api/v1/providers/|' >"$TARGET/api-${ROWS}-cold"
for _ in 1 2; do cat "$TARGET/api-${ROWS}-npis"; done >"$TARGET/api-${ROWS}-paths"
measure "$TARGET/api-${ROWS}-paths" >/dev/null || die "profile warm-up failed"
for _ in $(seq 1 $(((SAMPLES + 99) / 100))); do cat "$TARGET/api-${ROWS}-npis"; done >"$TARGET/api-${ROWS}-paths"
for shape in "profile (warm: cached)" "profile (cold: first read)"; do
  [ "$shape" = "profile (warm: cached)" ] && paths=$TARGET/api-${ROWS}-paths || paths=$TARGET/api-${ROWS}-cold
  line=$(measure "$paths" | stats) || die "$shape failed"
  p95=$(awk '{ print $2 }' <<<"$line")
  verdict=$(awk -v p="$p95" 'BEGIN { print (p < 30 ? "PASS (< 30)" : "MISS (>= 30)") }')
  printf '%-52s %s  %s\n' "$shape" "$line" "$verdict" | tee -a "$REPORT"
done

# --- 5. the plan of the slowest search shape that missed ----------------------------------------------------------
if [ -n "$WORST" ]; then
  say "the slowest miss is '$WORST'; restarting with auto_explain for its plan ..."
  PLANS=$(readlink -f "$TARGET")/api-${ROWS}-plans
  rm -rf "$PLANS"; mkdir -p "$PLANS"
  "${PSQL[@]}" -c "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" \
    -c "ALTER SYSTEM SET auto_explain.log_analyze = on" -c "ALTER SYSTEM SET auto_explain.log_buffers = on" \
    -c "ALTER SYSTEM SET logging_collector = on" -c "ALTER SYSTEM SET log_directory = '$PLANS'" >/dev/null
  stop
  start
  TOKEN=$(token) || die "no bearer token for the operator after the restart"
  printf '%s\n%s\n' "${SHAPES[$WORST]}" "${SHAPES[$WORST]}" >"$TARGET/api-${ROWS}-paths"
  measure "$TARGET/api-${ROWS}-paths" >/dev/null || true
  sleep 1
  echo "EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of '$WORST' (second request):" | tee -a "$REPORT"
  python3 - "$PLANS" <<'EOF' | tee -a "$REPORT"
import glob, re, sys
text = "".join(open(f, errors="replace").read() for f in sorted(glob.glob(sys.argv[1] + "/*.log")))
entries = re.split(r"(?m)^(?=\S.*duration: [0-9.]+ ms  plan:)", text)
plans = [(float(re.search(r"duration: ([0-9.]+) ms", e).group(1)), e) for e in entries if "plan:" in e]
# the search's statements: its page (sort_key; a page read from the candidate or name tables has no "FROM provider p")
# and its total and facets when they were not cached
plans = [p for p in plans if "sort_key" in p[1] or "FROM provider p" in p[1]]
print(max(plans)[1] if plans else "(no plan was logged)")
EOF
  # a kept home (BENCH_KEEP_DB=1) must not measure its next run with every statement explained, nor log into this
  # run's folder (a start fails when that folder is gone)
  "${PSQL[@]}" -c "ALTER SYSTEM RESET session_preload_libraries" -c "ALTER SYSTEM RESET auto_explain.log_min_duration" \
    -c "ALTER SYSTEM RESET auto_explain.log_analyze" -c "ALTER SYSTEM RESET auto_explain.log_buffers" \
    -c "ALTER SYSTEM RESET logging_collector" -c "ALTER SYSTEM RESET log_directory" >/dev/null
fi
say "report: $REPORT"
