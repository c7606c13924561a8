#!/usr/bin/env python3
"""Writes a benchmark corpus of N varied briefs: 2-6 pods, up to 10 routing rules, every
assignment kind, channels with their own SLA, clock, arrival window and zone, both clocks,
holidays, weekend and follow-the-sun pods, pods in shifts, samples for some briefs, arrival
atoms and `or` conditions. Deterministic for a given N and seed, so paired runs see the same briefs.

    python3 scripts/corpus.py N OUT [SEED]
"""
import os
import random
import sys

ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin",
         "Asia/Singapore", "Australia/Sydney", "Asia/Kolkata", "UTC"]
GOALS = ["pipeline", "expansion", "product-activation", "abm-campaign"]
SLAS = ["5m", "15m", "30m", "1h", "2h", "4h", "8h", "1d", "45s"]
HOURS = ["Mon-Fri 09:00-17:00", "Mon-Fri 08:00-18:00", "Mon-Fri 07:00-19:00", "Mon-Thu 08:00-17:00; Fri 08:00-13:00",
         "Mon-Sun 08:00-20:00", "Mon-Fri 10:00-18:30"]
REGIONS = ["NA", "EMEA", "APAC", "LATAM"]
INDUSTRIES = ["Software", "Retail", "Finance", "Health", "Manufacturing"]


def pct(rng, lo, hi, step=5):
    return f"{rng.randrange(lo, hi + 1, step)}%"


def shift_plan(rng, reps):
    """None (the pod states reps), or its shifts: early and late, sometimes a weekend rota."""
    if rng.random() >= 0.35:
        return None
    early = max(1, reps // 2)
    shifts = [("Early", rng.choice(["Mon-Fri 07:00-15:00", "Mon-Fri 08:00-16:00"]), early)]
    if reps - early > 0:
        shifts.append(("Late", rng.choice(["Mon-Fri 11:00-19:00", "Mon-Fri 12:00-20:00"]), reps - early))
    if rng.random() < 0.3:
        shifts.append(("Weekend rota", "Sat-Sun 10:00-16:00", rng.randint(1, 2)))
    return shifts


def brief(i, rng, samples):
    segment = f"seg-{i:05d}"
    zone = rng.choice(ZONES)
    clock = rng.choice(["business", "calendar"])
    leads = rng.randint(40, 900)
    handle = rng.choice([5, 8, 12, 15, 20, 30])
    npods = rng.randint(2, 6)
    lines = [
        f"# Generated brief {i} for the benchmark.",
        f"segment: {segment}",
        f"title: Segment {i}",
        f"goal: {rng.choice(GOALS)}",
        f"response-sla: {rng.choice(SLAS[:8])}",
        f"sla-clock: {clock}",
        f"target-attainment: {pct(rng, 70, 95)}",
        f"launch: 2027-0{rng.randint(1, 6)}-{rng.randint(10, 28)}",
        f"owner: Owner {i}",
        f"timezone: {zone}",
        f"hours: {rng.choice(HOURS)}",
    ]
    if rng.random() < 0.4:
        lines.append(f"holidays: [2027-0{rng.randint(2, 5)}-1{rng.randint(0, 9)}, 2027-07-0{rng.randint(1, 9)}]")
    use_sample = rng.random() < 0.3
    if use_sample:
        lines.append(f"sample: samples/{samples[i % len(samples)]}")
    lines += [
        "",
        "funnel:",
        "  - stage: MQL",
        "    definition: Score at or above the threshold",
        "  - stage: SAL",
        "    definition: Rep accepts the lead",
        "  - stage: SQL",
        "    definition: Discovery held",
        "",
        "qualification:",
        f"  - Employee count >= {rng.choice([10, 100, 1000])}",
        "  - Business email",
        "",
        "scoring:",
        "  model: Score v2",
        f"  threshold: {rng.randint(40, 80)}",
        "  max: 100",
        "",
        "volume:",
        f"  leads-per-week: {leads}",
        f"  after-hours-share: {pct(rng, 0, 40)}",
        f"  handle-time: {handle}m",
        "",
        "pods:",
    ]
    # Each brief has its own teams: a pod name shared by two briefs is a finding of its own.
    pods = [f"Pod {chr(65 + k)}{i}" for k in range(npods)]
    for k, name in enumerate(pods):
        # Staffed for the pod's part of the week's work at 35-95% busy (some pods short).
        busy = rng.uniform(0.35, 1.05)
        reps = max(1, round(leads * handle / 60 / 40 / npods / busy))
        # About a third of pods with two reps or more work in shifts (SPEC 2.4). Drawn from a
        # stream of their own, so the rest of the corpus is the same as without them.
        shifts = shift_plan(random.Random(f"shifts-{i}-{k}"), reps) if reps >= 2 else None
        lines += [f"  - name: {name}"] + ([] if shifts else [f"    reps: {reps}"])
        if reps >= 3 and rng.random() < 0.5:
            lines.append(f"    shrinkage: {pct(rng, 0, 20)}")
        if rng.random() < 0.2:
            lines.append(f"    timezone: {rng.choice(ZONES)}")
        if rng.random() < 0.25:
            hours = rng.choice(HOURS + ['Sat-Sun 09:00-17:00'])
            if not shifts:
                lines.append(f"    hours: {hours}")
        if shifts:
            lines.append("    shifts:")
            for shift_name, shift_hours, shift_reps in shifts:
                lines += [f"      - name: {shift_name}", f"        hours: {shift_hours}", f"        reps: {shift_reps}"]
        if rng.random() < 0.2:
            lines.append(f"    max-open: {rng.randint(3, 12)}")
        if k == npods - 1 and rng.random() < 0.3:
            lines.append("    role: AE")
    lines += ["", "routing:"]
    nrules = rng.randint(1, 9)
    fields = ["region", "industry", "employees"] if use_sample else ["region", "industry", "employees", "lead-source"]
    for r in range(nrules):
        lines.append(f"  - name: Rule {r + 1}")
        kind = rng.random()
        if kind < 0.15:
            lines.append("    when: arrives during Sat-Sun 00:00-24:00")
        elif kind < 0.55:
            f = rng.choice(fields)
            if f == "employees":
                lines.append(f"    when: employees >= {rng.choice([100, 500, 1000, 5000])}")
            elif f == "region":
                lines.append(f"    when: region in [{', '.join(rng.sample(REGIONS, 2))}]")
            elif f == "industry":
                lines.append(f"    when: industry = {rng.choice(INDUSTRIES)} or region = {rng.choice(REGIONS)}")
            else:
                lines.append(f"    when: lead-source != {rng.choice(['webinar', 'event', 'spam'])}")
        else:
            lines.append(f"    when: region = {rng.choice(REGIONS)} and employees >= {rng.choice([50, 200, 2000])}"
                         if rng.random() < 0.5 else f"    when: industry != {rng.choice(INDUSTRIES)}")
        a = rng.random()
        if a < 0.45:
            group = rng.sample(pods, rng.randint(1, min(3, npods)))
            lines.append(f"    assign: round-robin {', '.join(group)}")
        elif a < 0.8:
            lines.append(f"    assign: pod {rng.choice(pods)}")
        elif a < 0.9:
            lines += ["    assign: account-owner", f"    pod: {pods[-1]}"]
        else:
            lines.append("    assign: queue Nurture")
            continue
        if not use_sample and rng.random() < 0.4:
            lines.append(f"    share: {pct(rng, 5, 15)}")
        if rng.random() < 0.3:
            lines.append(f"    response-sla: {rng.choice(SLAS)}")
            if rng.random() < 0.5:
                lines.append(f"    sla-clock: {rng.choice(['business', 'calendar'])}")
        if rng.random() < 0.15:
            lines += [f"    arrivals: {rng.choice(HOURS)}", f"    timezone: {rng.choice(ZONES)}"]
    lines += ["  - name: Everyone else", f"    assign: round-robin {', '.join(pods[:max(1, npods - 1)])}"]
    lines += [
        "",
        "enablement:",
        "  - asset: Discovery questions",
        "    kind: talk-track",
        f"    pods: [{pods[0]}]",
        "    owner: Sales Enablement",
        f"    status: {rng.choice(['in-progress', 'ready', 'not-started'])}",
        "",
        "dependencies:",
        "  - name: Lead score in the CRM",
        "    kind: scoring",
        "    owner: Marketing Ops",
        f"    ready: {rng.choice(['yes', 'no'])}",
        "",
        "approvals:",
        "  - role: RevOps Director",
        f"    status: {rng.choice(['pending', 'approved'])}",
        "    date: 2026-11-10",
        "  - role: VP Sales",
    ]
    return "\n".join(lines) + "\n"


def sample(k, rng):
    rows = ["lead_id,email,region,employees,industry,score,account.owner"]
    for n in range(rng.randint(40, 400)):
        owner = f"Rep {rng.randint(1, 5)}" if rng.random() < 0.2 else ""
        rows.append(f"L-{k}-{n},c{n}@ex{n % 50}.com,{rng.choice(REGIONS)},{rng.choice([20, 150, 800, 3000, 12000])},"
                    f"{rng.choice(INDUSTRIES)},{rng.randint(20, 99)},{owner}")
    return "\n".join(rows) + "\n"


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261126)
    os.makedirs(os.path.join(out, "samples"), exist_ok=True)
    names = [f"leads-{k}.csv" for k in range(8)]
    for k, name in enumerate(names):
        with open(os.path.join(out, "samples", name), "w") as f:
            f.write(sample(k, rng))
    for i in range(count):
        with open(os.path.join(out, f"seg-{i:05d}.yml"), "w") as f:
            f.write(brief(i, rng, names))


if __name__ == "__main__":
    main()
