#!/usr/bin/env python3
"""Writes a realistic CRM export of lead events for the enterprise example (SPEC §3.8).

    python3 scripts/actuals.py [OUT.csv] [--weeks 11] [--start 2026-09-14] [--per-week 470]
                               [--after-hours 0.31] [--seed 7]

The export is what Salesforce gives when a report of leads is exported as it comes: its own
column names (CreatedDate, First_Touch__c, ...), UTC timestamps with milliseconds and `+0000`.
The process behind it is the enterprise brief's pilot, simulated independently of Handoff:

- leads arrive as a Poisson process, `after-hours` of them outside Mon-Fri 08:00-18:00 New York;
- a lead with an account owner goes to the Account Executives, an EMEA lead of 5,000+ employees
  to East, the rest alternate between East and West, skipping a pod whose reps are all off;
- each pod's productive reps work the brief's shifts (reps x (1 - shrinkage), rounded down),
  in the pod's own zone; the rep who can start first takes the lead, and first touch is when
  the rep starts on it; the work takes an exponential time averaging 20 minutes;
- nobody works on Thanksgiving (2026-11-26), which the brief's holidays do not list: the export
  shows what that cost;
- a few rows are damaged the way exports are (a spreadsheet error for a date, a touch logged
  before creation, a pod the brief does not know), and touches after the export's end are blank.
"""

import argparse
import csv
import datetime as dt
import heapq
import random
import sys
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
UTC = dt.timezone.utc

# Productive reps per shift, in the pod's zone: (weekdays, start hour, end hour, reps).
PODS = {
    "East": (NEW_YORK, [(range(0, 5), 8, 16, 1), (range(0, 5), 10, 18, 1)]),
    "West": (LOS_ANGELES, [(range(0, 5), 9, 17, 2), (range(0, 5), 10, 18, 1)]),
    "Account Executives": (NEW_YORK, [(range(0, 5), 8, 16, 1), (range(0, 5), 10, 18, 1)]),
}
DAYS_OFF = {dt.date(2026, 11, 26)}
OWNERS = ["Priya Shah", "Marcus Lee", "Elena Rossi", "Tom Becker", "Aisha Khan", "Jon Park"]
REASONS = [("Not a decision maker", 5), ("No budget this year", 3), ("Duplicate lead", 2), ("Personal email", 1)]


def in_hours(t):
    local = t.astimezone(NEW_YORK)
    return local.weekday() < 5 and 8 <= local.hour < 18


def arrivals(rng, start, weeks, per_week, after_share):
    """Lead creation times: a Poisson process whose rate is piecewise constant by hour."""
    in_rate = per_week * (1 - after_share) / 50.0
    out_rate = per_week * after_share / 118.0
    t = start
    end = start + dt.timedelta(weeks=weeks)
    out = []
    while True:
        hour_end = (t.astimezone(NEW_YORK).replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)).astimezone(UTC)
        rate = in_rate if in_hours(t) else out_rate
        t = t + dt.timedelta(hours=rng.expovariate(rate))
        if t >= hour_end:
            # Memoryless: start again at the hour, at that hour's rate.
            t = hour_end
            if t >= end:
                return out
            continue
        if t >= end:
            return out
        out.append(t)


def shift_windows(pod, start, weeks):
    """Every rep's working periods (UTC), one list per rep."""
    zone, shifts = PODS[pod]
    reps = []
    first = start.astimezone(zone).date() - dt.timedelta(days=1)
    for days, begin, end, count in shifts:
        periods = []
        for d in range(weeks * 7 + 60):
            day = first + dt.timedelta(days=d)
            if day.weekday() in days and day not in DAYS_OFF:
                a = dt.datetime(day.year, day.month, day.day, begin, tzinfo=zone).astimezone(UTC)
                b = dt.datetime(day.year, day.month, day.day, end, tzinfo=zone).astimezone(UTC)
                periods.append((a, b))
        reps += [periods for _ in range(count)]
    return reps


def earliest_start(periods, t):
    """When a rep free from `t` can start: now when on shift, else the next shift's start."""
    for a, b in periods:
        if t < b:
            return max(t, a)
    return None


def pick(reps, free, pod, t):
    """The rep of `pod` who can start first on a lead waiting from `t`, and when."""
    starts = [earliest_start(periods, max(t, free[pod][i])) for i, periods in enumerate(reps[pod])]
    return min((s, i) for i, s in enumerate(starts) if s is not None)


def simulate(args):
    rng = random.Random(args.seed)
    start = dt.datetime.fromisoformat(args.start).replace(tzinfo=NEW_YORK).astimezone(UTC)
    end = start + dt.timedelta(weeks=args.weeks)
    reps = {p: shift_windows(p, start, args.weeks) for p in PODS}
    free = {p: [start] * len(reps[p]) for p in PODS}
    rotation = 0
    rows = []
    for n, created in enumerate(arrivals(rng, start, args.weeks, args.per_week, args.after_hours)):
        owner = rng.choice(OWNERS) if rng.random() < 0.18 else ""
        region = rng.choices(["NA", "EMEA", "APAC", "LATAM"], [55, 30, 9, 6])[0]
        employees = int(1000 * rng.lognormvariate(0.9, 0.8)) + 1000
        if owner:
            pod = "Account Executives"
        elif region == "EMEA" and employees >= 5000:
            pod = "East"
        else:
            # The rotation skips a pod with nobody on; when both are off, the next in turn.
            order = ["East", "West"] if rotation % 2 == 0 else ["West", "East"]
            on = [p for p in order if any(any(a <= created < b for a, b in r) for r in reps[p])]
            pod = (on or order)[0]
            rotation += 1
        start, i = pick(reps, free, pod, created)
        if pod in ("East", "West") and owner == "" and not (region == "EMEA" and employees >= 5000):
            # Untouched when its 2 hours run out, the router hands it to the other pod.
            other = "West" if pod == "East" else "East"
            due = created + dt.timedelta(hours=2)
            if start > due:
                alt, j = pick(reps, free, other, due)
                if alt < start:
                    pod, start, i = other, alt, j
        free[pod][i] = start + dt.timedelta(minutes=rng.expovariate(1 / 20))
        # Dialling and logging the activity take a few minutes after the rep picks it up.
        touched = start + dt.timedelta(minutes=rng.expovariate(1 / 3))
        accepted = rng.random() < 0.78
        reason = "" if accepted else rng.choices([r for r, _ in REASONS], [w for _, w in REASONS])[0]
        recycled = not accepted and rng.random() < 0.35
        rows.append([
            f"00Q5g00000{n + 100000:06d}", stamp(created), stamp(touched) if touched < end else "", pod, region, str(employees),
            owner, "true" if accepted else "false", reason, "true" if recycled else "false",
        ])
    # Damage a few rows as real exports are damaged.
    rows[len(rows) // 5][1] = "#VALUE!"
    damaged = rows[len(rows) // 3]
    if damaged[2]:
        created = dt.datetime.fromisoformat(damaged[1].replace(".000+0000", "+00:00"))
        damaged[2] = stamp(created - dt.timedelta(minutes=7))
    rows[len(rows) // 2][3] = "Partners"
    return rows


def stamp(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", default="Content/actuals/enterprise-crm-export.csv")
    parser.add_argument("--weeks", type=int, default=11)
    parser.add_argument("--start", default="2026-09-14", help="a Monday, New York time")
    parser.add_argument("--per-week", type=float, default=470)
    parser.add_argument("--after-hours", type=float, default=0.31)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rows = simulate(args)
    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Id", "CreatedDate", "First_Touch__c", "Owner_Pod__c", "Region__c", "NumberOfEmployees",
                     "Account_Owner__c", "SAL_Accepted__c", "Rejection_Reason__c", "Recycled__c"])
    writer.writerows(rows)
    if out is not sys.stdout:
        out.close()
        print(f"wrote {len(rows)} leads to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
