#!/bin/bash
# Times each Admin Area page 5 times (after one warm-up) with the session in cookies.txt.
B=http://127.0.0.1:18080
for p in "$@"; do
  curl -s -b cookies.txt -o /tmp/page.html "$B$p"
  t=$(for i in 1 2 3 4 5; do curl -s -b cookies.txt -o /dev/null -w "%{time_total}\n" "$B$p"; done | sort -n | awk '{a[NR]=$1} END {printf "median %.0f ms  min %.0f ms", a[3]*1000, a[1]*1000}')
  code=$(curl -s -b cookies.txt -o /dev/null -w "%{http_code}" "$B$p")
  echo "$code  $t  $p"
done
