#!/usr/bin/env bash
# Load test of the matching endpoint against an authenticated read and the liveness endpoint,
# on one server, in one run, with the same concurrency: 5,000 services, 1,000 distinct profiles
# used in turn, every recommendation ranks the directory and stores a new set (nothing is
# cached); every read (GET /v1/profiles/{id}) checks the API key and reads one profile.
# Targets: recommendations at least 30% of the authenticated read's throughput and 10% of
# liveness's, with no errors.
#
#   tests/load/recommendations.sh [seconds] [connections]
#
# Needs wrk (Debian package; installed here when missing) and python3. Talks only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20}"
connections="${2:-16}"
services=5000
profiles=1000

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release src/Referral.Api -v q -nologo >/dev/null
# Development, for the demo keys; logging quiet so that the console is not what is measured.
ASPNETCORE_ENVIRONMENT=Development dotnet src/Referral.Api/bin/Release/net10.0/Referral.Api.dll \
  --urls "$base" --Storage:Sqlite:Path="$work/referral.db" --Limits:WritesPerMinutePerKey=100000000 \
  --Logging:LogLevel:Default=Warning >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

echo "Seeding $services services and $profiles profiles..."
python3 tests/load/seed.py "$base" "$services" "$profiles" > "$work/profiles.txt"
echo "Directory: $(curl -fs "$base/v1/services?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') active services"

cat > "$work/recommend.lua" <<LUA
local ids = {}
for line in io.lines("$work/profiles.txt") do ids[#ids + 1] = line end
local i = 0
wrk.method = "POST"
wrk.headers["X-API-Key"] = "demo-practice-a81001-key"
request = function()
  i = i % #ids + 1
  return wrk.format(nil, "/v1/profiles/" .. ids[i] .. "/recommendations")
end
LUA

cat > "$work/read.lua" <<LUA
local ids = {}
for line in io.lines("$work/profiles.txt") do ids[#ids + 1] = line end
local i = 0
wrk.headers["X-API-Key"] = "demo-practice-a81001-key"
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/v1/profiles/" .. ids[i])
end
LUA

run() { wrk -t2 -c"$connections" -d"${duration}s" --latency "$@"; }
# Warm every path up (JIT, connection pools), then measure.
wrk -t2 -c"$connections" -d3s "$base/health/live" >/dev/null
wrk -t2 -c"$connections" -d3s -s "$work/read.lua" "$base" >/dev/null
wrk -t2 -c"$connections" -d3s -s "$work/recommend.lua" "$base" >/dev/null

# The server's own CPU time (user + system) per request: steadier than throughput on a shared
# machine, and it says what each request costs rather than how fast this machine was just then.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks_per_second="$(getconf CLK_TCK)"
measure() { local before after out; before="$(cpu_ticks)"; out="$(run "$@")"; after="$(cpu_ticks)"; printf '%s\ncpu_ticks %s\n' "$out" "$((after - before))"; }
live="$(measure "$base/health/live")"
reads="$(measure -s "$work/read.lua" "$base")"
recommend="$(measure -s "$work/recommend.lua" "$base")"

rps() { awk '/Requests\/sec/ {print $2}'; }
errors() { awk '/Non-2xx/ {print $5} /Socket errors/ {print "socket:" $0}' | tr '\n' ' '; }
p50() { awk '/ 50%/ {print $2}'; }
cpu_us() { awk -v rps="$1" -v d="$duration" -v hz="$ticks_per_second" '/^cpu_ticks/ {printf "%.0f", $2 / hz * 1e6 / (rps * d)}'; }
live_rps="$(rps <<<"$live")"
read_rps="$(rps <<<"$reads")"
rec_rps="$(rps <<<"$recommend")"
echo
echo "GET  /health/live                        : ${live_rps} req/s, median $(p50 <<<"$live"), server CPU $(cpu_us "$live_rps" <<<"$live") us/request, errors: $(errors <<<"$live")"
echo "GET  /v1/profiles/{id}                   : ${read_rps} req/s, median $(p50 <<<"$reads"), server CPU $(cpu_us "$read_rps" <<<"$reads") us/request, errors: $(errors <<<"$reads")"
echo "POST /v1/profiles/{id}/recommendations   : ${rec_rps} req/s, median $(p50 <<<"$recommend"), server CPU $(cpu_us "$rec_rps" <<<"$recommend") us/request, errors: $(errors <<<"$recommend")"
python3 -c "print(f'recommendations / authenticated read: {float(\"$rec_rps\") / float(\"$read_rps\"):.1%} (target >= 30%)')"
python3 -c "print(f'recommendations / liveness: {float(\"$rec_rps\") / float(\"$live_rps\"):.1%} (target >= 10%)')"
echo "(${connections} connections, 2 wrk threads, ${duration}s each, $(nproc) cores shared by server and wrk)"
