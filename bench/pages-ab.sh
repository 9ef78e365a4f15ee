#!/bin/bash
# From the repository's root, after `./mvnw -o -q package -DskipTests`: starts the jar on an empty H2 database in a
# temporary folder (port 18187, loopback only), registers and signs in one user, and prints for each page the CPU
# time the application spent per request (utime + stime from /proc, the fair figure on a shared machine) and the
# median wall time of 300 requests, after 200 warm-up rounds. Extra arguments are environment settings, e.g.
#   bench/pages-ab.sh after
#   bench/pages-ab.sh before SPRING_WEB_RESOURCES_ADD_MAPPINGS=true ROSTER_SESSION_TOUCH_INTERVAL=0s
# (the catch-all /** static handler back, and a session write on every request). Stops only the jar it started.
label=$1; shift
PORT=18187; B=http://127.0.0.1:$PORT
jar=$(ls "$PWD"/target/roster-*.jar | head -1)
java=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)/bin/java}
dir=$(mktemp -d); cd "$dir" || exit 1
env "$@" PORT=$PORT ROSTER_ADMIN_REQUIRE_TWO_FACTOR=false "$java" -jar "$jar" > app.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for i in $(seq 1 240); do kill -0 $pid || exit 1; curl -s $B/actuator/health | grep -q UP && break; sleep 1; done
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
t=$(curl -s -c reg -b reg $B/register | csrf)
curl -s -c reg -b reg -o /dev/null --data-urlencode "_csrf=$t" -d firstName=Jane -d lastName=Bench \
  -d email=jane.bench@example.com --data-urlencode "password=violet kettle orbit 9182" -d acceptTerms=true $B/register
t=$(curl -s -c cj -b cj $B/login | csrf)
curl -s -c cj -b cj -o /dev/null -w "login %{http_code}\n" --data-urlencode "_csrf=$t" -d email=jane.bench@example.com \
  --data-urlencode "password=violet kettle orbit 9182" $B/login
ticks() { awk '{print $14+$15}' /proc/$pid/stat; }
hz=$(getconf CLK_TCK)
PAGES="/login /profile /profile/security"
for i in $(seq 1 200); do for p in $PAGES; do curl -s -b cj -o /dev/null $B$p; done; done
for p in $PAGES; do
  code=$(curl -s -b cj -o /dev/null -w "%{http_code}" $B$p)
  c0=$(ticks)
  w=$(for i in $(seq 1 300); do curl -s -b cj -o /dev/null -w "%{time_total}\n" $B$p; done | sort -n \
      | awk '{a[NR]=$1} END {printf "median %.1f ms", a[150]*1000}')
  c1=$(ticks)
  echo "$label $code $p  cpu $(echo "scale=1; ($c1-$c0)*1000/$hz/300" | bc) ms/request  $w  (load $(cut -d' ' -f1 /proc/loadavg))"
done
