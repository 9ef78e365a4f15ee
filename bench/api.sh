#!/bin/bash
# The API benchmark: the permission check's and the member list's throughput and p99 on PostgreSQL with
# 1,000,000 users and a 10,000-member account. Starts its own PostgreSQL (Debian's postgresql-15, as the
# postgres user, on 127.0.0.1:${PGPORT}) and the packaged jar against it, seeds with seed.sql + seed-api.sql,
# inserts a platform API key's hash, and drives load with ApiLoad.java on the loopback only. It stops only
# what it started. KEEP=1 keeps (and on the next run reuses) the seeded database in $WORK.
#   bench/api.sh            # from the repository's root; builds target/roster-*.jar when missing
# Settings: PGPORT (55471), PORT (18081), WORK (/tmp/roster-apibench), CONNECTIONS (4), DURATION (20), WARMUP (5),
# APP_JAVA_OPTS (the application JVM's options; the README's production launch for a small node by default:
# -XX:+UseSerialGC -Xms1g -Xmx1g -Xmn600m), LOADS (which loads, by name; all), PG_OPTIONS (more server settings,
# e.g. "-c fsync=off"), PIN_APP / PIN_PG / PIN_CLIENT (CPU lists for taskset, e.g. 0 and 1: the jar, PostgreSQL and
# the load client each on the cores given; none by default), JFR (1: a flight recording per run of the jar, in WORK),
# VARIANTS and ROUNDS (an A/B in one run: ROUNDS (1) times, each variant in turn, the jar started afresh;
# a variant is LABEL[:KEY=value…], JAR=path choosing the jar and any other KEY=value added to the jar's environment,
# e.g. VARIANTS="before:JAR=/tmp/main.jar after" or "on off:MANAGEMENT_OBSERVATIONS_ENABLE_HTTP=false").
# Each load prints the client's figures and the server's own (the route's http_server_requests histogram, read from
# /actuator/prometheus before and after the load), so the client's and the machine's jitter can be told apart.
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${PGPORT:-55471}
PORT=${PORT:-18081}
WORK=${WORK:-/tmp/roster-apibench}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
B=http://127.0.0.1:$PORT
# Roster needs Java 25; the machine's default java may be older.
if [ -n "${JAVA_HOME:-}" ]; then JAVA=$JAVA_HOME/bin/java
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else JAVA=java; fi
APP_JAVA_OPTS=${APP_JAVA_OPTS:--XX:+UseSerialGC -Xms1g -Xmx1g -Xmn600m}
# taskset -c LIST, or nothing when LIST is empty.
pinned() { local cpus=$1; shift; if [ -n "$cpus" ]; then taskset -c "$cpus" "$@"; else "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then pinned "${PIN_PG:-}" runuser -u postgres -- "$@"; else pinned "${PIN_PG:-}" "$@"; fi; }
psql_roster() { psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d roster "$@"; }

METRICS_TOKEN=$(openssl rand -hex 16)
APP_PID=
stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

ls target/roster-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
DEFAULT_JAR=$(ls target/roster-*.jar | grep -v original | head -1)

for p in "$PGPORT" "$PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken: set PGPORT / PORT"; exit 1; fi
done
mkdir -p "$WORK"
chmod 777 "$WORK"
if [ ! -d "$WORK/data" ]; then
  as_postgres "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
fi
as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK -c shared_buffers=512MB ${PG_OPTIONS:-}" -w start >/dev/null
psql -X -At -h 127.0.0.1 -p "$PGPORT" -U postgres -c "SELECT 1 FROM pg_database WHERE datname = 'roster'" | grep -q 1 \
  || psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c 'CREATE DATABASE roster'

# start_app LABEL [KEY=value…]: the jar (JAR=… or the build's) with the API's percentile histograms on, pinned to
# PIN_APP; waits until the API answers.
start_app() {
  local label=$1 jar=$DEFAULT_JAR env=(); shift
  for kv in "$@"; do if [[ "$kv" == JAR=* ]]; then jar=${kv#JAR=}; else env+=("$kv"); fi; done
  local jfr=; [ "${JFR:-0}" = 1 ] && jfr="-XX:StartFlightRecording=filename=$WORK/$label-$ROUND.jfr,settings=profile,dumponexit=true"
  echo "starting $label: $jar on :$PORT ${env[*]:-} ($APP_JAVA_OPTS${jfr:+ $jfr})"
  env ROSTER_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/roster ROSTER_DB_USER=postgres PORT=$PORT \
    ROSTER_API_RATE_LIMIT_API_KEY=100000000 ROSTER_ADMIN_REQUIRE_TWO_FACTOR=false ROSTER_METRICS_TOKEN=$METRICS_TOKEN \
"${env[@]}" \
    taskset -c "${PIN_APP:-0-$(( $(nproc) - 1 ))}" "$JAVA" $APP_JAVA_OPTS $jfr -jar "$jar" \
    --management.metrics.distribution.percentiles-histogram.http.server.requests=true > "$WORK/app-$label-$ROUND.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$B/api/v1/permissions")" = 401 ] && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app-$label-$ROUND.log"; exit 1; }
    sleep 1
  done
}
VARIANTS=${VARIANTS:-this}
# The first variant's jar also migrates (and seeds) the database, then serves round 1.
ROUND=1
FIRST=${VARIANTS%% *}
IFS=: read -r -a FIRST_SPEC <<< "$FIRST"
start_app "${FIRST_SPEC[@]}"

KEY_ID=$(openssl rand -hex 8)
SECRET=$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')
export ROSTER_API_KEY="roster_pk_${KEY_ID}_${SECRET}"
HASH=$(printf %s "$SECRET" | sha256sum | cut -d' ' -f1)
if [ "$(psql_roster -At -c 'SELECT count(*) FROM users')" -lt 1000000 ]; then
  echo "seeding (seed.sql, then seed-api.sql) at $(date -u +%H:%M:%S)"
  START=$(date +%s)
  psql_roster -f bench/seed.sql >/dev/null
  psql_roster -v key_id="$KEY_ID" -v secret_hash="$HASH" -f bench/seed-api.sql >/dev/null
  echo "seeded in $(( $(date +%s) - START )) s"
else
  psql_roster -c "INSERT INTO api_keys (key_id, secret_hash, name, scopes, created_by, created_at)
    VALUES ('$KEY_ID', '$HASH', 'API benchmark', 'members:read,contacts:read,audit:read', 'bench', now())"
fi
BIG=$(psql_roster -At -c 'SELECT min(id) FROM accounts')
echo "users $(psql_roster -At -c 'SELECT count(*) FROM users'), accounts $(psql_roster -At -c 'SELECT count(*) FROM accounts'),"\
  "memberships $(psql_roster -At -c 'SELECT count(*) FROM memberships'),"\
  "members of account $BIG: $(psql_roster -At -c "SELECT count(*) FROM memberships WHERE account_id = $BIG")"
MEMBER="/api/v1/accounts/{accountId}/members/{userId}"
run_loads() {
  # The permission check's query alone, as the database runs it (what a loaded machine adds is not in it).
  psql_roster -At -c "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) SELECT m.account_id, a.name, m.user_id, a.owner_user_id,
      m.permissions, m.version FROM memberships m JOIN accounts a ON a.id = m.account_id
      WHERE m.account_id = $BIG AND m.user_id = 905555 AND m.active = TRUE AND a.status = 'ACTIVE'" \
    | grep -E 'Execution Time' | sed 's/^/permission check query: /'

  # CPU time so far (clock ticks, user + system) of the jar and of PostgreSQL's processes: per request, the figure a
  # busy machine changes least.
  ticks() { awk '{ sum += $14 + $15 } END { print sum + 0 }' "$@" 2>/dev/null || echo 0; }
  cpu() {
    local pg; pg=$(head -1 "$WORK/data/postmaster.pid")
    echo "$(ticks "/proc/$APP_PID/stat") $(ticks "/proc/$pg/stat" $(pgrep -P "$pg" | sed 's|.*|/proc/&/stat|'))"
  }
  scrape() { curl -s -H "Authorization: Bearer $METRICS_TOKEN" "$B/actuator/prometheus" > "$1"; }
  # LOADS (a regular expression) picks loads by name, e.g. LOADS="GET member|access-checks"; all by default.
  # load FROM TO NAME ROUTE METHOD URL [BODY]: ROUTE is the URI template the server's histogram names it by.
  load() {
    [[ "$3" =~ ${LOADS:-.} ]] || return 0
    # The server's figures from the end of the warm-up (the client compiles its source for a second or two first:
    # the scrape is then a little late, never early).
    (sleep "$(( ${WARMUP:-5} + 2 ))"; scrape "$WORK/before.prom"; cpu > "$WORK/before.cpu") &
    local scraper=$!
    N_FROM=$1 N_TO=$2 pinned "${PIN_CLIENT:-}" "$JAVA" bench/ApiLoad.java "$3" "${@:5}"
    wait "$scraper"
    scrape "$WORK/after.prom"
    cpu > "$WORK/after.cpu"
    read -r app_before pg_before < "$WORK/before.cpu"
    read -r app_after pg_after < "$WORK/after.cpu"
    "$JAVA" bench/ServerTime.java "$WORK/before.prom" "$WORK/after.prom" "$5" "$4" \
      "$(( app_after - app_before ))" "$(( pg_after - pg_before ))" "$(getconf CLK_TCK)"
    echo "  series in the scrape: $(grep -c '^spring_security' "$WORK/after.prom" || true) spring_security_*, $(grep -c '^http_server_requests' "$WORK/after.prom" || true) http_server_requests_*"
  }
  # GET member: the big account's members, at random.
  load 900001 910000 "GET member (10,010-member acct)" "$MEMBER" GET "$B/api/v1/accounts/$BIG/members/{n}"
  # GET member across the whole data set: account n's owner is user n*10 (2% of the accounts are closed: 404).
  load 1 100000 "GET member (any of 100,000 accts)" "$MEMBER" GET "$B/api/v1/accounts/{n}/members/{n}0"
  load 900001 910000 "POST access-checks (1 check)" /api/v1/access-checks POST "$B/api/v1/access-checks" \
    "{\"checks\":[{\"userId\":\"{n}\",\"accountId\":\"$BIG\",\"permission\":\"invoices\"}]}"
  CHECKS=$(for i in $(seq 0 99); do printf '{"userId":"%s","accountId":"%s","permission":"invoices"},' $((900001 + i * 97)) "$BIG"; done)
  load 1 1 "POST access-checks (100 checks)" /api/v1/access-checks POST "$B/api/v1/access-checks" "{\"checks\":[${CHECKS%,}]}"
  MEMBERS_ROUTE="/api/v1/accounts/{accountId}/members"
  MEMBERS=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ROSTER_API_KEY" "$B/api/v1/accounts/$BIG/members?limit=50")
  if [ "$MEMBERS" = 200 ]; then
    load 1 1 "GET members list (first 50)" "$MEMBERS_ROUTE" GET "$B/api/v1/accounts/$BIG/members?limit=50"
    load 1 1 "GET members list (first 200)" "$MEMBERS_ROUTE" GET "$B/api/v1/accounts/$BIG/members?limit=200"
    # A deep page: follow the cursor 45 pages of 200 in (members 9,001-9,200 of 10,010); keyset pagination makes
    # it cost what the first page costs.
    CURSOR=
    for _ in $(seq 1 45); do
      CURSOR=$(curl -s -H "Authorization: Bearer $ROSTER_API_KEY" \
        "$B/api/v1/accounts/$BIG/members?limit=200${CURSOR:+&cursor=$CURSOR}" | sed -n 's/.*"next":"\([^"]*\)".*/\1/p')
    done
    if [ -n "$CURSOR" ]; then
      load 1 1 "GET members list (page 46 of 200)" "$MEMBERS_ROUTE" GET "$B/api/v1/accounts/$BIG/members?limit=200&cursor=$CURSOR"
    else
      echo "no cursor 45 pages in: the deep page was not measured"
    fi
  else
    echo "GET /api/v1/accounts/$BIG/members answers $MEMBERS: the member list endpoint is not in this build, not measured"
  fi
  load 1 1 "GET contacts (first 50)" "/api/v1/accounts/{accountId}/contacts" GET "$B/api/v1/accounts/$BIG/contacts?limit=50"
  load 1 1 "GET audit-events (one account)" /api/v1/audit-events GET "$B/api/v1/audit-events?account=$BIG&limit=50"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; connections ${CONNECTIONS:-4}, ${DURATION:-20} s after ${WARMUP:-5} s warm-up"
for ROUND in $(seq 1 "${ROUNDS:-1}"); do
  for VARIANT in $VARIANTS; do
    IFS=: read -r -a SPEC <<< "$VARIANT"
    [ -n "$APP_PID" ] || start_app "${SPEC[@]}"
    echo "== ${SPEC[0]}, round $ROUND, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    run_loads
    stop_app
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
