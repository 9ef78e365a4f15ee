#!/bin/bash
# The webhook benchmark: how fast committed changes reach a receiver, on PostgreSQL. Starts its own PostgreSQL
# (Debian's postgresql-15, as the postgres user, on 127.0.0.1:${PGPORT}, empty: the migrations run at start), the
# packaged jar against it, and WebhookReceiver.java on the loopback; inserts a platform API key's hash, opens
# ACCOUNTS accounts and registers one endpoint for contact.created through the API, then measures:
#   1. live: ApiLoad.java adds contacts (CONNECTIONS clients, DURATION s) while the receiver is up: events/s and
#      the delay from each event's occurred_at to its arrival (p50, p90, p99);
#   2. backlog: the same load while the receiver is down, then the receiver starts: how fast the queue drains.
# Every delivery's Standard Webhooks signature is checked. It stops and deletes only what it started.
#   bench/webhooks.sh        # from the repository's root; builds target/roster-*.jar when missing
# Settings: PGPORT (55475), PORT (18085), RECEIVER_PORT (18086), WORK (/tmp/roster-webhookbench), ACCOUNTS (20),
# CONNECTIONS (4), DURATION (15), APP_JAVA_OPTS (-Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${PGPORT:-55475}
PORT=${PORT:-18085}
export RECEIVER_PORT=${RECEIVER_PORT:-18086}
WORK=${WORK:-/tmp/roster-webhookbench}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
ACCOUNTS=${ACCOUNTS:-20}
export DURATION=${DURATION:-15} WARMUP=0
B=http://127.0.0.1:$PORT
if [ -n "${JAVA_HOME:-}" ]; then JAVA=$JAVA_HOME/bin/java
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else JAVA=java; fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_roster() { psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d roster "$@"; }

APP_PID=
RECEIVER_PID=
cleanup() {
  [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ls target/roster-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
JAR=$(ls target/roster-*.jar | grep -v original | head -1)
for p in "$PGPORT" "$PORT" "$RECEIVER_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken: set PGPORT / PORT / RECEIVER_PORT"; exit 1; fi
done
mkdir -p "$WORK" && chmod 777 "$WORK"
as_postgres "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK" -w start >/dev/null
psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c 'CREATE DATABASE roster'

echo "starting $JAR on :$PORT"
ROSTER_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/roster ROSTER_DB_USER=postgres PORT=$PORT \
  ROSTER_API_RATE_LIMIT_API_KEY=100000000 ROSTER_ADMIN_REQUIRE_TWO_FACTOR=false \
  ROSTER_WEBHOOKS_ALLOW_HTTP=true ROSTER_WEBHOOKS_ALLOWED_ADDRESSES=127.0.0.1/32 \
  ROSTER_WEBHOOKS_FIRST_RETRY=1s ROSTER_WEBHOOKS_MAX_RETRY_DELAY=2s ROSTER_CONTACTS_CONFIRMATIONS_PER_ACCOUNT_HOUR=1000000 \
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
  VALUES ('$KEY_ID', '$HASH', 'Webhook benchmark', 'accounts:write,contacts:write,webhooks:write', 'bench', now())"
api() { curl -sf -H "Authorization: Bearer $ROSTER_API_KEY" -H 'Content-Type: application/json' "$@"; }

for i in $(seq 1 "$ACCOUNTS"); do
  api -o /dev/null -X POST "$B/api/v1/accounts" -d "{\"profile\":{\"name\":\"Bench $i\"},
    \"owner\":{\"email\":\"owner$i@bench.example\",\"firstName\":\"Owner\",\"lastName\":\"Bench$i\"}}"
done
FIRST=$(psql_roster -At -c 'SELECT min(id) FROM accounts')
LAST=$(psql_roster -At -c 'SELECT max(id) FROM accounts')
ENDPOINT=$(api -X POST "$B/api/v1/webhook-endpoints" \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hooks\",\"description\":\"Benchmark\",\"eventTypes\":[\"contact.created\"]}")
export WEBHOOK_SECRET=$(printf %s "$ENDPOINT" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
[ -n "$WEBHOOK_SECRET" ] || { echo "no endpoint: $ENDPOINT"; exit 1; }
echo "accounts $FIRST..$LAST; poll interval ${ROSTER_WEBHOOKS_POLL_INTERVAL:-2s} (the default); load average before:" \
  "$(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; connections ${CONNECTIONS:-4}, $DURATION s of load"

events() { psql_roster -At -c "SELECT count(*) FROM webhook_events WHERE type = 'contact.created'"; }
add_contacts() {
  N_FROM=$FIRST N_TO=$LAST "$JAVA" bench/ApiLoad.java "$1" POST "$B/api/v1/accounts/{n}/contacts" \
    '{"firstName":"Bench","lastName":"Contact","email":"c{seq}-'"$2"'@bench.example","subscriptions":["invoice"]}'
}

# 1. Live: the receiver is up while the contacts are added.
BEFORE=$(events)
IDLE=8 "$JAVA" bench/WebhookReceiver.java "live (receiver up)" > "$WORK/live.txt" &
RECEIVER_PID=$!
sleep 2
add_contacts "POST contacts (live)" live
echo "events to send: $(( $(events) - BEFORE ))"
wait "$RECEIVER_PID"; RECEIVER_PID=
cat "$WORK/live.txt"

# 2. Backlog: the receiver is down while the contacts are added (each account's first delivery fails and holds
# back the rest of its account), then it starts and everything queued arrives.
BEFORE=$(events)
add_contacts "POST contacts (receiver down)" down
QUEUED=$(( $(events) - BEFORE ))
echo "queued while the receiver was down: $QUEUED events"
EXPECT=$QUEUED IDLE=15 "$JAVA" bench/WebhookReceiver.java "backlog (receiver back)" > "$WORK/backlog.txt" &
RECEIVER_PID=$!
wait "$RECEIVER_PID"; RECEIVER_PID=
cat "$WORK/backlog.txt"
echo "deliveries not delivered at the end: $(psql_roster -At -c "SELECT count(*) FROM webhook_deliveries WHERE state <> 'DELIVERED'")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
