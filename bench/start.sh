#!/bin/bash
# Start-up: seconds from launch to /actuator/health UP, and resident memory when ready, with an existing H2
# database, RUNS (3) times each way:
#   plain    java -jar target/roster-*.jar (the fat jar, as the README runs it)
#   aot      the extracted jar with JDK 25's AOT cache (-XX:AOTCache), after one training run
#            (-XX:AOTCacheOutput with -Dspring.context.exit=onRefresh: the context starts, then the JVM exits)
# then one more plain start with -Droster.startup.steps=25, which prints the start-up steps with the most time of
# their own. Everything lives in WORK and is deleted at the end; it stops only what it started.
#   bench/start.sh          # from the repository's root; builds target/roster-*.jar when missing
# Settings: PORT (18087), WORK (/tmp/roster-startbench), RUNS (3), APP_JAVA_OPTS (none)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18087}
WORK=${WORK:-/tmp/roster-startbench}
RUNS=${RUNS:-3}
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
  (cd "$WORK/run" && exec "$JAVA" ${APP_JAVA_OPTS:-} "$@" > "$WORK/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 1200); do
    curl -s "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }
    sleep 0.05
  done
  local ready; ready=$(date +%s%N)
  local rss; rss=$(ps -o rss= -p "$(pgrep -P "$APP_PID" java || echo "$APP_PID")" 2>/dev/null || echo 0)
  printf '%-8s ready in %5.2f s  RSS %4d MB  (load %s)\n' "$label" "$(echo "($ready - $began) / 1000000000" | bc -l)" \
    "$(( ${rss// /} / 1024 ))" "$(cut -d' ' -f1 /proc/loadavg)"
}
stop() { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

echo "$(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start first -jar "$JAR" >/dev/null; stop   # creates and migrates the H2 database: not counted
for i in $(seq 1 "$RUNS"); do start plain -jar "$JAR"; stop; done

(cd "$WORK/run" && "$JAVA" -XX:AOTCacheOutput="$WORK/roster.aot" -Dspring.context.exit=onRefresh \
  -jar "$EXTRACTED" > "$WORK/training.log" 2>&1) || { tail -20 "$WORK/training.log"; exit 1; }
echo "AOT cache: $(du -m "$WORK/roster.aot" | cut -f1) MB"
for i in $(seq 1 "$RUNS"); do start aot -XX:AOTCache="$WORK/roster.aot" -jar "$EXTRACTED"; stop; done

start steps -Droster.startup.steps=25 -jar "$JAR" >/dev/null
sleep 1; stop
grep '^\[startup\]' "$WORK/app.log"
