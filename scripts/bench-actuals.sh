#!/usr/bin/env bash
# Benchmark of SLA actuals (SPEC §3.8), part of `make bench`: one brief whose export holds
# 1,000,000 leads (90 MB, Salesforce-style columns and timestamps, 26 weeks), read, routed and
# counted by `handoff build`; against the same brief without `actuals`, for the memory the export
# adds. Reports the `actuals` stage (read, route, count) from `--timings`, and peak RSS. Pods
# open around the clock with reps to spare and every lead touched within minutes: the model
# (100%) and the export agree, so the model is not re-run. A re-run simulates the export's own
# volume (here 38,500 leads a week), costs what planning a brief of that volume costs, and is
# timed apart as `observed`.
#
#   bash scripts/bench-actuals.sh      # BENCH_ACTUALS_ROWS=1000000
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${BENCH_ACTUALS_ROWS:-1000000}"
root="$PWD"
work="$(mktemp -d /tmp/handoff-actuals.XXXXXX)"
trap '[ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
swift build -c release -Xswiftc -enable-testing --product handoff >/dev/null  # the flags of make test: one build
bin="$root/.build/release/handoff"
mkdir -p "$work/Content"
cat > "$work/Content/big.yml" <<'YAML'
segment: big
title: A million leads
goal: pipeline
response-sla: 2h
sla-clock: business
launch: 2027-03-01
timezone: America/New_York
hours: Mon-Sun 00:00-24:00
funnel:
  - stage: MQL
    definition: Score over 60
qualification:
  - ICP fit
volume:
  leads-per-week: 200
  handle-time: 15m
pods:
  - name: East
    reps: 40
  - name: West
    timezone: America/Los_Angeles
    reps: 30
routing:
  - name: EMEA
    when: region = EMEA and employees >= 500
    assign: pod East
  - name: Everyone else
    assign: round-robin East, West
escalation:
  ladder: [Sales Manager, CRO]
  trigger: 2 breaches in 48h
YAML
cp "$work/Content/big.yml" "$work/plain.yml"
cat >> "$work/Content/big.yml" <<'YAML'
actuals:
  file: export.csv
  columns:
    created: CreatedDate
    first-touch: First_Touch__c
    region: Region__c
    employees: NumberOfEmployees
    accepted: Accepted__c
    rejected-reason: Reason__c
YAML
python3 - "$rows" "$work/Content/export.csv" <<'PY'
import datetime as dt, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(1)
start = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc).timestamp()
times = sorted(start + rng.random() * 26 * 7 * 86400 for _ in range(n))
fmt = lambda t: dt.datetime.fromtimestamp(t, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000+0000")
reasons = ["", "", "", "Not a fit", "Duplicate"]
with open(out, "w") as f:
    f.write("Id,CreatedDate,First_Touch__c,Region__c,NumberOfEmployees,Accepted__c,Reason__c\n")
    for i, t in enumerate(times):
        touch = fmt(t + rng.expovariate(1 / 300))
        r = rng.choice(reasons)
        f.write(f"00Q{i:09d},{fmt(t)},{touch},{rng.choice(['NA', 'EMEA', 'APAC'])},{rng.randint(10, 5000)},{'false' if r else 'true'},{r}\n")
PY
cd "$work"
export SOURCE_DATE_EPOCH=1795600800
measure() {
  /usr/bin/time -f "%e %U %S %M" -o t "$bin" build --timings --no-cache --output Public >timings.txt 2>err || { cat err >&2; exit 1; }
  read -r wall user sys rss < t
}
measure
actuals="$(awk '$1 == "actuals" { print $2 }' timings.txt)"
observed="$(awk '$1 == "observed" && $2 > 0 { print $2 " s" }' timings.txt)"
echo "actuals: $rows rows, $(du -m Content/export.csv | cut -f1) MB"
echo "  read, route and count:  ${actuals} s   (target <= 2 s CPU)"
echo "  model re-run (observed): ${observed:-none: the model and the export agree}"
echo "  whole build:            ${wall} s wall, $(awk "BEGIN { print $user + $sys }") s CPU, peak RSS $((rss / 1024)) MB"
with="$rss"
[ -n "${BENCH_KEEP:-}" ] && cp -r Public Public-actuals
cp plain.yml Content/big.yml
rm -rf Public
measure
echo "  without actuals:        peak RSS $((rss / 1024)) MB; the export adds $(((with - rss) / 1024)) MB   (target <= 100 MB)"
