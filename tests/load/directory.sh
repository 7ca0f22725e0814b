#!/usr/bin/env bash
# Load test of directory search against the liveness endpoint, on one server per directory size,
# in one run per size, with the same concurrency. For each size it prints each request's
# throughput as a share of /health/live's (measured before and after the searches, averaged),
# its median latency and errors, and the server's resident memory after the run.
#
#   tests/load/directory.sh [seconds] [connections] [sizes...]     (defaults: 10 16 5000 100000)
#
# Seeding 100,000 services through the API takes several minutes; with LOAD_CACHE=<folder> each
# seeded database is kept there and reused by later runs (a database seeded by an older build is
# migrated when the server starts, so before and after are measured on the same rows).
# Needs wrk (Debian package; installed here when missing) and python3. Talks only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10}"
connections="${2:-16}"
if [ $# -gt 2 ]; then sizes=("${@:3}"); else sizes=(5000 100000); fi

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

work="$(mktemp -d)"
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT
server=""
stop_server() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }

dotnet build -c Release src/Referral.Api -v q -nologo >/dev/null

start_server() {
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  base="http://127.0.0.1:${port}"
  # Development, for the demo keys; logging quiet so that the console is not what is measured.
  ASPNETCORE_ENVIRONMENT=Development dotnet src/Referral.Api/bin/Release/net10.0/Referral.Api.dll \
    --urls "$base" --Storage:Sqlite:Path="$1" --Limits:WritesPerMinutePerKey=100000000 \
    --Logging:LogLevel:Default=Warning >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do curl -fs "$base/health/ready" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "The server did not start:" >&2; cat "$work/server.log" >&2; exit 1
}

run() { wrk -t2 -c"$connections" -d"${duration}s" --latency "$@"; }
rps() { awk '/Requests\/sec/ {print $2}'; }
errors() { awk '/Non-2xx/ {n += $5} /Socket errors/ {s = $0} END {printf "%d%s", n, (s ? " (" s ")" : "")}'; }
p50() { awk '/ 50%/ {print $2}'; }
rss_mb() { awk -v k="$1" '$1 == k":" {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }

for size in "${sizes[@]}"; do
  db="$work/directory-$size.db"
  cached="${LOAD_CACHE:+$LOAD_CACHE/directory-$size.db}"
  [ -n "$cached" ] && [ -f "$cached" ] && cp "$cached" "$db"
  start_server "$db"
  echo "Seeding up to $size services..."
  started="$(date +%s)"
  python3 tests/load/seed.py "$base" "$size" 0 >/dev/null
  echo "  seeded in $(( $(date +%s) - started )) s"
  if [ -n "$cached" ] && [ ! -f "$cached" ]; then
    stop_server; mkdir -p "$LOAD_CACHE"; cp "$db" "$cached"; start_server "$db"
  fi

  # A service from the middle of the name order (pages stop at 10,000).
  service_id="$(curl -fs "$base/v1/services?pageSize=100&page=$((size / 200 > 0 ? size / 200 : 1))" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["service"]["id"])')"
  # One profile for the authenticated read, new on every run (a reused database has others).
  profile_id="$(curl -fs -X POST "$base/v1/profiles" -H 'X-API-Key: demo-practice-a81001-key' -H 'Content-Type: application/json' -d '{
    "patientRef": "LOAD-DIRECTORY-'"$(date +%s%N)"'", "birthYear": 1970, "postcode": "LS6", "maxTravelKm": 10,
    "conditions": ["depression"], "formats": {"preferred": [], "avoid": []}, "availability": [], "costLimit": "any",
    "consent": {"storeProfile": true, "shareWithProvider": true, "recordedBy": "load", "recordedAt": "2026-11-20T10:00:00Z"}}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  cat >"$work/profile.lua" <<LUA
wrk.headers["X-API-Key"] = "demo-practice-a81001-key"
LUA
  requests=(
    "/v1/services?pageSize=10"
    "/v1/services?q=peer&pageSize=10"
    "/v1/services?near=LS1&radiusKm=20&pageSize=10"
    "/v1/services?condition=diabetes&pageSize=10"
    "/v1/services?q=peer&near=LS1&radiusKm=20&pageSize=10"
    "/v1/services?q=support&condition=diabetes&format=online-group&language=en&pageSize=10"
    "/v1/services/$service_id"
    "/v1/profiles/$profile_id"
  )

  # Warm every path up (the JIT's tiers and profile-guided recompilation take several seconds
  # of steady traffic), then measure.
  wrk -t2 -c"$connections" -d3s "$base/health/live" >/dev/null
  for path in "${requests[@]}"; do wrk -t2 -c"$connections" -d3s -s "$work/profile.lua" "$base$path" >/dev/null; done

  live_before="$(run "$base/health/live")"
  results=()
  for path in "${requests[@]}"; do results+=("$(run -s "$work/profile.lua" "$base$path")"); done
  live_after="$(run "$base/health/live")"
  live="$(awk -v a="$(rps <<<"$live_before")" -v b="$(rps <<<"$live_after")" 'BEGIN {printf "%.0f", (a + b) / 2}')"

  total="$(curl -fs "$base/v1/services?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
  echo
  echo "## $size services ($total active), $connections connections, ${duration}s per request, $(nproc) cores shared by server and wrk"
  echo
  echo "| request | req/s | share of /health/live | median | errors |"
  echo "| --- | --- | --- | --- | --- |"
  echo "| \`GET /health/live\` (before, after) | $(rps <<<"$live_before"), $(rps <<<"$live_after") | 100% | $(p50 <<<"$live_before") | $(errors <<<"$live_before"), $(errors <<<"$live_after") |"
  for i in "${!requests[@]}"; do
    out="${results[$i]}"
    path="${requests[$i]}"
    path="${path//$service_id/\{id\}}"; path="${path//$profile_id/\{id\}}"
    share="$(awk -v r="$(rps <<<"$out")" -v l="$live" 'BEGIN {printf "%.1f%%", 100 * r / l}')"
    echo "| \`GET $path\` | $(rps <<<"$out") | $share | $(p50 <<<"$out") | $(errors <<<"$out") |"
  done
  echo
  echo "Server memory after the run: RSS $(rss_mb VmRSS) MB, peak $(rss_mb VmHWM) MB"
  echo
  stop_server
done
