#!/bin/bash
# Start-up: seconds from launch to /actuator/health UP, and resident memory when ready, with an existing H2
# database, RUNS (3) times each way, interleaved (plain, cache, roster, plain, …) so the host's load hits each alike:
#   plain    java -jar target/roster-*.jar (the fat jar, default heap)
#   cache    the extracted jar with JDK 25's AOT cache (-XX:AOTCache), after one training run
#            (-XX:AOTCacheOutput with -Dspring.context.exit=onRefresh: the context starts, then the JVM exits)
#   roster   bin/roster, the README's run command: the cache plus Spring's build-time AOT bean definitions
#            (-Dspring.aot.enabled=true) and its memory defaults (its own training run first, not counted)
# then bin/roster's RSS idle and after LOAD seconds (30) of register-once, then login, /account, /users, logout in a
# loop (curl, one client), and /dev/mailbox's answer when SMTP is configured (404: no bean condition was fixed at
# build time), and one more plain start with -Droster.startup.steps=25, which prints the start-up steps with the
# most time of their own. Everything lives in WORK and is deleted at the end; it stops only what it started.
#   bench/start.sh          # from the repository's root; builds target/roster-*.jar when missing
# Settings: PORT (18087), WORK (/tmp/roster-startbench), RUNS (3), LOAD (30), APP_JAVA_OPTS (none)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18087}
WORK=${WORK:-/tmp/roster-startbench}
RUNS=${RUNS:-3}
LOAD=${LOAD:-30}
if [ -n "${JAVA_HOME:-}" ]; then JAVA=$JAVA_HOME/bin/java
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else JAVA=java; fi
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is taken: set PORT"; exit 1; fi
ls target/roster-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
JAR=$(ls "$PWD"/target/roster-*.jar | grep -v original | head -1)
rm -rf "$WORK" && mkdir -p "$WORK/run"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
EXTRACTED=$WORK/app/$(basename "$JAR")
export PORT ROSTER_ADMIN_REQUIRE_TWO_FACTOR=false

# Starts Roster from WORK/run (its ./data is the existing H2 database), waits for UP, prints one line.
start() {
  local label=$1; shift
  local began; began=$(date +%s%N)
  if [ "$1" = bin/roster ]; then
    (cd "$WORK/run" && exec "$OLDPWD/bin/roster" "$JAR" > "$WORK/app.log" 2>&1) &
  else
    (cd "$WORK/run" && exec "$JAVA" ${APP_JAVA_OPTS:-} "$@" > "$WORK/app.log" 2>&1) &
  fi
  APP_PID=$!
  for _ in $(seq 1 1200); do
    curl -s "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }
    sleep 0.05
  done
  local ready; ready=$(date +%s%N)
  printf '%-8s ready in %5.2f s  RSS %4d MB  (load %s)\n' "$label" "$(echo "($ready - $began) / 1000000000" | bc -l)" \
    "$(rss)" "$(cut -d' ' -f1 /proc/loadavg)"
}
rss() { local kb; kb=$(ps -o rss= -p "$(pgrep -P "$APP_PID" java || echo "$APP_PID")" 2>/dev/null || echo 0); echo $(( ${kb// /} / 1024 )); }
stop() { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

echo "$(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start first -jar "$JAR" >/dev/null; stop   # creates and migrates the H2 database: not counted

(cd "$WORK/run" && "$JAVA" -XX:AOTCacheOutput="$WORK/roster.aot" -Dspring.context.exit=onRefresh \
  -jar "$EXTRACTED" > "$WORK/training.log" 2>&1) || { tail -20 "$WORK/training.log"; exit 1; }
echo "AOT cache: $(du -m "$WORK/roster.aot" | cut -f1) MB"
export ROSTER_APP_DIR=$WORK/roster-app JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$JAVA")")")}
start train bin/roster >/dev/null; stop   # bin/roster's own extraction and training run: not counted
for i in $(seq 1 "$RUNS"); do
  start plain -jar "$JAR"; stop
  start cache -XX:AOTCache="$WORK/roster.aot" -jar "$EXTRACTED"; stop
  start roster bin/roster; stop
done

# Resident memory under a little load: one client registers, then logs in, opens two pages and logs out, for LOAD s.
start roster bin/roster >/dev/null
IDLE=$(rss)
B=http://127.0.0.1:$PORT C=$WORK/cookies.txt PASSWORD='correct horse battery staple 42' EMAIL=bench@example.com
csrf() { curl -s -c "$C" -b "$C" "$B$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
curl -s -c "$C" -b "$C" -o /dev/null --data-urlencode "_csrf=$(csrf /register)" -d firstName=Ann -d lastName=Lee \
  -d companyName=Bench --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" -d acceptTerms=true "$B/register"
ROUNDS=0 END=$(( $(date +%s) + LOAD ))
while [ "$(date +%s)" -lt "$END" ]; do
  rm -f "$C"
  curl -s -c "$C" -b "$C" -o /dev/null --data-urlencode "_csrf=$(csrf /login)" --data-urlencode "email=$EMAIL" \
    --data-urlencode "password=$PASSWORD" "$B/login"
  curl -s -c "$C" -b "$C" -o /dev/null "$B/account"; curl -s -c "$C" -b "$C" -o /dev/null "$B/users"
  curl -s -c "$C" -b "$C" -o /dev/null --data-urlencode "_csrf=$(csrf /account)" "$B/logout"
  ROUNDS=$((ROUNDS + 1))
done
echo "roster   RSS $IDLE MB idle, $(rss) MB after $LOAD s of load ($ROUNDS logins with /account and /users; last \
/account answered $(curl -s -o /dev/null -w '%{http_code}' "$B/account")) (load $(cut -d' ' -f1 /proc/loadavg))"
stop
ROSTER_SMTP_HOST=127.0.0.1 start smtp bin/roster >/dev/null
echo "roster   with ROSTER_SMTP_HOST set, /dev/mailbox answers $(curl -s -o /dev/null -w '%{http_code}' "$B/dev/mailbox")"
stop

start steps -Droster.startup.steps=25 -jar "$JAR" >/dev/null
sleep 1; stop
grep '^\[startup\]' "$WORK/app.log"
