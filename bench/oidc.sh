#!/bin/bash
# The OpenID Connect benchmark: the token endpoint's throughput and latency (client credentials, code exchange,
# refresh with rotation) and the authorization round trip, on PostgreSQL. Starts its own PostgreSQL (Debian's
# postgresql-15, as the postgres user, on 127.0.0.1:${PGPORT}) and the packaged jar against it, registers a user
# and an application through Roster's own pages and API, and drives load with OidcLoad.java on the loopback only.
# It stops only what it started.
#   bench/oidc.sh            # from the repository's root; builds target/roster-*.jar when missing
# Settings: PGPORT (55473), PORT (18083), WORK (/tmp/roster-oidcbench), CONNECTIONS (4), DURATION (20), WARMUP (10),
# APP_JAVA_OPTS (the application JVM's options, -Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${PGPORT:-55473}
PORT=${PORT:-18083}
WORK=${WORK:-/tmp/roster-oidcbench}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export WARMUP=${WARMUP:-10}
B=http://127.0.0.1:$PORT
if [ -n "${JAVA_HOME:-}" ]; then JAVA=$JAVA_HOME/bin/java
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else JAVA=java; fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_roster() { psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d roster "$@"; }

APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ls target/roster-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
JAR=$(ls target/roster-*.jar | grep -v original | head -1)
for p in "$PGPORT" "$PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken: set PGPORT / PORT"; exit 1; fi
done
mkdir -p "$WORK" && chmod 777 "$WORK"
as_postgres "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK -c shared_buffers=256MB" -w start >/dev/null
psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c 'CREATE DATABASE roster'

echo "starting $JAR on :$PORT"
ROSTER_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/roster ROSTER_DB_USER=postgres PORT=$PORT ROSTER_BASE_URL=$B \
  ROSTER_ENCRYPTION_KEY=$(openssl rand -hex 32) ROSTER_ADMIN_REQUIRE_TWO_FACTOR=false \
  "$JAVA" ${APP_JAVA_OPTS:--Xmx512m} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$B/.well-known/openid-configuration")" = 200 ] && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }
  sleep 1
done

# A platform API key (its hash inserted as an Administrator's key would be), then the application through the API.
KEY_ID=$(openssl rand -hex 8)
SECRET=$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')
psql_roster -c "INSERT INTO api_keys (key_id, secret_hash, name, scopes, created_by, created_at) VALUES ('$KEY_ID',
  '$(printf %s "$SECRET" | sha256sum | cut -d' ' -f1)', 'OIDC benchmark', 'applications:write', 'bench', now())"
APP=$(curl -s -X POST "$B/api/v1/applications" -H "Authorization: Bearer roster_pk_${KEY_ID}_${SECRET}" \
  -H 'Content-Type: application/json' -d '{"name": "Benchmark", "confidential": true, "firstParty": true,
  "redirectUris": ["http://127.0.0.1:9/callback"], "scopes": ["openid", "profile", "email", "account"],
  "clientCredentials": true}')
CLIENT_ID=$(printf %s "$APP" | sed -n 's/.*"clientId":"\([^"]*\)".*/\1/p')
CLIENT_SECRET=$(printf %s "$APP" | sed -n 's/.*"clientSecret":"\([^"]*\)".*/\1/p')
[ -n "$CLIENT_ID" ] || { echo "no application: $APP"; exit 1; }

# A user, through the registration page (a CSRF token from the page, as a browser sends it).
EMAIL="bench-$(openssl rand -hex 4)@example.com"
PASSWORD="violet-harbour-tempest-$(openssl rand -hex 4)"
JAR_COOKIES=$WORK/cookies
CSRF=$(curl -s -c "$JAR_COOKIES" "$B/register" | sed -n 's/.*name="_csrf"[^>]*content="\([^"]*\)".*/\1/p' | head -1)
# The page answers "check your inbox" either way (no enumeration): a field error is the only sign of failure.
curl -s -o "$WORK/registered.html" -b "$JAR_COOKIES" -c "$JAR_COOKIES" -X POST "$B/register" \
  --data-urlencode "firstName=Bench" --data-urlencode "lastName=Mark" --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "acceptTerms=true" --data-urlencode "_csrf=$CSRF"
if grep -q 'is-invalid' "$WORK/registered.html"; then echo "registration refused"; exit 1; fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; connections ${CONNECTIONS:-4}," \
  "${DURATION:-20} s after ${WARMUP} s warm-up; the load client runs on the same machine"
load() { "$JAVA" bench/OidcLoad.java "$1" "$B" "$CLIENT_ID" "$CLIENT_SECRET" "$EMAIL" "$PASSWORD"; }
load client-credentials
load authorize
load code-exchange
load refresh
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
