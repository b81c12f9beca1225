# Shared driver of the ingestion benchmarks (bench/nppes-ingest.sh, partd-ingest.sh, partb-ingest.sh, openpayments-ingest.sh): sourced by them, last,
# after they have set
#
#   BENCH_NAME   prefix of the messages (nppes-ingest)
#   BENCH_KIND   short name for the bench column of results.tsv (nppes)
#   BENCH_TITLE  first line of the report (NPPES ingestion benchmark)
#   ROWS SEED    the file's size and the generator's seed
#   FILE         the generated file, relative to the repository root (bench/target/...)
#   GENERATOR    the generator's source: bench/generate.sh GENERATOR --rows ROWS --seed SEED --out FILE
#   FLOOR_COLS   the number of text columns of the floor table (the file's field count)
#   INGEST_ARGS  (array) the jar's arguments for the ingest, e.g. (ingest nppes "$REPO/$FILE")
#
# and BENCH, REPO (the bench directory and the repository root, the current directory). The steps:
# 1. finds a JDK 21+ (as ./medsales does) and builds server/target/medsales.jar if it is missing;
# 2. generates FILE unless it is there already;
# 3. starts the platform as the database host on a fresh bench/target/home (BENCH_KEEP_DB=1 keeps the previous one),
#    with no roles and no demo data, and waits for GET /health;
# 4. the floor: psql \copy of the same file into an UNLOGGED table of FLOOR_COLS text columns;
# 5. the ingest: DB_*=<that database> /usr/bin/time -v java -Xmx512m -jar medsales.jar INGEST_ARGS...;
# 6. prints the report, appends it to bench/target/results.tsv, and stops the platform (also on failure).
#
# Exit status: 0 when both runs succeeded (whatever the verdict), 1 when anything failed.

: "${BENCH_NAME:?}" "${BENCH_KIND:?}" "${BENCH_TITLE:?}" "${ROWS:?}" "${SEED:?}" "${FILE:?}" "${GENERATOR:?}" \
  "${FLOOR_COLS:?}" "${REPO:?}"
[ "${#INGEST_ARGS[@]}" -gt 0 ] || { echo "lib.sh: INGEST_ARGS is not set" >&2; exit 2; }

TARGET=bench/target
HOME_DIR=$TARGET/home
JAR=server/target/medsales.jar
PLATFORM_LOG=$TARGET/platform.log
INGEST_LOG=$TARGET/ingest.log
INGEST_TIME=$TARGET/ingest.time
RESULTS=$TARGET/results.tsv
HEALTH_TIMEOUT=${BENCH_HEALTH_TIMEOUT:-180}

say() { echo "$BENCH_NAME: $*" >&2; }
die() { say "$*"; exit 1; }

# --- 1. a JDK 21+: the same search as ../medsales (kept in step with it) -------------------------------------------
java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d/bin/java")
    [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(java_major "$d/bin/java")
    [ -n "$v" ] && [ "$v" -ge 21 ] && best="$d"
  fi
  [ -n "$best" ] && echo "$best"
}

JDK=$(find_jdk || true)
[ -n "$JDK" ] || die "no JDK 21 or newer found (the java on the PATH is: $(java -version 2>&1 | head -n1 || echo none)).
Install one (apt-get install openjdk-21-jdk-headless, or Temurin 21+) or point JAVA_HOME at one."
export JAVA_HOME="$JDK"
export PATH="$JAVA_HOME/bin:$PATH"
JAVA="$JAVA_HOME/bin/java"

command -v psql >/dev/null || die "psql not found: apt-get install postgresql-client"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (needed for the peak RSS): apt-get install time"
command -v curl >/dev/null || die "curl not found: apt-get install curl"

mkdir -p "$TARGET"

# --- 2. the jar ---------------------------------------------------------------------------------------------------
if [ ! -f "$JAR" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  say "building $JAR (./mvnw -B -ntp -q -DskipTests package) ..."
  ./mvnw -B -ntp -q -DskipTests package >&2 || die "the build failed"
  [ -f "$JAR" ] || die "the build did not produce $JAR"
elif [ -n "$(find pom.xml server/pom.xml server/src -newer "$JAR" -print -quit 2>/dev/null)" ]; then
  say "note: $JAR is older than the sources; BENCH_REBUILD=1 rebuilds it first"
fi
# Run a private copy: a build replacing the jar under a running JVM breaks it (classes vanish mid-run).
RUN_JAR=$TARGET/medsales.jar
cp "$JAR" "$RUN_JAR.tmp" && mv "$RUN_JAR.tmp" "$RUN_JAR"
# Without an `ingest` command the jar would take `ingest DATASET FILE` for Spring arguments and run the platform.
help=$("$JAVA" -jar "$RUN_JAR" --help 2>&1 || true)
if ! grep -Eq '^[[:space:]]+ingest[[:space:]]' <<<"$help"; then
  die "$JAR has no \`ingest\` command (its --help lists none): build one that has (BENCH_REBUILD=1 rebuilds)"
fi

# --- 3. the file (cached) -----------------------------------------------------------------------------------------
if [ ! -s "$FILE" ]; then
  say "generating $FILE ($ROWS rows, seed $SEED) ..."
  "$BENCH/generate.sh" "$GENERATOR" --rows "$ROWS" --seed "$SEED" --out "$FILE" >&2 || die "the generator failed"
else
  say "using the cached $FILE"
fi
FILE_BYTES=$(stat -L -c %s "$FILE")
FILE_ABS=$(readlink -f "$FILE")

# --- 4. the platform as the database host -------------------------------------------------------------------------
PLATFORM_PID=""
stop_platform() {
  [ -n "$PLATFORM_PID" ] || return 0
  if kill -0 "$PLATFORM_PID" 2>/dev/null; then
    say "stopping the platform (pid $PLATFORM_PID) ..."
    kill -TERM "$PLATFORM_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 120); do
      kill -0 "$PLATFORM_PID" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$PLATFORM_PID" 2>/dev/null; then
      say "the platform did not stop within 60 s of SIGTERM; sending SIGKILL to pid $PLATFORM_PID"
      kill -KILL "$PLATFORM_PID" 2>/dev/null || true
    fi
  fi
  wait "$PLATFORM_PID" 2>/dev/null || true
  PLATFORM_PID=""
}
INGEST_PID=""
stop_ingest() { # SIGTERM to the ingest's process group, SIGKILL after 30 s
  [ -n "$INGEST_PID" ] || return 0
  kill -TERM -- "-$INGEST_PID" 2>/dev/null || return 0
  local i
  for i in $(seq 1 150); do
    kill -0 -- "-$INGEST_PID" 2>/dev/null || return 0
    sleep 0.2
  done
  say "the ingest did not stop within 30 s of SIGTERM; sending SIGKILL to its process group $INGEST_PID"
  kill -KILL -- "-$INGEST_PID" 2>/dev/null || true
}
cleanup() {
  stop_ingest
  stop_platform
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    local p
    while :; do
      p=$((20000 + RANDOM % 40000))
      (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
  fi
}

if [ "${BENCH_KEEP_DB:-0}" != 1 ] && [ -d "$HOME_DIR" ]; then
  rm -rf "$HOME_DIR"
fi
mkdir -p "$HOME_DIR"
HTTP_PORT=$(free_port)
say "starting the platform on port $HTTP_PORT (MEDSALES_HOME=$HOME_DIR, log $PLATFORM_LOG) ..."
env -u DB_HOST -u DB_READ_HOST -u REDIS_HOST \
  MEDSALES_HOME="$HOME_DIR" MEDSALES_ROLES= MEDSALES_DEMO_DATA=false \
  "$JAVA" -jar "$RUN_JAR" --server.port="$HTTP_PORT" >"$PLATFORM_LOG" 2>&1 &
PLATFORM_PID=$!

deadline=$((SECONDS + HEALTH_TIMEOUT))
while :; do
  if ! kill -0 "$PLATFORM_PID" 2>/dev/null; then
    tail -n 30 "$PLATFORM_LOG" >&2 || true
    PLATFORM_PID=""
    die "the platform exited before it was healthy (log above, in full: $PLATFORM_LOG)"
  fi
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://localhost:$HTTP_PORT/health" || true)
  [ "$code" = 200 ] && break
  if [ "$SECONDS" -ge "$deadline" ]; then
    tail -n 30 "$PLATFORM_LOG" >&2 || true
    die "GET /health did not answer 200 within ${HEALTH_TIMEOUT} s (last status: ${code:-none})"
  fi
  sleep 0.5
done
[ -s "$HOME_DIR/postgres.port" ] || die "$HOME_DIR/postgres.port is missing although /health answered"
PG_PORT=$(tr -d '[:space:]' <"$HOME_DIR/postgres.port")
say "platform healthy; embedded PostgreSQL on localhost:$PG_PORT"

PSQL=(psql -X -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres -d medsales)
export PGPASSWORD="" PGCONNECT_TIMEOUT=10 PGOPTIONS="-c client_min_messages=warning"
PG_VERSION=$("${PSQL[@]}" -Atc 'SHOW server_version' 2>&1) || die "psql cannot connect to localhost:$PG_PORT: $PG_VERSION"

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
# Both runs read the file from the page cache: read it once beforehand.
cat "$FILE" >/dev/null

# --- 5. the floor: plain COPY into an UNLOGGED table of FLOOR_COLS text columns ------------------------------------
cols=$(seq 1 "$FLOOR_COLS" | sed 's/^/c/; s/$/ text/' | paste -sd, -)
"${PSQL[@]}" -qc "DROP TABLE IF EXISTS bench_floor; CREATE UNLOGGED TABLE bench_floor ($cols)" >/dev/null
say "floor: \\copy of $ROWS rows ..."
t0=$(now)
copy_out=$("${PSQL[@]}" -c "\\copy bench_floor FROM '$FILE_ABS' WITH (FORMAT csv, HEADER true)" 2>&1) \
  || die "the floor COPY failed: $copy_out"
t1=$(now)
"${PSQL[@]}" -qc "DROP TABLE bench_floor" >/dev/null
FLOOR_S=$(calc "$t1 - $t0")
copied=$(sed -n 's/^COPY \([0-9]*\)$/\1/p' <<<"$copy_out")
[ "$copied" = "$ROWS" ] || die "the floor COPY loaded ${copied:-?} rows, expected $ROWS ($copy_out)"

# --- 6. the ingest --------------------------------------------------------------------------------------------------
# A watchdog, so that a hung ingest cannot hold the benchmark forever: 20x the floor, at least 10 minutes; then
# SIGTERM to its process group, SIGKILL 30 s later.
INGEST_TIMEOUT=${BENCH_INGEST_TIMEOUT:-$(awk -v f="$FLOOR_S" 'BEGIN { t = int(20 * f); print (t < 600 ? 600 : t) }')}
say "ingest: java -Xmx512m -jar $RUN_JAR ${INGEST_ARGS[*]} (log $INGEST_LOG, timeout ${INGEST_TIMEOUT} s) ..."
mkdir -p "$TARGET/ingest-home"
rm -f "$INGEST_TIME"
t0=$(now)
# In its own process group (setsid), so that the watchdog and the exit trap can stop time and java together.
env -u DB_READ_HOST -u REDIS_HOST \
  DB_HOST=localhost DB_PORT="$PG_PORT" DB_USER=postgres DB_PASS= DB_NAME=medsales MEDSALES_HOME="$TARGET/ingest-home" \
  setsid /usr/bin/time -v -o "$INGEST_TIME" "$JAVA" -Xmx512m -jar "$RUN_JAR" "${INGEST_ARGS[@]}" >"$INGEST_LOG" 2>&1 &
INGEST_PID=$!
TIMED_OUT=0
deadline=$((SECONDS + INGEST_TIMEOUT))
while kill -0 "$INGEST_PID" 2>/dev/null; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    TIMED_OUT=1
    stop_ingest
    break
  fi
  sleep 0.2
done
INGEST_RC=0
wait "$INGEST_PID" || INGEST_RC=$?
INGEST_PID=""
t1=$(now)
# The wall time as /usr/bin/time measured it (exact), else ours (within the 0.2 s polling).
INGEST_S=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): \(.*\)$/\1/p' "$INGEST_TIME" 2>/dev/null \
  | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.6f", s }' || true)
[ -n "$INGEST_S" ] || INGEST_S=$(calc "$t1 - $t0")
RSS_KB=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): \([0-9]*\)$/\1/p' "$INGEST_TIME" 2>/dev/null || true)

# --- 7. the report --------------------------------------------------------------------------------------------------
if [ ! -s "$RESULTS" ]; then
  printf "when\tcommit\trows\tbytes\tfloor_s\tingest_s\tingest_rss_mb\tratio\tbench\n" >"$RESULTS"
elif ! head -n1 "$RESULTS" | grep -q $'\tbench$'; then
  sed -i '1s/$/\tbench/' "$RESULTS" # files from before the column: their rows are all nppes
fi
fmt() { printf "%.${2:-1}f" "$1"; }
rate() { printf "%'.0f" "$(calc "$1 / $2")"; }
echo
echo "$BENCH_TITLE  ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, PostgreSQL $PG_VERSION, JDK $(java_major "$JAVA"))"
printf "  %-10s %'d\n" "rows" "$ROWS"
printf "  %-10s %s MB  (%s)\n" "file" "$(fmt "$(calc "$FILE_BYTES / 1000000")" 0)" "$FILE"
printf "  %-10s %8s s  %10s rows/s   (psql \\\\copy into an UNLOGGED $FLOOR_COLS x text table)\n" "floor" "$(fmt "$FLOOR_S" 2)" "$(rate "$ROWS" "$FLOOR_S")"
if [ "$INGEST_RC" -ne 0 ] || [ "$TIMED_OUT" = 1 ]; then
  why="exit $INGEST_RC"
  if [ "$TIMED_OUT" = 1 ]; then why="timed out after ${INGEST_TIMEOUT} s"; fi
  printf "  %-10s FAILED (%s, %s s); last lines of %s:\n" "ingest" "$why" "$(fmt "$INGEST_S" 1)" "$INGEST_LOG"
  tail -n 15 "$INGEST_LOG" | sed 's/^/      | /'
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$(date -u +%FT%TZ)" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
    "$ROWS" "$FILE_BYTES" "$(fmt "$FLOOR_S" 2)" "FAILED" "" "" "$BENCH_KIND" >>"$RESULTS"
  die "the ingest failed ($why); no ingest figures"
fi
RATIO=$(calc "$INGEST_S / $FLOOR_S")
RSS_MB=${RSS_KB:+$(fmt "$(calc "$RSS_KB / 1024")" 0)}
printf "  %-10s %8s s  %10s rows/s   peak RSS %s MB (heap capped at 512 MB)\n" "ingest" "$(fmt "$INGEST_S" 2)" "$(rate "$ROWS" "$INGEST_S")" "${RSS_MB:-?}"
if awk "BEGIN { exit !($RATIO <= 1.5) }"; then VERDICT="PASS"; else VERDICT="FAIL"; fi
printf "  %-10s %sx the floor  -> target <= 1.5x: %s\n" "ratio" "$(fmt "$RATIO" 2)" "$VERDICT"
echo "  ingest summary (last lines of $INGEST_LOG):"
tail -n 5 "$INGEST_LOG" | sed 's/^/      | /'
printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$(date -u +%FT%TZ)" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$ROWS" "$FILE_BYTES" "$(fmt "$FLOOR_S" 2)" "$(fmt "$INGEST_S" 2)" "${RSS_MB:-}" "$(fmt "$RATIO" 2)" "$BENCH_KIND" >>"$RESULTS"
