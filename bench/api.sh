#!/bin/bash
# The permission check's throughput and 99th percentile on the seeded PostgreSQL (see README.md, steps 1-3),
# with wrk: GET /api/v1/accounts/{id}/members/{userId} for random members of random accounts, then the batch
# check with 100 questions. Start Roster with a rate limit the run cannot reach, for example
#   ROSTER_API_RATE_LIMIT_API_KEY=1000000000 ROSTER_DB_URL=… java -jar target/roster-*.jar
# Usage: bench/api.sh [seconds] [connections]
set -euo pipefail
B=${ROSTER_BENCH_URL:-http://127.0.0.1:18080}
PSQL=${ROSTER_BENCH_PSQL:-psql -h 127.0.0.1 -p 55432 -U postgres roster}
SECONDS_=${1:-15}
CONNECTIONS=${2:-8}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

# A platform API key with members:read, made the way Roster stores one: only the SHA-256 of the secret.
KEY_ID=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' | cut -c1-43)
HASH=$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)
$PSQL -q -c "INSERT INTO api_keys (key_id, secret_hash, name, scopes, created_by, created_at)
             VALUES ('$KEY_ID', '$HASH', 'bench $KEY_ID', 'members:read', 'bench/api.sh', now())"
export ROSTER_BENCH_KEY="roster_pk_${KEY_ID}_${SECRET}"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ROSTER_BENCH_KEY" "$B/api/v1/accounts/1/members/10")
[ "$status" = 200 ] || { echo "the check answered $status, not 200: is Roster running on $B with the seeded data?" >&2; exit 1; }

LUA=$(mktemp --suffix .lua)
trap 'rm -f "$LUA"; $PSQL -q -c "UPDATE api_keys SET revoked_at = now() WHERE key_id = '"'"'$KEY_ID'"'"'"' EXIT

run() { # name, lua body
  cat > "$LUA" <<LUA
local key = os.getenv("ROSTER_BENCH_KEY")
math.randomseed(os.time())
$2
done = function(summary, latency, requests)
  io.write(string.format("%-28s %8.0f requests/s   median %6.1f ms   p99 %6.1f ms   errors %d\n", "$1",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
  # A short warm-up (JIT, connection pool), then the measured run.
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$LUA" "$B" > /dev/null 2>&1 || true
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" -s "$LUA" "$B" | tail -1
}

# bench/seed.sql: account a is owned by user 10a, with users 10a-9 … 10a-1 holding invoices,tickets; every 50th
# account is closed and answers 404, which wrk counts among the errors (about 2 %).
run "GET member (hot path)" '
request = function()
  local a = math.random(1, 100000)
  local u = 10 * a - math.random(0, 9)
  return wrk.format("GET", "/api/v1/accounts/" .. a .. "/members/" .. u, {["Authorization"] = "Bearer " .. key})
end'

run "POST access-checks x100" '
request = function()
  local checks = {}
  for i = 1, 100 do
    local a = math.random(1, 100000)
    checks[i] = string.format("{\"userId\":\"%d\",\"accountId\":\"%d\",\"permission\":\"invoices\"}",
      10 * a - math.random(0, 9), a)
  end
  return wrk.format("POST", "/api/v1/access-checks", {["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json"}, "{\"checks\":[" .. table.concat(checks, ",") .. "]}")
end'
