#!/bin/bash
# The outbox benchmark: how fast the mail queue drains after an SMTP outage, and in which order. Starts its own
# PostgreSQL (Debian's postgresql-15, as the postgres user, on 127.0.0.1:${PGPORT}, empty: the migrations run at
# start) and the packaged jar against it, with ROSTER_SMTP_HOST pointing at a port where nothing listens yet; adds
# API_CONTACTS contacts through the API (each gets a confirmation email, so each queues one message), copies the
# last of those messages in SQL up to CONTACTS queued ones (the API adds 1-2 contacts a second on a loaded 2-core
# machine; the drain, not the queuing, is measured), keeps the server down OUTAGE more seconds, then starts SmtpSink.java on that port and prints the time until every queued message
# arrived, whether they arrived oldest first (the outbox's id order), and how many attempts failed.
# It stops and deletes only what it started.
#   bench/outbox.sh          # from the repository's root; builds target/roster-*.jar when missing
# Settings: PGPORT (55491), PORT (18481), SMTP_PORT (18425), WORK (/tmp/roster-outboxbench), CONTACTS (1000),
# API_CONTACTS (20), OUTAGE (60), CLIENTS (4), APP_JAVA_OPTS (-Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${PGPORT:-55491}
PORT=${PORT:-18481}
export SMTP_PORT=${SMTP_PORT:-18425}
WORK=${WORK:-/tmp/roster-outboxbench}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
CONTACTS=${CONTACTS:-1000}
API_CONTACTS=${API_CONTACTS:-20}
OUTAGE=${OUTAGE:-60}
CLIENTS=${CLIENTS:-4}
ACCOUNTS=2
B=http://127.0.0.1:$PORT
if [ -n "${JAVA_HOME:-}" ]; then JAVA=$JAVA_HOME/bin/java
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else JAVA=java; fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_roster() { psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d roster "$@"; }

APP_PID=
SINK_PID=
cleanup() {
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 1" INT TERM

ls target/roster-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
JAR=$(ls target/roster-*.jar | grep -v original | head -1)
for p in "$PGPORT" "$PORT" "$SMTP_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken: set PGPORT / PORT / SMTP_PORT"; exit 1; fi
done
mkdir -p "$WORK" && chmod 777 "$WORK"
as_postgres "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK" -w start >/dev/null
psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c 'CREATE DATABASE roster'

echo "starting $JAR on :$PORT, mail to 127.0.0.1:$SMTP_PORT (nothing listens there yet)"
ROSTER_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/roster ROSTER_DB_USER=postgres PORT=$PORT \
  ROSTER_SMTP_HOST=127.0.0.1 ROSTER_SMTP_PORT=$SMTP_PORT ROSTER_SMTP_STARTTLS=false \
  ROSTER_API_RATE_LIMIT_API_KEY=100000000 ROSTER_CONTACTS_CONFIRMATIONS_PER_ACCOUNT_HOUR=1000000 \
  "$JAVA" ${APP_JAVA_OPTS:--Xmx512m} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$B/api/v1/permissions")" = 401 ] && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }
  sleep 1
done

KEY_ID=$(openssl rand -hex 8)
SECRET=$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')
export ROSTER_API_KEY="roster_pk_${KEY_ID}_${SECRET}"
HASH=$(printf %s "$SECRET" | sha256sum | cut -d' ' -f1)
psql_roster -c "INSERT INTO api_keys (key_id, secret_hash, name, scopes, created_by, created_at)
  VALUES ('$KEY_ID', '$HASH', 'Outbox benchmark', 'accounts:write,contacts:write', 'bench', now())"
api() { curl -sf -o /dev/null -H "Authorization: Bearer $ROSTER_API_KEY" -H 'Content-Type: application/json' "$@"; }
export -f api; export B

for i in $(seq 1 "$ACCOUNTS"); do
  api -X POST "$B/api/v1/accounts" -d "{\"profile\":{\"name\":\"Bench $i\"},
    \"owner\":{\"email\":\"owner$i@bench.example\",\"firstName\":\"Owner\",\"lastName\":\"Bench$i\"}}"
done
FIRST=$(psql_roster -At -c 'SELECT min(id) FROM accounts')
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
STARTED=$(date +%s)
seq 1 "$API_CONTACTS" | xargs -P "$CLIENTS" -I{} bash -c 'api -X POST "$B/api/v1/accounts/$(( '"$FIRST"' + {} % '"$ACCOUNTS"' ))/contacts" \
  -d "{\"firstName\":\"Bench\",\"lastName\":\"Contact\",\"email\":\"c{}@bench.example\",\"subscriptions\":[\"invoice\"]}"'
psql_roster -c "INSERT INTO outbox (recipient, subject, text_body, html_body, state, attempts, next_attempt_at, created_at)
  SELECT 'copy' || n || '@bench.example', subject, text_body, html_body, 'QUEUED', 0, now(), now()
  FROM outbox, generate_series(1, $CONTACTS - (SELECT count(*) FROM outbox)) n
  WHERE id = (SELECT max(id) FROM outbox) ORDER BY n"
QUEUED=$(psql_roster -At -c "SELECT count(*) FROM outbox WHERE state = 'QUEUED'")
echo "queued while the mail server was down: $QUEUED messages ($API_CONTACTS contacts through the API and copies," \
  "in $(( $(date +%s) - STARTED )) s)"
sleep "$OUTAGE"
echo "after the outage ($(( $(date +%s) - STARTED )) s in all): $(psql_roster -At -c \
  "SELECT count(*) || ' queued, ' || coalesce(sum(attempts), 0) || ' failed attempts, the oldest due in ' ||
          coalesce(extract(epoch FROM max(next_attempt_at) - now())::int, 0) || ' s at the latest'
   FROM outbox WHERE state = 'QUEUED'")"

EXPECT=$QUEUED ARRIVALS=$WORK/arrivals.txt TIMEOUT=600 "$JAVA" bench/SmtpSink.java &
SINK_PID=$!
wait "$SINK_PID"; SINK_PID=
psql_roster -At -c "SELECT recipient FROM outbox WHERE state = 'SENT' ORDER BY id" > "$WORK/order.txt"
if cmp -s "$WORK/arrivals.txt" "$WORK/order.txt"; then echo "order: oldest first (arrivals in the outbox's id order)"
else echo "order: NOT oldest first; first difference: $(diff "$WORK/order.txt" "$WORK/arrivals.txt" | head -3 | tr '\n' ' ')"; fi
echo "at the end: $(psql_roster -At -c "SELECT string_agg(state || ' ' || n, ', ') FROM
  (SELECT state, count(*) n FROM outbox GROUP BY state) s"); attempts in all, the deliveries included:" \
  "$(psql_roster -At -c 'SELECT sum(attempts) FROM outbox')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
