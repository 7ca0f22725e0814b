"""Fills a running Referral API with a directory of N services and M profiles for the load test.

Prints the profile ids, one a line. Uses only the standard library. Services are spread over
real postcode districts with varied formats, conditions, languages, costs and capacities, so
the engine does real work on every one of them.
"""
import json
import random
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base, services, profiles = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ADMIN = {"X-API-Key": "demo-directory-admin-key", "Content-Type": "application/json"}
PRACTICE = {"X-API-Key": "demo-practice-a81001-key", "Content-Type": "application/json"}
rng = random.Random(20261126)

vocab = json.load(urllib.request.urlopen(base + "/v1/vocabularies"))
codes = {k: [t["code"] for t in v] for k, v in vocab.items()}
districts = ["LS1", "LS6", "LS8", "BD1", "M1", "M14", "B1", "B15", "NE1", "BS1", "CF10", "EH1", "G1", "BT1", "SW1A", "SE1", "E1", "N1", "NR1", "S1"]
inwards = ["1AA", "2AB", "3BD", "4AP", "5EF", "6GH", "7JL", "8NP", "9QR"]
in_person = {"in-person-group", "one-to-one-in-person"}


def post(path, body, headers):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def service(i):
    formats = rng.sample(codes["formats"], rng.randint(1, 3))
    national = not (set(formats) & in_person) and rng.random() < 0.7
    waitlist = rng.random() < 0.1
    return {
        "name": f"Load service {i}",
        "description": "A synthetic peer support service for the load test.",
        "organisation": {"name": f"Load organisation {i % 400}"},
        "conditions": rng.sample(codes["conditions"], rng.randint(0, 3)),
        "communities": rng.sample(codes["communities"], rng.randint(0, 2)),
        "formats": formats,
        "venuePostcode": None if national else f"{rng.choice(districts)} {rng.choice(inwards)}",
        "serviceArea": {"national": True} if national else {"national": False, "radiusKm": rng.randint(5, 60)},
        "schedule": rng.sample(codes["scheduleSlots"], rng.randint(0, 3)),
        "languages": ["en"] + rng.sample(["cy", "ur", "pa", "pl", "bn", "so", "ar", "gd"], rng.randint(0, 2)),
        "accessibility": rng.sample(codes["accessibilityFeatures"], rng.randint(0, 4)),
        "cost": rng.choices(["free", "low-cost", "paid"], [8, 2, 1])[0],
        "eligibility": {"minAge": rng.choice([None, 16, 18]), "maxAge": rng.choice([None, None, 25, 99])},
        "capacity": {"status": "waitlist", "waitWeeks": rng.randint(1, 12)} if waitlist else {"status": rng.choice(["open"] * 9 + ["full"])},
        "quality": {"trainedFacilitators": rng.random() < 0.7, "safeguardingPolicy": rng.random() < 0.8,
                    "evidenceLevel": rng.choice(codes["evidenceLevels"]), "accreditations": []},
        "referralRoutes": rng.sample(["self", "gp", "link-worker"], rng.randint(1, 3)),
        "contact": {"email": f"hello{i}@load.example.org.uk"},
        "status": "active",
        "lastReviewed": "2026-06-01",
    }


def profile(i):
    return {
        "patientRef": f"LOAD-{i:05d}",
        "birthYear": rng.randint(1940, 2005),
        "postcode": rng.choice(districts),
        "maxTravelKm": rng.choice([5, 10, 20, 40]),
        "conditions": rng.sample(codes["conditions"], rng.randint(1, 2)),
        "communities": rng.sample(codes["communities"], rng.randint(0, 1)),
        "formats": {"preferred": rng.sample(codes["formats"], rng.randint(0, 1)), "avoid": []},
        "availability": rng.sample(codes["scheduleSlots"], rng.randint(0, 3)),
        "costLimit": rng.choice(["free", "low-cost", "any"]),
        "hasUsedPeerSupport": rng.choice([True, False, None]),
        "personality": {"tipi": [rng.randint(1, 7) for _ in range(10)], "ucla3": [rng.randint(1, 3) for _ in range(3)]},
        "consent": {"storeProfile": True, "shareWithProvider": True, "recordedBy": "load", "recordedAt": "2026-11-20T10:00:00Z"},
    }


existing = json.load(urllib.request.urlopen(base + "/v1/services?pageSize=1"))["total"]
service_bodies = [service(i) for i in range(max(0, services - existing))]
profile_bodies = [profile(i) for i in range(profiles)]
with ThreadPoolExecutor(8) as pool:
    list(pool.map(lambda b: post("/v1/services", b, ADMIN), service_bodies))
    ids = list(pool.map(lambda b: post("/v1/profiles", b, PRACTICE)["id"], profile_bodies))
print("\n".join(ids))
