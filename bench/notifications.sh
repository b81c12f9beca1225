#!/usr/bin/env bash
# Notification benchmark: a monthly NPPES publish whose change set touches WATCHED watched providers across USERS users.
#
#   bench/notifications.sh [ROWS] [WATCHED] [USERS]     defaults 200000 100000 1000
#
# 1. Generates an NPPES file of ROWS rows (bench/NppesGenerator.java, seed 42) and a later one in which the first
#    WATCHED providers' practice address moved (line 1 gets " STE 100").
# 2. Starts the platform as the notification worker (MEDSALES_ROLES=notification-worker) on a fresh
#    bench/target/notifications-home, hosting the embedded PostgreSQL; SMTP_HOST points at a closed port, so e-mail
#    is on and every user's e-mail goes to the daily digest (notification_setting), queued, not sent.
# 3. Publishes the earlier file, then the later one with no watchers (the baseline publish), the earlier one again,
#    then makes USERS users each owning WATCHED/USERS contacts on the moved providers, and publishes the later one
#    again (the measured publish), each with `java -jar medsales.jar ingest nppes FILE`.
# 4. Reports both publishes' wall times, and how long after the measured publish ended the WATCHED inbox rows were
#    all there (polled every 0.5 s), with the worker's own figure from its log.
#
# Targets (issue #22): inbox rows within 120 s; the publish with watchers at most 5% slower than without.
# Exit status: 0 when every step ran (whatever the verdict), 1 when one failed.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$BENCH")
cd "$REPO"

ROWS=${1:-200000}
WATCHED=${2:-100000}
USERS=${3:-1000}
for n in "$ROWS" "$WATCHED" "$USERS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/notifications.sh [ROWS] [WATCHED] [USERS]" >&2; exit 2; }
done
[ "$WATCHED" -le "$ROWS" ] || { echo "WATCHED ($WATCHED) must not exceed ROWS ($ROWS)" >&2; exit 2; }

say() { echo "notifications: $*" >&2; }
die() { say "$*"; exit 1; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

TARGET=$REPO/bench/target
HOME_DIR=$TARGET/notifications-home
LOG=$TARGET/notifications-platform.log
JAR=$REPO/server/target/medsales.jar
mkdir -p "$TARGET"

JAVA_HOME=${JAVA_HOME:-}
if [ -z "$JAVA_HOME" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -x "$candidate/bin/java" ] && JAVA_HOME=$candidate && break
  done
fi
[ -x "$JAVA_HOME/bin/java" ] || die "no JDK 21+ found: set JAVA_HOME"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
command -v psql >/dev/null || die "psql not found: apt-get install postgresql-client"
command -v python3 >/dev/null || die "python3 not found"

if [ ! -f "$JAR" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  say "building $JAR ..."
  ./mvnw -B -ntp -q -DskipTests package >&2 || die "the build failed"
fi
RUN_JAR=$TARGET/medsales-notifications.jar
cp "$JAR" "$RUN_JAR.tmp" && mv "$RUN_JAR.tmp" "$RUN_JAR"

# --- the files --------------------------------------------------------------------------------------------------------
EARLIER=$TARGET/npidata_pfile_bench_${ROWS}.csv
LATER=$TARGET/npidata_pfile_bench_${ROWS}_moved_${WATCHED}.csv
MOVED=$TARGET/npis_moved_${ROWS}_${WATCHED}.txt
if [ ! -s "$EARLIER" ]; then
  say "generating $EARLIER ($ROWS rows, seed 42) ..."
  "$BENCH/generate.sh" bench/NppesGenerator.java --rows "$ROWS" --seed 42 --out "$EARLIER" >&2 || die "the generator failed"
fi
if [ ! -s "$LATER" ] || [ ! -s "$MOVED" ]; then
  say "writing $LATER: the first $WATCHED providers' practice address moves ..."
  python3 - "$EARLIER" "$LATER" "$MOVED" "$WATCHED" <<'PY' || die "could not write the later file"
import csv, sys
src, dst, moved, watched = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
with open(src, newline='', encoding='utf-8', errors='surrogateescape') as f, \
     open(dst, 'w', newline='', encoding='utf-8', errors='surrogateescape') as out, open(moved, 'w') as npis:
    reader = csv.reader(f)
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator='\r\n')
    header = next(reader)
    writer.writerow(header)
    line1 = header.index('Provider First Line Business Practice Location Address')
    for i, row in enumerate(reader):
        if i < watched:
            row[line1] = (row[line1] + ' STE 100').strip()
            npis.write(row[0] + '\n')
        writer.writerow(row)
PY
fi

# --- the platform: the notification worker, and the database host ----------------------------------------------------
PLATFORM_PID=""
cleanup() {
  if [ -n "$PLATFORM_PID" ] && kill -0 "$PLATFORM_PID" 2>/dev/null; then
    say "stopping the platform (pid $PLATFORM_PID) ..."
    kill -TERM "$PLATFORM_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$PLATFORM_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$PLATFORM_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

rm -rf "$HOME_DIR"
mkdir -p "$HOME_DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
CLOSED=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
say "starting the notification worker on port $PORT (log $LOG) ..."
env -u DB_HOST -u DB_READ_HOST -u REDIS_HOST -u FCM_KEY \
  MEDSALES_HOME="$HOME_DIR" MEDSALES_ROLES=notification-worker MEDSALES_DEMO_DATA=false \
  SMTP_HOST=127.0.0.1 SMTP_PORT="$CLOSED" \
  "$JAVA" -jar "$RUN_JAR" --server.port="$PORT" >"$LOG" 2>&1 &
PLATFORM_PID=$!
deadline=$((SECONDS + 180))
until [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://localhost:$PORT/health" || true)" = 200 ]; do
  kill -0 "$PLATFORM_PID" 2>/dev/null || { tail -n 30 "$LOG" >&2; die "the platform exited"; }
  [ "$SECONDS" -lt "$deadline" ] || die "the platform was not healthy within 180 s"
  sleep 0.5
done
PG_PORT=$(tr -d '[:space:]' <"$HOME_DIR/postgres.port")
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres -d medsales -At)
export PGPASSWORD="" PGCONNECT_TIMEOUT=10 PGOPTIONS="-c client_min_messages=warning"

# one publish through the command line, as an operator runs it; prints its wall time in seconds
publish() {
  local file=$1 label=$2 t0 t1
  t0=$(now)
  env -u DB_READ_HOST -u REDIS_HOST DB_HOST=localhost DB_PORT="$PG_PORT" DB_USER=postgres DB_PASS= DB_NAME=medsales \
    MEDSALES_HOME="$TARGET/notifications-ingest-home" \
    "$JAVA" -Xmx512m -jar "$RUN_JAR" ingest nppes "$file" >"$TARGET/notifications-ingest-$label.log" 2>&1 \
    || { tail -n 20 "$TARGET/notifications-ingest-$label.log" >&2; die "the $label publish failed"; }
  t1=$(now)
  calc "$t1 - $t0"
}

# The command line publishes and exits: when its asynchronous listener did not get to queue the notification job
# before the exit, the event stays outstanding (the ingestion worker would hand it over at its next start); this
# benchmark queues it as the listener does.
queue_publish_job() {
  local run
  run=$("${PSQL[@]}" -c "SELECT max(id) FROM ingestion_run WHERE status = 'PUBLISHED'")
  for _ in $(seq 1 20); do
    [ "$("${PSQL[@]}" -c "SELECT count(*) FROM job WHERE queue = 'notification' AND type = 'publish' AND payload->>'runId' = '$run'")" -gt 0 ] && return 0
    sleep 0.5
  done
  say "queueing the notification job of run $run (the command line's listener did not)"
  "${PSQL[@]}" -c "INSERT INTO job (queue, type, payload, max_attempts) VALUES ('notification', 'publish', '{\"dataset\": \"nppes\", \"runId\": $run}', 5)"
}

mkdir -p "$TARGET/notifications-ingest-home"
say "publishing the earlier file ($ROWS rows) ..."
FIRST_S=$(publish "$EARLIER" first)
say "publishing the later file with no watchers (baseline) ..."
BASE_S=$(publish "$LATER" baseline)
queue_publish_job
say "publishing the earlier file again ..."
publish "$EARLIER" back >/dev/null
queue_publish_job

say "making $USERS users with $WATCHED contacts on the moved providers, every e-mail to the daily digest ..."
"${PSQL[@]}" <<SQL
CREATE TEMP TABLE moved (npi bigint);
\copy moved FROM '$MOVED'
INSERT INTO tenant (slug, name) VALUES ('bench', 'Bench') ON CONFLICT DO NOTHING;
INSERT INTO app_user (tenant_id, username, display_name, email, roles)
SELECT t.id, 'bench-' || g, 'Bench user ' || g, 'bench-' || g || '@example.com', ARRAY['REP']
FROM tenant t, generate_series(1, $USERS) g WHERE t.slug = 'bench';
INSERT INTO notification_setting (user_id, tenant_id, email_mode)
SELECT u.id, u.tenant_id, 'DAILY_DIGEST' FROM app_user u WHERE u.username LIKE 'bench-%';
WITH users AS (SELECT id, tenant_id, row_number() OVER (ORDER BY username) - 1 AS k FROM app_user WHERE username LIKE 'bench-%'),
     npis AS (SELECT npi, row_number() OVER (ORDER BY npi) - 1 AS i FROM moved)
INSERT INTO contact (tenant_id, npi, owner_id, source)
SELECT u.tenant_id, n.npi, u.id, 'PROVIDER' FROM npis n JOIN users u ON u.k = n.i % $USERS;
ANALYZE contact;
SQL
"${PSQL[@]}" -c "DELETE FROM notification"

say "publishing the later file with $WATCHED watched providers changed ..."
t_start=$(now)
WATCH_S=$(publish "$LATER" watched)
t_published=$(now)
queue_publish_job
INBOX_S=""
deadline=$((SECONDS + 600))
while :; do
  rows=$("${PSQL[@]}" -c "SELECT count(*) FROM notification WHERE type = 'PROVIDER_CHANGED'")
  if [ "$rows" -ge "$WATCHED" ]; then INBOX_S=$(calc "$(now) - $t_published"); break; fi
  [ "$SECONDS" -lt "$deadline" ] || break
  sleep 0.5
done
DIGEST=$("${PSQL[@]}" -c "SELECT count(*) FROM notification WHERE email_state = 'DIGEST'")
USERS_TOLD=$("${PSQL[@]}" -c "SELECT count(DISTINCT user_id) FROM notification")
JOBS=$("${PSQL[@]}" -c "SELECT count(*) FROM job WHERE queue = 'notification' AND type = 'deliver'")
WORKER=$(grep -o 'run [0-9]* (nppes): [0-9]* notifications raised in [0-9]* ms' "$LOG" | tail -n1 || true)

echo
echo "Notification benchmark  ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf "  %-34s %s\n" "registry rows" "$ROWS"
printf "  %-34s %s across %s users\n" "watched providers changed" "$WATCHED" "$USERS"
printf "  %-34s %s s\n" "first publish (empty registry)" "$FIRST_S"
printf "  %-34s %s s\n" "publish, no watchers (baseline)" "$BASE_S"
printf "  %-34s %s s  (%+.1f%%)\n" "publish, $WATCHED watched" "$WATCH_S" "$(awk "BEGIN { print 100 * ($WATCH_S - $BASE_S) / $BASE_S }")"
printf "  %-34s %s\n" "inbox rows after the publish" "${INBOX_S:+$INBOX_S s}${INBOX_S:-not all within 600 s ($rows of $WATCHED)}"
printf "  %-34s %s\n" "the worker" "${WORKER:-no log line}"
printf "  %-34s %s rows for %s users; %s delivery jobs (push off, e-mail in digests)\n" "queued" "$DIGEST" "$USERS_TOLD" "$JOBS"
verdict=PASS
if [ -z "$INBOX_S" ] || awk "BEGIN { exit !($INBOX_S > 120) }"; then verdict=FAIL; fi
if awk "BEGIN { exit !($WATCH_S > 1.05 * $BASE_S) }"; then verdict="$verdict (publish slowed more than 5%)"; fi
printf "  %-34s %s\n" "verdict" "$verdict"
printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$(date -u +%FT%TZ)" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$ROWS" "$WATCHED" "$USERS" "$BASE_S" "$WATCH_S" "${INBOX_S:-}" >>"$TARGET/notifications-results.tsv"
