#!/usr/bin/env bash
# Target lists at scale (issue 21): p50 and p95 of the list pages, attainment, the homes and the reports, warm, and the
# re-evaluation of a 5,000-member dynamic list after a publish.
#
#   bench/targets.sh [ROWS]      ROWS NPPES rows for the registry, default 100000
#
# 1. generates an NPPES file of ROWS rows (bench/NppesGenerator.java, seed 42, cached in bench/target/) and ingests it
#    with the jar's `ingest` command into a fresh MEDSALES_HOME (bench/target/targets-home);
# 2. starts the jar (roles api and ingestion-worker, the demo tenant, rate limit off) and generates with SQL, as the
#    database owner, in the demo tenant: 20 managers with a team of 10 reps each (200 reps), one list a rep for the
#    current quarter with 250 of the registry's individuals (50,000 targets, tiers and goals), a contact for each target,
#    and 10,000 activities a rep over the last year (2,000,000; every kind, 2% deleted), each with one of the rep's
#    contacts as attendee;
# 3. per shape: WARMUP requests, then SAMPLES measured ones (curl's time_total, one kept-alive connection, a rep's or a
#    manager's bearer token); prints p50, p95 and max against the targets: list pages and attainment p95 under 200 ms,
#    the rep's home under 300 ms;
# 4. creates a dynamic list whose rule (state=XX) matches 2,500 to 5,000 providers, publishes a deactivation report of
#    100 of them through the API, and reads the re-evaluation's time from the log (target: within 10 s).
#
# Environment: BENCH_REBUILD=1 rebuilds server/target/medsales.jar first; WARMUP (10), SAMPLES (100); START_SECONDS (240).
# Exit status: 0 when every step ran (whatever the verdict), 1 when a step failed.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$BENCH")
cd "$REPO"

ROWS=${1:-100000}
ROWS=${ROWS//_/}
ROWS=${ROWS//,/}
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/targets.sh [ROWS]   (default 100000)" >&2; exit 2; }
WARMUP=${WARMUP:-10}
SAMPLES=${SAMPLES:-100}
START_SECONDS=${START_SECONDS:-240}
TARGET=$REPO/bench/target
HOME_DIR=$TARGET/targets-home
JAR=server/target/medsales.jar
RUN_JAR=$TARGET/medsales-targets.jar
LOG=$TARGET/targets-platform.log
NPPES=$TARGET/npidata_pfile_bench_${ROWS}.csv
PASSWORD=bench-admin-password
OPERATOR_PASSWORD=bench-operator-password
say() { echo "targets: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(for d in /usr/lib/jvm/*; do
      "$d/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])' && echo "$d"
    done | sort -V | tail -n1)
fi
[ -n "$JAVA_HOME" ] || die "no JDK 21 or newer under /usr/lib/jvm; set JAVA_HOME"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
for tool in psql curl awk python3; do command -v $tool >/dev/null || die "$tool not found"; done
mkdir -p "$TARGET"

if [ ! -f "$JAR" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  say "building $JAR ..."
  ./mvnw -B -ntp -q -DskipTests package >&2 || die "the build failed"
fi
cp "$JAR" "$RUN_JAR"

# --- 1. the registry -----------------------------------------------------------------------------------------------
[ -s "$NPPES" ] || { say "generating $NPPES ..."; "$BENCH/generate.sh" NppesGenerator --rows "$ROWS" --seed 42 --out "$NPPES" >&2; }
rm -rf "$HOME_DIR"
mkdir -p "$HOME_DIR"
run_jar=(env -u DB_HOST -u DB_READ_HOST -u REDIS_HOST MEDSALES_HOME="$HOME_DIR")
say "java -jar medsales.jar ingest nppes ($ROWS rows) ..."
t0=$SECONDS
"${run_jar[@]}" MEDSALES_DEMO_DATA=false "$JAVA" -Xmx1g -jar "$RUN_JAR" ingest nppes "$NPPES" >"$TARGET/targets-ingest.log" 2>&1 \
  || die "the ingest failed (see $TARGET/targets-ingest.log)"
say "  done in $((SECONDS - t0)) s"

# --- 2. the platform and the tenant's data -------------------------------------------------------------------------
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
say "starting the platform on port $PORT ..."
"${run_jar[@]}" MEDSALES_ROLES=api,ingestion-worker MEDSALES_DEMO_DATA=true MEDSALES_ADMIN_PASSWORD="$PASSWORD" \
  MEDSALES_OPERATOR_PASSWORD="$OPERATOR_PASSWORD" MEDSALES_RATE_LIMIT_PER_MINUTE=100000000 MEDSALES_INGEST_DIRS="$TARGET" \
  "$JAVA" -Xmx1g -jar "$RUN_JAR" --server.port="$PORT" >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 $((2 * START_SECONDS))); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] && break
  kill -0 "$PID" 2>/dev/null || die "the platform exited (see $LOG)"
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] || die "no /health within $START_SECONDS s"
PSQL=(psql -X -At -v ON_ERROR_STOP=1 -h localhost -p "$(tr -d '[:space:]' <"$HOME_DIR/postgres.port")" -U postgres -d medsales)
for _ in $(seq 1 120); do
  [ "$("${PSQL[@]}" -c "SELECT count(*) FROM app_user WHERE username = 'admin'")" = 1 ] && break
  sleep 1
done

say "generating 200 reps, 50,000 targets with contacts and 2,000,000 activities ..."
t0=$SECONDS
"${PSQL[@]}" >/dev/null <<'SQL'
BEGIN;
CREATE TEMP TABLE b AS
  SELECT (SELECT id FROM tenant WHERE slug = 'demo') AS tenant, (SELECT password_hash FROM app_user WHERE username = 'admin') AS hash;
INSERT INTO app_user (tenant_id, username, display_name, roles, password_hash)
  SELECT b.tenant, 'bench-manager-' || g, 'Bench Manager ' || g, ARRAY['MANAGER'], b.hash FROM b, generate_series(1, 20) g;
INSERT INTO app_user (tenant_id, username, display_name, roles, password_hash)
  SELECT b.tenant, 'bench-rep-' || g, 'Bench Rep ' || g, ARRAY['REP'], b.hash FROM b, generate_series(1, 200) g;
INSERT INTO team (tenant_id, name, manager_id)
  SELECT b.tenant, 'Bench team ' || g, u.id FROM b, generate_series(1, 20) g JOIN app_user u ON u.username = 'bench-manager-' || g;
INSERT INTO team_member (tenant_id, team_id, user_id)
  SELECT b.tenant, t.id, u.id FROM b, generate_series(1, 200) g
  JOIN app_user u ON u.username = 'bench-rep-' || g
  JOIN team t ON t.name = 'Bench team ' || (1 + (g - 1) / 10);
CREATE TEMP TABLE npis AS
  SELECT npi, row_number() OVER (ORDER BY hashint8(npi), npi) AS n FROM provider WHERE active AND entity_type = 1;
DELETE FROM npis WHERE n > 50000;
INSERT INTO target_list (tenant_id, name, period_start, period_end, owner_id)
  SELECT b.tenant, 'Bench plan ' || g, date_trunc('quarter', now())::date,
         (date_trunc('quarter', now()) + interval '3 months' - interval '1 day')::date, u.id
  FROM b, generate_series(1, 200) g JOIN app_user u ON u.username = 'bench-rep-' || g;
INSERT INTO target_member (tenant_id, list_id, npi, tier, call_goal, manual)
  SELECT b.tenant, l.id, x.npi, (ARRAY['A', 'B', 'C'])[1 + x.n % 3], 2 + x.n % 6, true
  FROM b, npis x JOIN app_user u ON u.username = 'bench-rep-' || (1 + (x.n - 1) / 250)
  JOIN target_list l ON l.owner_id = u.id;
INSERT INTO contact (tenant_id, npi, owner_id, source)
  SELECT b.tenant, m.npi, l.owner_id, 'PROVIDER' FROM b, target_member m JOIN target_list l ON l.id = m.list_id;
INSERT INTO activity (tenant_id, kind, occurred_at, subject, owner_id)
  SELECT b.tenant, (ARRAY['CALL', 'CALL', 'VISIT', 'EMAIL', 'LUNCH', 'IN_SERVICE', 'NOTE', 'CALL'])[1 + g % 8],
         now() - ((hashint8(g::bigint * 7919 + hashtext(u.username)) & 2147483647) % 31536000)::int * interval '1 second', 'bench', u.id
  FROM b, app_user u, generate_series(1, 10000) g WHERE u.username LIKE 'bench-rep-%';
CREATE TEMP TABLE oc AS
  SELECT owner_id, id, row_number() OVER (PARTITION BY owner_id ORDER BY id) - 1 AS k FROM contact;
CREATE INDEX ON oc (owner_id, k);
ANALYZE oc;
INSERT INTO activity_attendee (tenant_id, activity_id, contact_id)
  SELECT a.tenant_id, a.id, oc.id FROM activity a
  JOIN oc ON oc.owner_id = a.owner_id AND oc.k = (hashtext(a.id::text) & 2147483647) % 250
  WHERE a.subject = 'bench';
UPDATE activity SET deleted_at = now() WHERE subject = 'bench' AND (hashtext(id::text) & 2147483647) % 50 = 0;
COMMIT;
VACUUM ANALYZE activity, activity_attendee, contact, target_member, target_list, app_user, team, team_member;
SQL
say "  generated in $((SECONDS - t0)) s: $("${PSQL[@]}" -c "SELECT (SELECT count(*) FROM target_member) || ' targets, ' || (SELECT count(*) FROM activity) || ' activities'")"

token() { # USERNAME PASSWORD
  curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\": \"$1\", \"password\": \"$2\"}" | sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p'
}
REP_TOKEN=$(token bench-rep-1 "$PASSWORD"); [ -n "$REP_TOKEN" ] || die "no token for bench-rep-1"
MANAGER_TOKEN=$(token bench-manager-1 "$PASSWORD"); [ -n "$MANAGER_TOKEN" ] || die "no token for bench-manager-1"
OPERATOR_TOKEN=$(token operator "$OPERATOR_PASSWORD"); [ -n "$OPERATOR_TOKEN" ] || die "no token for the operator"
LIST=$("${PSQL[@]}" -c "SELECT l.id FROM target_list l JOIN app_user u ON u.id = l.owner_id WHERE u.username = 'bench-rep-1'")

# --- 3. latencies ----------------------------------------------------------------------------------------------------
measure() { # TOKEN PATH -> one duration in ms per line
  local cfg=$TARGET/targets-curl.cfg n
  : >"$cfg"
  for n in $(seq 1 $((WARMUP + SAMPLES))); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$2" >>"$cfg"; done
  curl -s -H "Authorization: Bearer $1" -w '%{http_code} %{time_total}\n' -K "$cfg" \
    | awk -v w="$WARMUP" '$1 != 200 { bad++ } NR > w { printf "%.3f\n", $2 * 1000 } END { if (bad) { print "non-200 answers: " bad > "/dev/stderr"; exit 1 } }'
}
report() { # NAME TOKEN PATH LIMIT_MS
  local times p50 p95 max verdict
  times=$(measure "$2" "$3" | sort -n) || die "$1: $3 failed"
  p50=$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int(NR * 0.50 + 0.5)] }')
  p95=$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int(NR * 0.95 + 0.5)] }')
  max=$(echo "$times" | tail -n1)
  verdict=$(awk -v p="$p95" -v l="$4" 'BEGIN { print (p < l ? "PASS" : "FAIL") }')
  printf '| %s | %s | %.1f | %.1f | %.1f | < %s | %s |\n' "$1" "$3" "$p50" "$p95" "$max" "$4" "$verdict"
}
echo
echo "Target lists at $("${PSQL[@]}" -c "SELECT count(*) FROM target_member") targets, $("${PSQL[@]}" -c "SELECT count(*) FROM activity") activities, $ROWS registry rows; $SAMPLES samples after $WARMUP warm-up (ms)"
echo
echo "| shape | path | p50 | p95 | max | target p95 | verdict |"
echo "|---|---|---:|---:|---:|---:|---|"
report "members by tier (rep)" "$REP_TOKEN" "/api/v1/target-lists/$LIST/members?sort=tier&size=50" 200
report "members by attainment (rep)" "$REP_TOKEN" "/api/v1/target-lists/$LIST/members?sort=attainment&size=50" 200
report "attainment (rep)" "$REP_TOKEN" "/api/v1/target-lists/$LIST/attainment" 200
report "attainment (manager)" "$MANAGER_TOKEN" "/api/v1/target-lists/$LIST/attainment" 200
report "lists (manager)" "$MANAGER_TOKEN" "/api/v1/target-lists" 200
report "rep home" "$REP_TOKEN" "/api/v1/home/rep" 300
report "manager home (10 reps)" "$MANAGER_TOKEN" "/api/v1/home/manager" 300
report "reach of a list (manager)" "$MANAGER_TOKEN" "/api/v1/reports/reach?listId=$LIST" 200
report "activity by user, 30 days (manager)" "$MANAGER_TOKEN" "/api/v1/reports/activity?groupBy=user" 300

# --- 4. a dynamic list re-evaluated after a publish -------------------------------------------------------------------
STATE=$("${PSQL[@]}" -c "SELECT a.state FROM provider_address a JOIN provider p ON p.npi = a.npi
  WHERE a.kind = 'PRACTICE' AND a.seq = 1 AND p.active AND a.state ~ '^[A-Z]{2}\$'
  GROUP BY a.state HAVING count(*) BETWEEN 2500 AND 5000 ORDER BY count(*) DESC LIMIT 1")
[ -n "$STATE" ] || die "no state with 2,500 to 5,000 active providers in $ROWS rows: try another ROWS"
t0=$(date +%s%N)
created=$(curl -s -X POST "$BASE/api/v1/target-lists" -H "Authorization: Bearer $REP_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"name\": \"Dynamic $STATE\", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-12-31\", \"rule\": \"state=$STATE\"}")
create_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
DYNAMIC=$(echo "$created" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' | head -n1)
MEMBERS=$(echo "$created" | sed -n 's/.*"memberCount" *: *\([0-9]*\).*/\1/p')
[ -n "$DYNAMIC" ] || die "the dynamic list was not created: $created"
DEACTIVATIONS=$TARGET/targets-deactivations.csv
{
  echo '"NPI","NPPES Deactivation Date"'
  "${PSQL[@]}" -c "SELECT '\"' || npi || '\",\"01/15/2026\"' FROM target_member WHERE list_id = '$DYNAMIC' ORDER BY npi LIMIT 100"
} >"$DEACTIVATIONS"
before=$(grep -c 'dynamic lists re-evaluated' "$LOG" || true)
curl -s -o /dev/null -X POST "$BASE/api/v1/admin/ingestion/runs" -H "Authorization: Bearer $OPERATOR_TOKEN" \
  -H 'Content-Type: application/json' -d "{\"dataset\": \"nppes-deactivations\", \"source\": \"$DEACTIVATIONS\"}"
for _ in $(seq 1 600); do
  [ "$(grep -c 'dynamic lists re-evaluated' "$LOG" || true)" -gt "$before" ] && break
  sleep 0.5
done
line=$(grep 'dynamic lists re-evaluated' "$LOG" | tail -n1)
[ -n "$line" ] || die "no re-evaluation after the deactivation publish (see $LOG)"
reeval_ms=$(echo "$line" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')
left=$("${PSQL[@]}" -c "SELECT coalesce(sum(left_count), 0) FROM target_list_change WHERE list_id = '$DYNAMIC'")
echo
echo "| dynamic list | members | created (first evaluation, HTTP) | re-evaluated after the publish | left (deactivated) | target | verdict |"
echo "|---|---:|---:|---:|---:|---:|---|"
printf '| state=%s | %s | %s ms | %s ms | %s | < 10 s | %s |\n' "$STATE" "$MEMBERS" "$create_ms" "$reeval_ms" "$left" \
  "$(awk -v t="$reeval_ms" 'BEGIN { print (t < 10000 ? "PASS" : "FAIL") }')"
