#!/bin/bash
# Request cost of the pages (issue 16) on PostgreSQL with 1,000,000 users, 100,000 accounts and a 10,010-member
# account: the Client Area's User Management (/users) and the Admin Area's Users tab of that client, first and last
# page; the signed-in GET /account; and password logins against the raw Argon2id rate in the same run. Starts its
# own PostgreSQL (Debian's postgresql-15, as the postgres user, on 127.0.0.1:${PGPORT}) and the jar against it,
# seeds with seed.sql + seed-api.sql, signs in the big account's owner (user 10, given a registered user's password
# hash) and the first staff member, and drives PageLoad.java (loopback only). It stops only what it started.
# KEEP=1 keeps (and on the next run reuses) the seeded database in $WORK.
#   bench/listing.sh                       # from the repository's root; this tree's target/roster-*.jar
#   JAR=/tmp/main.jar bench/listing.sh     # the same figures for another build (before/after)
# Settings: PGPORT (55481), PORT (18281), WORK (/tmp/roster-listbench), CONNECTIONS (list pages: 4), DURATION (15),
# WARMUP (5), ACCOUNT_CONNECTIONS (16), LOGIN_CONNECTIONS (2), APP_JAVA_OPTS (-Xmx512m), LOADS (a regular
# expression of the loads to run, by name; all), JFR (a file name: record the application's run with JFR).
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${PGPORT:-55481}
PORT=${PORT:-18281}
WORK=${WORK:-/tmp/roster-listbench}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
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
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${JAR:-}" ]; then
  ls target/roster-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
  JAR=$(ls "$PWD"/target/roster-*.jar | grep -v original | head -1)
fi

for p in "$PGPORT" "$PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken: set PGPORT / PORT"; exit 1; fi
done
mkdir -p "$WORK"
chmod 777 "$WORK"
[ -d "$WORK/data" ] || as_postgres "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK -c shared_buffers=512MB ${PG_OPTIONS:-}" -w start >/dev/null
psql -X -At -h 127.0.0.1 -p "$PGPORT" -U postgres -c "SELECT 1 FROM pg_database WHERE datname = 'roster'" | grep -q 1 \
  || psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c 'CREATE DATABASE roster'

echo "starting $JAR on :$PORT"
JFR_OPTS=${JFR:+-XX:StartFlightRecording=filename=$JFR,settings=profile}
( cd "$WORK" && ROSTER_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/roster ROSTER_DB_USER=postgres PORT=$PORT \
  ROSTER_ADMIN_REQUIRE_TWO_FACTOR=false ROSTER_LOGIN_MAX_ATTEMPTS_PER_EMAIL=100000000 ROSTER_LOGIN_MAX_ATTEMPTS_PER_IP=100000000 \
  exec "$JAVA" ${APP_JAVA_OPTS:--Xmx512m} $JFR_OPTS -jar "$JAR" > "$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -s "$B/actuator/health" | grep -q UP && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }
  sleep 1
done

if [ "$(psql_roster -At -c 'SELECT count(*) FROM users')" -lt 1000000 ]; then
  echo "seeding (seed.sql, then seed-api.sql) at $(date -u +%H:%M:%S)"
  START=$(date +%s)
  psql_roster -f bench/seed.sql >/dev/null
  psql_roster -v key_id="$(openssl rand -hex 8)" -v secret_hash="$(openssl rand -hex 32)" -f bench/seed-api.sql >/dev/null
  echo "seeded in $(( $(date +%s) - START )) s"
fi
BIG=$(psql_roster -At -c 'SELECT min(id) FROM accounts')
OWNER=$(psql_roster -At -c "SELECT owner_user_id FROM accounts WHERE id = $BIG")
OWNER_EMAIL=$(psql_roster -At -c "SELECT email FROM users WHERE id = $OWNER")
echo "users $(psql_roster -At -c 'SELECT count(*) FROM users'), accounts $(psql_roster -At -c 'SELECT count(*) FROM accounts'),"\
  "members of account $BIG: $(psql_roster -At -c "SELECT count(*) FROM memberships WHERE account_id = $BIG") (owner $OWNER_EMAIL)"

# The owner gets the password of a user registered through the page (the seed's hashes match nothing).
PASSWORD='violet kettle orbit 9182'
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
C=$WORK/cookies; mkdir -p "$C"; rm -f "$C"/*
if [ "$(psql_roster -At -c "SELECT count(*) FROM users WHERE email = 'bench.owner@example.com'")" = 0 ]; then
  t=$(curl -s -c "$C/reg" -b "$C/reg" "$B/register" | csrf)
  curl -s -c "$C/reg" -b "$C/reg" -o /dev/null --data-urlencode "_csrf=$t" -d firstName=Bench -d lastName=Owner \
    -d email=bench.owner@example.com --data-urlencode "password=$PASSWORD" -d acceptTerms=true "$B/register"
fi
psql_roster -c "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'bench.owner@example.com'),
  email_verified = TRUE WHERE id = $OWNER"
t=$(curl -s -c "$C/user" -b "$C/user" "$B/login" | csrf)
curl -s -c "$C/user" -b "$C/user" -o /dev/null -w "client login %{http_code} %{redirect_url}\n" --data-urlencode "_csrf=$t" \
  --data-urlencode "email=$OWNER_EMAIL" --data-urlencode "password=$PASSWORD" "$B/login"
curl -s -L -c "$C/user" -b "$C/user" -o /dev/null "$B/"   # the landing page picks the only account
# The first staff member: the one-time link in app.log on the first start, the password afterwards.
STAFF_PASSWORD='correct horse battery staple 42'
LINK=$(grep -o 'admin/setup-password?token=[A-Za-z0-9_-]*' "$WORK/app.log" | tail -1 || true)
if [ -n "$LINK" ]; then
  curl -s -c "$C/staff" -b "$C/staff" -o /dev/null "$B/$LINK"
  t=$(curl -s -c "$C/staff" -b "$C/staff" "$B/admin/setup-password" | csrf)
  curl -s -c "$C/staff" -b "$C/staff" -o /dev/null --data-urlencode "_csrf=$t" \
    --data-urlencode "password=$STAFF_PASSWORD" --data-urlencode "confirmation=$STAFF_PASSWORD" "$B/admin/setup-password"
fi
t=$(curl -s -c "$C/staff" -b "$C/staff" "$B/admin/login" | csrf)
curl -s -c "$C/staff" -b "$C/staff" -o /dev/null -w "staff login %{http_code} %{redirect_url}\n" --data-urlencode "_csrf=$t" \
  --data-urlencode "email=admin@localhost" --data-urlencode "password=$STAFF_PASSWORD" "$B/admin/login"
session() { awk '$6 ~ /SESSION|JSESSIONID/ {print $6 "=" $7}' "$1" | tail -1; }
USER_COOKIE=$(session "$C/user")
STAFF_COOKIE=$(session "$C/staff")
echo "signed in: /account $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $USER_COOKIE" "$B/account"),"\
  "/admin $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $STAFF_COOKIE" "$B/admin")"

# The last page: a numbered list clamps a page beyond the end to its last one; a keyset list is walked by its
# rel="next" links (each costs what the first one does).
last_page() { # cookie first-path
  local url=$2 next html
  html=$(curl -s -H "Cookie: $1" "$B$url")
  if ! grep -q 'rel="next"[^>]*href="[^"]*\(after\|cursor\)=' <<<"$html" && ! grep -q 'href="[^"]*\(after\|cursor\)=[^"]*"[^>]*rel="next"' <<<"$html"; then
    echo "$url$([[ $url == *\?* ]] && echo '&' || echo '?')page=100000"; return
  fi
  for _ in $(seq 1 1000); do
    next=$(grep -o '<a[^>]*rel="next"[^>]*>' <<<"$html" | grep -o 'href="[^"]*"' | head -1 | sed 's/href="//;s/"$//;s/&amp;/\&/g')
    [ -z "$next" ] && break
    url=$next
    html=$(curl -s -H "Cookie: $1" "$B$url")
  done
  echo "$url"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; ${DURATION:-15} s per load after ${WARMUP:-5} s warm-up"
# Each load's line ends with the application's CPU time per request (utime + stime from /proc over warm-up and
# run, divided by the requests of both at the run's rate): the fairer figure on a shared machine.
ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
load() {
  [[ "$1" =~ ${LOADS:-.} ]] || return 0
  local c0 out c1 d=${DURATION:-15} w=${WARMUP:-5}
  c0=$(ticks)
  out=$(DURATION=$d WARMUP=$w "$JAVA" bench/PageLoad.java "$@")
  c1=$(ticks)
  echo "$out  cpu $(awk -v c=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" -v n="$(sed -E 's/.* ([0-9]+) req .*/\1/' <<<"$out")" \
    -v d="$d" -v w="$w" 'BEGIN {printf "%.1f ms/req", (n > 0 ? c * 1000 / hz / (n * (d + w) / d) : 0)}')"
}
members() { grep -o 'data-user-id=\|id="user-[0-9]' | wc -l; }
if [[ "users" =~ ${LOADS:-.} ]]; then
  LAST=$(last_page "$USER_COOKIE" /users)
  echo "/users: first page $(curl -s -H "Cookie: $USER_COOKIE" "$B/users" | members) rows, last page ($LAST) $(curl -s -H "Cookie: $USER_COOKIE" "$B$LAST" | members) rows"
  CONNECTIONS=${CONNECTIONS:-4} COOKIE=$USER_COOKIE load "/users first page (c=${CONNECTIONS:-4})" get "$B/users"
  CONNECTIONS=${CONNECTIONS:-4} COOKIE=$USER_COOKIE load "/users last page (c=${CONNECTIONS:-4})" get "$B$LAST"
fi
if [[ "admin users" =~ ${LOADS:-.} ]]; then
  LAST=$(last_page "$STAFF_COOKIE" "/admin/clients/$BIG/users")
  echo "admin users tab: first page $(curl -s -H "Cookie: $STAFF_COOKIE" "$B/admin/clients/$BIG/users" | members) rows, last page ($LAST)"
  CONNECTIONS=${CONNECTIONS:-4} COOKIE=$STAFF_COOKIE load "admin users first (c=${CONNECTIONS:-4})" get "$B/admin/clients/$BIG/users"
  CONNECTIONS=${CONNECTIONS:-4} COOKIE=$STAFF_COOKIE load "admin users last (c=${CONNECTIONS:-4})" get "$B$LAST"
fi
A=${ACCOUNT_CONNECTIONS:-16}
CONNECTIONS=$A COOKIE=$USER_COOKIE load "GET /account (c=$A)" get "$B/account"
L=${LOGIN_CONNECTIONS:-2}
if [[ "login" =~ ${LOADS:-.} ]]; then
  # Both in one run, one after the other, the same number of threads, the same JVM flags.
  LIBS=$WORK/libs; mkdir -p "$LIBS"
  unzip -o -q -j "$JAR" 'BOOT-INF/lib/spring-security-crypto-*' 'BOOT-INF/lib/bcprov-*' 'BOOT-INF/lib/spring-core-*' \
    'BOOT-INF/lib/commons-logging-*' 'BOOT-INF/lib/spring-jcl-*' -d "$LIBS" 2>/dev/null || true
  CONNECTIONS=$L DURATION=${DURATION:-15} WARMUP=${WARMUP:-5} "$JAVA" ${APP_JAVA_OPTS:--Xmx512m} -cp "$LIBS/*" bench/HashRate.java
  CONNECTIONS=$L load "login round (c=$L)" login "$B" "$OWNER_EMAIL" "$PASSWORD"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${JFR:-}" ]; then
  "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.dump filename="$JFR" >/dev/null && echo "JFR recording in $JFR"
fi
