"""Makes N referrals, all still proposed, for the status-event load test.

   tests/load/referrals.py <base url> <count> <profile ids file>

Prints the referral ids, one a line. Each referral is from one of the given profiles (in turn) to
one of the active services (in turn), signposted, so that every one can take the four forward
steps (offered, contacted, started, completed). Uses only the standard library.
"""
import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base, count, profiles_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
PRACTICE = {"X-API-Key": "demo-practice-a81001-key", "Content-Type": "application/json"}

profiles = [line.strip() for line in open(profiles_file) if line.strip()]
services = []
page = 1
while len(services) < 500:
    listing = json.load(urllib.request.urlopen(f"{base}/v1/services?pageSize=100&page={page}"))
    services += [item["service"]["id"] for item in listing["items"]]
    if page * 100 >= listing["total"]:
        break
    page += 1


def refer(i):
    body = {"profileId": profiles[i % len(profiles)], "serviceId": services[i % len(services)], "route": "signpost", "source": "gp"}
    request = urllib.request.Request(base + "/v1/referrals", data=json.dumps(body).encode(), headers=PRACTICE, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)["id"]


with ThreadPoolExecutor(8) as pool:
    print("\n".join(pool.map(refer, range(count))))
