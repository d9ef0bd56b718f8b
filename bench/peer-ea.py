#!/usr/bin/env python3
"""Helpers of bench/peer-ea.sh (standard library only).

  peer-ea.py sql DIR CLINIC_ID PRACTITIONER_ID ROOM_ID   -> SQL on stdout: the 500 customers as clients and
        the union of the 6,000 (overlapping) appointments as non-overlapping booked appointments
  peer-ea.py compare DIR BASE TREATMENT PRACTITIONER    -> asks Clearskin for every December 2026 day (one
        request per day, and the month in one request) and fails naming the day and the difference
"""
import csv
import json
import sys
import urllib.request
import uuid
from datetime import datetime, timedelta


def union(dir_):
    spans = []
    with open(f"{dir_}/appointments.csv") as f:
        for row in csv.DictReader(f):
            spans.append((datetime.fromisoformat(row["start_utc"]), datetime.fromisoformat(row["end_utc"]),
                          int(row["customer_index"])))
    spans.sort()
    merged = []
    for start, end, customer in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end, customer])
    return len(spans), merged


def client_id(index):
    return f"00000000-0000-0000-00ea-{index:012d}"


def sql(dir_, clinic, practitioner, room):
    out = ["begin;"]
    with open(f"{dir_}/customers.csv") as f:
        for row in csv.DictReader(f):
            out.append("insert into client (clinic_id, id, first_name, last_name, email, created_at) values "
                       f"('{clinic}', '{client_id(int(row['customer_index']))}', '{row['first_name']}', "
                       f"'{row['last_name']}', '{row['email']}', now());")
    count, merged = union(dir_)
    for start, end, customer in merged:
        s = start.isoformat() + "+00"
        e = end.isoformat() + "+00"
        out.append("insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, "
                   "starts_at, ends_at, blocked, status, created_at, updated_at) values "
                   f"('{clinic}', '{uuid.uuid4()}', '{client_id(customer)}', 'deep-pore-cleansing', '{practitioner}', "
                   f"'{room}', '{s}', '{e}', tstzrange('{s}', '{e}'), 'booked', now(), now());")
    out.append("commit;")
    print("\n".join(out))
    print(f"-- {count} appointments, {len(merged)} busy spans after the union", file=sys.stderr)


def get(url):
    with urllib.request.urlopen(url) as r:
        return json.load(r)


def starts(slots):
    by_day = {}
    for s in slots:
        by_day.setdefault(s["start"][:10], []).append(s["start"][11:16])
    return by_day


def compare(dir_, base, treatment, practitioner):
    peer = json.load(open(f"{dir_}/ea-available-hours-2026-12.json"))
    wrong = []
    day = datetime(2026, 12, 1)
    while day.month == 12:
        d = day.strftime("%Y-%m-%d")
        got = starts(get(f"{base}/availability?treatment={treatment}&from={d}&to={d}&practitioner={practitioner}")
                     ["slots"]).get(d, [])
        want = peer.get(d, [])
        if got != want:
            wrong.append(f"{d}: Clearskin {got}, peer {want}; only Clearskin {sorted(set(got) - set(want))}, "
                         f"only the peer {sorted(set(want) - set(got))}")
        day += timedelta(days=1)
    month = starts(get(f"{base}/availability?treatment={treatment}&from=2026-12-01&to=2026-12-31"
                       f"&practitioner={practitioner}")["slots"])
    for d, want in peer.items():
        if month.get(d, []) != want:
            wrong.append(f"{d} (month query): Clearskin {month.get(d, [])}, peer {want}")
    try:
        days = get(f"{base}/availability/days?treatment={treatment}&from=2026-12-01&to=2026-12-31"
                   f"&practitioner={practitioner}")
        free = sorted(d["date"] for d in days["days"] if d["free"])
        want = sorted(d for d, s in peer.items() if s)
        if free != want:
            wrong.append(f"days with a free start: Clearskin {free}, peer {want}")
    except urllib.error.HTTPError as e:
        if e.code != 404:
            raise
    total = sum(len(v) for v in peer.values())
    if wrong:
        print("MISMATCH with the peer's free starts:\n  " + "\n  ".join(wrong))
        sys.exit(1)
    print(f"equal: all 31 December days, {total} free starts, day by day and in the month query")


if __name__ == "__main__":
    if sys.argv[1] == "sql":
        sql(*sys.argv[2:6])
    else:
        compare(*sys.argv[2:6])
