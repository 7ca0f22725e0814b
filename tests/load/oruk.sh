#!/usr/bin/env bash
# The ORUK feed and importer under load, on one server with a fresh database:
#  1. GET /oruk/services?per_page=50 (and with full=true) against /health/live, in one run, as a
#     share of its throughput, with medians and errors;
#  2. an import of N ORUK services from local files by the CLI verb (`import oruk <folder>`):
#     services per second and the process's peak resident memory.
#
#   tests/load/oruk.sh [seconds] [connections] [services seeded] [services imported]   (defaults: 10 16 1000 10000)
#
# The files to import are the server's own full feed, exported page by page and repeated under
# new ids until there are N records. Needs wrk, python3 and GNU time (/usr/bin/time). Talks only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10}"
connections="${2:-16}"
seeded="${3:-1000}"
imported="${4:-10000}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

work="$(mktemp -d)"
server=""
stop_server() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap 'stop_server; rm -rf "$work"' EXIT

dotnet build -c Release src/Referral.Api -v q -nologo >/dev/null
dll=src/Referral.Api/bin/Release/net10.0/Referral.Api.dll

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
ASPNETCORE_ENVIRONMENT=Development dotnet "$dll" --urls "$base" --Storage:Sqlite:Path="$work/feed.db" \
  --Limits:WritesPerMinutePerKey=100000000 --Logging:LogLevel:Default=Warning >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
python3 tests/load/seed.py "$base" "$seeded" 0 >/dev/null

run() { wrk -t2 -c"$connections" -d"${duration}s" --latency "$@"; }
rps() { awk '/Requests\/sec/ {print $2}'; }
errors() { awk '/Non-2xx/ {n += $5} /Socket errors/ {s = $0} END {printf "%d%s", n, (s ? " (" s ")" : "")}'; }
p50() { awk '/ 50%/ {print $2}'; }
requests=("/oruk/services?per_page=50" "/oruk/services?per_page=50&full=true" "/oruk/services?search=peer&per_page=50")
wrk -t2 -c"$connections" -d3s "$base/health/live" >/dev/null
for path in "${requests[@]}"; do wrk -t2 -c"$connections" -d3s "$base$path" >/dev/null; done
live_before="$(run "$base/health/live")"
results=()
for path in "${requests[@]}"; do results+=("$(run "$base$path")"); done
live_after="$(run "$base/health/live")"
live="$(awk -v a="$(rps <<<"$live_before")" -v b="$(rps <<<"$live_after")" 'BEGIN {printf "%.0f", (a + b) / 2}')"
total="$(curl -fs "$base/oruk/services?per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_items"])')"
echo "## The feed: $total services, $connections connections, ${duration}s per request, $(nproc) cores shared by server and wrk"
echo
echo "| request | req/s | share of /health/live | median | errors |"
echo "| --- | --- | --- | --- | --- |"
echo "| \`GET /health/live\` (before, after) | $(rps <<<"$live_before"), $(rps <<<"$live_after") | 100% | $(p50 <<<"$live_before") | $(errors <<<"$live_before"), $(errors <<<"$live_after") |"
for i in "${!requests[@]}"; do
  out="${results[$i]}"
  share="$(awk -v r="$(rps <<<"$out")" -v l="$live" 'BEGIN {printf "%.1f%%", 100 * r / l}')"
  echo "| \`GET ${requests[$i]}\` | $(rps <<<"$out") | $share | $(p50 <<<"$out") | $(errors <<<"$out") |"
done

# The feed, exported in full, repeated under new ids up to the number to import.
mkdir -p "$work/export" "$work/import"
page=1
while :; do
  curl -fs "$base/oruk/services?full=true&per_page=100&page=$page" >"$work/export/$page.json"
  python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["last_page"] else 1)' "$work/export/$page.json" && break
  page=$((page + 1))
done
stop_server
python3 - "$work/export" "$work/import" "$imported" <<'PY'
import json, os, sys, uuid
source, target, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
records = [r for f in sorted(os.listdir(source)) for r in json.load(open(os.path.join(source, f)))["contents"]]
out, page = [], 1
for i in range(n):
    r = dict(records[i % len(records)])
    r["id"] = str(uuid.UUID(int=i + 1))
    r["name"] = f'{r["name"]} {i // len(records)}'
    out.append(r)
    if len(out) == 100 or i == n - 1:
        json.dump({"contents": out, "last_page": i == n - 1}, open(os.path.join(target, f"page-{page:05d}.json"), "w"))
        out, page = [], page + 1
PY
echo
echo "## Import of $imported ORUK services from local files (CLI, fresh database)"
echo
start="$(date +%s.%N)"
Storage__Sqlite__Path="$work/import.db" /usr/bin/time -v dotnet "$dll" import oruk "$work/import" >"$work/import.log" 2>"$work/time.log" || { cat "$work/import.log" "$work/time.log" >&2; exit 1; }
end="$(date +%s.%N)"
grep -m1 -E '^(completed|failed)' "$work/import.log"
awk -v s="$start" -v e="$end" -v n="$imported" 'BEGIN {printf "%.1f s, %.0f services/s\n", e - s, n / (e - s)}'
awk '/Maximum resident set size/ {printf "peak memory (max RSS): %.0f MB\n", $6 / 1024}' "$work/time.log"
