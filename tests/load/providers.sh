#!/usr/bin/env bash
# Load test of the two storage providers as they are deployed: PostgreSQL with two API instances
# on one database (every request spread over both, as behind a load balancer) and SQLite with one
# instance, one run each, with the same total concurrency. For each it measures recommendations
# (POST /v1/profiles/{id}/recommendations: ranks the directory and stores a set) and referral
# status events (POST /v1/referrals/{id}/events: a locked read-check-write of one referral with
# its audit row), with an authenticated read (GET /v1/profiles/{id}) as the reference, and prints
# one table: requests per second, latency percentiles, errors.
#
#   tests/load/providers.sh [seconds] [connections]     (defaults: 20 16; LOAD_SERVICES=5000, LOAD_PROFILES=1000,
#                                                         LOAD_PROVIDERS="sqlite postgresql")
#
# It starts its own throwaway PostgreSQL with .ci/postgres.sh (with fsync on: commits are real)
# and stops it afterwards. Needs wrk (Debian package; installed here when missing) and python3.
# Talks only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20}"
connections="${2:-16}"
services="${LOAD_SERVICES:-5000}"
profiles="${LOAD_PROFILES:-1000}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

work="$(mktemp -d)"
servers=()
stop_servers() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  servers=()
}
export REFERRAL_PG_STATE="$work/postgres.state"
cleanup() {
  local status=$?
  # A run that failed says what the servers said last (a server that died mid-run leaves only this).
  if [ "$status" -ne 0 ]; then
    for log in "$work"/*.log; do [ -f "$log" ] && { echo "--- $(basename "$log") ---" >&2; tail -n 20 "$log" >&2; }; done
  fi
  stop_servers; .ci/postgres.sh stop; [ -n "${LOAD_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release src/Referral.Api -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
admin="$(.ci/postgres.sh start)"
pg_port="$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$admin")"
psql_admin() { psql -X -q -t -A -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }

# Starts one instance with the given storage configuration and adds its base URL to bases.
start_server() {
  local name="$1" port base pid attempt
  shift
  # A port found free can be taken by another process before the server binds it; a server that
  # cannot bind exits, and whatever else listens there must not be taken for it: try again.
  for attempt in 1 2 3; do
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    base="http://127.0.0.1:${port}"
    # Development, for the demo keys; logging quiet so that the console is not what is measured;
    # no rate limit, which would otherwise be what is measured.
    ASPNETCORE_ENVIRONMENT=Development dotnet src/Referral.Api/bin/Release/net10.0/Referral.Api.dll \
      --urls "$base" "$@" --Limits:WritesPerMinutePerKey=100000000 \
      --Logging:LogLevel:Default=Warning >"$work/$name.log" 2>&1 &
    pid=$!
    servers+=("$pid")
    for _ in $(seq 1 600); do
      kill -0 "$pid" 2>/dev/null || break
      # Still alive a second after the answer: a server that failed to bind has exited by then.
      if curl -fs "$base/health/ready" >/dev/null 2>&1 && sleep 1 && kill -0 "$pid" 2>/dev/null; then bases+=("$base"); return; fi
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && break
    echo "$name exited on start (attempt $attempt):" >&2; tail -n 5 "$work/$name.log" >&2
  done
  echo "$name did not start:" >&2; cat "$work/$name.log" >&2; exit 1
}

total_services() { curl -fs "$1/v1/services?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

# What every run records, for tests/load/merge.py: throughput, errors and the latency distribution.
stats_lua() {
  cat <<LUA
-- The first few refusals, so that an error in the table can be explained.
local refusals = 0
response = function(status, headers, body)
  if status >= 300 and refusals < 5 then
    refusals = refusals + 1
    local f = io.open("$1.refused", "a")
    f:write(status, " ", body, "\n")
    f:close()
  end
end
done = function(summary, latency, requests)
  local f = io.open("$1", "w")
  local e = summary.errors
  f:write(string.format("requests %d\nduration_us %d\nerrors %d %d %d %d %d\nmax %d\n", summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, latency.max))
  for i = 1, 1000 do f:write(string.format("q %.1f %d\n", i / 10, latency:percentile(i / 10))) end
  f:close()
end
LUA
}

# A recommendation for each profile in turn.
recommend_lua() {
  cat <<LUA
local ids = {}
for line in io.lines("$work/profiles.txt") do ids[#ids + 1] = line end
local i = math.random(#ids)
wrk.method = "POST"
wrk.headers["X-API-Key"] = "demo-practice-a81001-key"
request = function()
  i = i % #ids + 1
  return wrk.format(nil, "/v1/profiles/" .. ids[i] .. "/recommendations")
end
LUA
  stats_lua "$1"
}

# The authenticated read the other figures are compared with: checks the key, reads one profile.
read_lua() {
  cat <<LUA
local ids = {}
for line in io.lines("$work/profiles.txt") do ids[#ids + 1] = line end
local i = math.random(#ids)
wrk.headers["X-API-Key"] = "demo-practice-a81001-key"
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/v1/profiles/" .. ids[i])
end
LUA
  stats_lua "$1"
}

# The next forward status of each of this run's referrals in turn: a referral is asked to move
# again only after every other one of the run's has been, so that no two of its events are in
# flight at once (which would make one of them a 409). Each wrk thread takes its own share.
events_lua() {
  cat <<LUA
local counter = 0
function setup(thread) thread:set("tid", counter); counter = counter + 1 end
local statuses = { "offered", "contacted", "started", "completed" }
local ids, k = {}, 0
function init(args)
  local n = 0
  for line in io.lines("$2") do
    if n % $3 == tid then ids[#ids + 1] = line end
    n = n + 1
  end
  -- wrk asks the first thread's script for one request before the run, to check it, and never
  -- sends it: that one must not be a referral's step, or the referral would skip it.
  if tid == 0 then k = -1 end
end
wrk.method = "POST"
wrk.headers["X-API-Key"] = "demo-practice-a81001-key"
wrk.headers["Content-Type"] = "application/json"
request = function()
  if k < 0 then
    k = 0
    return wrk.format("GET", "/health/live")
  end
  local step = math.min(math.floor(k / #ids) + 1, #statuses)
  local id = ids[k % #ids + 1]
  k = k + 1
  local body = '{"status":"' .. statuses[step] .. '","occurredAt":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ") .. '"}'
  return wrk.format(nil, "/v1/referrals/" .. id .. "/events", nil, body)
end
LUA
  stats_lua "$1"
}

# Runs the same wrk load against every instance at once, the connections shared out, and prints
# the merged figures. Each instance's run gets its own script (its own referrals).
measure() {
  local kind="$1" seconds="$2" referrals="$3" n="${#bases[@]}" pids=() files=() i
  local per=$((connections / n)) threads=$((2 / n > 0 ? 2 / n : 1))
  for i in "${!bases[@]}"; do
    if [ "$kind" = recommend ]; then recommend_lua "$work/$kind-$i.stats" >"$work/$kind-$i.lua"
    elif [ "$kind" = read ]; then read_lua "$work/$kind-$i.stats" >"$work/$kind-$i.lua"
    else
      awk -v n="$n" -v i="$i" 'NR % n == i' "$referrals" >"$work/$kind-$i.ids"
      events_lua "$work/$kind-$i.stats" "$work/$kind-$i.ids" "$threads" >"$work/$kind-$i.lua"
    fi
    rm -f "$work/$kind-$i.stats.refused"
    wrk -t"$threads" -c"$per" -d"${seconds}s" --latency -s "$work/$kind-$i.lua" "${bases[$i]}" >"$work/$kind-$i.out" 2>&1 &
    pids+=($!)
    files+=("$work/$kind-$i.stats")
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  for i in "${!bases[@]}"; do
    awk -v what="$provider $kind (${seconds}s) on ${bases[$i]}" '$1 == "requests" {n = $2} $1 == "duration_us" {printf "%s: %.0f req/s\n", what, n / ($2 / 1e6)}' "$work/$kind-$i.stats" >&2
    [ -f "$work/$kind-$i.stats.refused" ] && sed "s|^|$provider $kind (${seconds}s) on ${bases[$i]}: |" "$work/$kind-$i.stats.refused" >&2
  done
  python3 tests/load/merge.py "${files[@]}"
}

rows=()
for provider in ${LOAD_PROVIDERS:-sqlite postgresql}; do
  bases=()
  if [ "$provider" = sqlite ]; then
    start_server sqlite --Storage:Sqlite:Path="$work/referral.db"
  else
    psql_admin -c "CREATE DATABASE referral_load"
    storage=(--Storage:Provider=postgresql "--ConnectionStrings:Referral=$admin;Database=referral_load")
    start_server postgresql-1 "${storage[@]}"
    # A server that ignored the provider would run on SQLite and measure the wrong thing.
    tables="$(psql_admin -d referral_load -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
    [ "$tables" -gt 0 ] || { echo "The server did not create its tables in PostgreSQL: is Storage:Provider=postgresql supported?" >&2; exit 1; }
    start_server postgresql-2 "${storage[@]}"
  fi

  echo "$provider: seeding $services services and $profiles profiles..." >&2
  python3 tests/load/seed.py "${bases[0]}" "$services" "$profiles" >"$work/profiles.txt"
  # Every instance's directory has them (through the change notification on PostgreSQL).
  for base in "${bases[@]}"; do
    for _ in $(seq 1 100); do [ "$(total_services "$base")" = "$(total_services "${bases[0]}")" ] && break; sleep 0.1; done
  done

  # Warm every path up on every instance (JIT tiers, connection pools), measuring how fast status
  # events go, so that the measured run gets enough proposed referrals (four events each) to last.
  python3 tests/load/referrals.py "${bases[0]}" 2000 "$work/profiles.txt" >"$work/warm.txt"
  measure read 3 "" >/dev/null
  measure recommend 3 "" >/dev/null
  warm="$(measure events 3 "$work/warm.txt")"
  needed="$(awk -v rps="${warm%% *}" -v d="$duration" 'BEGIN {printf "%d", rps * d * 1.5 / 4 + 1000}')"
  echo "$provider: making $needed referrals for the status events..." >&2
  python3 tests/load/referrals.py "${bases[0]}" "$needed" "$work/profiles.txt" >"$work/referrals.txt"

  reads="$(measure read "$duration" "")"
  recommend="$(measure recommend "$duration" "")"
  events="$(measure events "$duration" "$work/referrals.txt")"
  label="SQLite, 1 instance"
  [ "$provider" = postgresql ] && label="PostgreSQL 15, 2 instances"
  row() { read -r rps p50 p90 p99 max status socket total <<<"$2"; echo "| $label | $1 | $rps | $p50 | $p90 | $p99 | $max | $status | $socket |"; }
  rows+=("$(row "profile read (reference)" "$reads")" "$(row "recommendations" "$recommend")" "$(row "status events" "$events")")
  stop_servers
done

echo
echo "$services services, $profiles profiles; ${connections} connections in all (shared evenly over the instances), ${duration}s per run, 2 wrk threads in all; $(nproc) cores shared by wrk, the API instances and PostgreSQL"
echo
echo "| storage | request | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
