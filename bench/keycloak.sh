#!/bin/bash
# Keycloak beside Roster on the same machine, for the one figure the two can share: the client credentials grant
# at the token endpoint, driven by the same load client (OidcLoad.java, TOKEN_PATH set to Keycloak's). Keycloak
# 26 comes from Maven Central (org.keycloak:keycloak-quarkus-dist, about 170 MB, into the local repository once),
# runs in production mode against its own PostgreSQL database on 127.0.0.1:${PGPORT}, HTTP on the loopback only,
# and is stopped and deleted at the end. Nothing of Keycloak is committed.
#   bench/keycloak.sh        # from the repository's root
# Settings: KEYCLOAK_VERSION (26.7.3), PGPORT (55474), PORT (18090), WORK (/tmp/roster-keycloak), CONNECTIONS, DURATION, WARMUP
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${KEYCLOAK_VERSION:-26.7.3}
PGPORT=${PGPORT:-55474}
PORT=${PORT:-18090}
WORK=${WORK:-/tmp/roster-keycloak}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export WARMUP=${WARMUP:-10}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
KC_PID=
cleanup() {
  [ -n "$KC_PID" ] && kill "$KC_PID" 2>/dev/null && wait "$KC_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for p in "$PGPORT" "$PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken: set PGPORT / PORT"; exit 1; fi
done
ZIP=~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$VERSION/keycloak-quarkus-dist-$VERSION.zip
[ -f "$ZIP" ] || ./mvnw -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:$VERSION:zip -Dtransitive=false
mkdir -p "$WORK" && chmod 777 "$WORK"
unzip -q "$ZIP" -d "$WORK"
KC=$WORK/keycloak-$VERSION
as_postgres "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK -c shared_buffers=256MB" -w start >/dev/null
psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c 'CREATE DATABASE keycloak'

ADMIN_PASSWORD=$(openssl rand -hex 12)
echo "building and starting Keycloak $VERSION on :$PORT"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  "$KC/bin/kc.sh" start --db=postgres --db-url="jdbc:postgresql://127.0.0.1:$PGPORT/keycloak" --db-username=postgres \
  --http-enabled=true --http-host=127.0.0.1 --http-port="$PORT" --hostname-strict=false \
  --health-enabled=false --metrics-enabled=false > "$WORK/keycloak.log" 2>&1 &
KC_PID=$!
for _ in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/realms/master")" = 200 ] && break
  kill -0 "$KC_PID" 2>/dev/null || { tail -30 "$WORK/keycloak.log"; exit 1; }
  sleep 1
done
"$KC/bin/kcadm.sh" config credentials --server "http://127.0.0.1:$PORT" --realm master --user admin \
  --password "$ADMIN_PASSWORD" --config "$WORK/kcadm.config" >/dev/null
CLIENT_SECRET=$(openssl rand -hex 24)
"$KC/bin/kcadm.sh" create clients -r master --config "$WORK/kcadm.config" -s clientId=bench -s enabled=true \
  -s publicClient=false -s serviceAccountsEnabled=true -s standardFlowEnabled=false -s "secret=$CLIENT_SECRET" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; connections ${CONNECTIONS:-4}," \
  "${DURATION:-20} s after ${WARMUP} s warm-up; the load client runs on the same machine"
TOKEN_PATH=/realms/master/protocol/openid-connect/token \
  "$JAVA_HOME/bin/java" bench/OidcLoad.java client-credentials "http://127.0.0.1:$PORT" bench "$CLIENT_SECRET"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
