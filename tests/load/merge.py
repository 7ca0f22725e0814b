"""Combines the figures of wrk runs made at the same time (one per instance) into one row.

   tests/load/merge.py <stats file>...

Each file is what tests/load/stats.lua's done() wrote: the run's requests, duration, errors, and
its latency at every 0.1 percentile and its maximum. Throughput and errors add up; percentiles are read off the
pooled distribution, each run's quantiles weighted by its number of requests (exact to 0.1%).
Prints: req/s, p50, p90, p99, max (ms), errors (non-2xx, socket).
"""
import sys

runs = []
for path in sys.argv[1:]:
    stats = {"q": []}
    for line in open(path):
        key, *values = line.split()
        if key == "q":
            stats["q"].append(float(values[1]))
        else:
            stats[key] = [int(v) for v in values]
    runs.append(stats)

rps = sum(r["requests"][0] / (r["duration_us"][0] / 1e6) for r in runs)
total = sum(r["requests"][0] for r in runs)
points = sorted((q, r["requests"][0] / len(r["q"])) for r in runs for q in r["q"])


def percentile(p):
    seen = 0.0
    for latency, weight in points:
        seen += weight
        if seen >= p / 100 * total - 1e-9:
            return latency / 1000
    return points[-1][0] / 1000


status_errors = sum(r["errors"][3] for r in runs)
socket_errors = sum(r["errors"][0] + r["errors"][1] + r["errors"][2] + r["errors"][4] for r in runs)
print(f"{rps:.0f} {percentile(50):.2f} {percentile(90):.2f} {percentile(99):.2f} {max(r['max'][0] for r in runs) / 1000:.2f} {status_errors} {socket_errors} {total}")
