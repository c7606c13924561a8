#!/usr/bin/env bash
# The engine's cost per lead beside ../shared/bench/floor.c (part of `make bench`): the same
# one-pod briefs — 8 reps, Mon-Fri 08:00-18:00 UTC, 400 leads a week, 25% after hours, 51m
# handle (85% busy), a 2h calendar-clock SLA — as a pod queue and as a round robin. Handoff's
# figure is its simulate stage over every lead it simulated (`--timings`: all purposes, so it
# includes the planner's own work); floor.c's is its total. Ratios in one sitting, BENCH_ROUNDS
# rounds (default 3), medians.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
rounds="${BENCH_ROUNDS:-3}"
floor_c="${FLOOR_C:-$root/../shared/bench/floor.c}"
[ -f "$floor_c" ] || { echo "bench-floor: no $floor_c (set FLOOR_C); skipped"; exit 0; }
work="$(mktemp -d /tmp/handoff-floor.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/floor" "$floor_c" -lm
swift build -c release -Xswiftc -enable-testing --product handoff >/dev/null  # the flags of make test: one build
bin="$root/.build/release/handoff"
for case in pq rr; do
  assign="pod Solo"; [ "$case" = rr ] && assign="round-robin Solo"
  mkdir -p "$work/$case/Content"
  cat > "$work/$case/Content/$case.yml" <<YAML
segment: $case
goal: pipeline
response-sla: 2h
sla-clock: calendar
target-attainment: 50%
launch: 2027-01-04
timezone: UTC
hours: Mon-Fri 08:00-18:00
funnel:
  - stage: MQL
    definition: x
qualification:
  - x
volume:
  leads-per-week: 400
  after-hours-share: 25%
  handle-time: 51m
pods:
  - name: Solo
    reps: 8
routing:
  - name: All
    assign: $assign
YAML
done
# ns per lead of one Handoff build: the simulate stage over all leads simulated.
handoff_ns() {
  (cd "$work/$1" && rm -rf out && "$bin" build --no-cache --timings --quiet --output out 2>/dev/null) | awk '
    $1 == "simulate" { s = $2 }
    $1 == "all" { n = $2; m = 1; if (n ~ /k$/) m = 1e3; if (n ~ /M$/) m = 1e6; sub(/[kM]$/, "", n); leads = n * m }
    END { printf "%.0f %.0f\n", s * 1e9 / leads, leads }'
}
floor_ns() { (cd "$work" && ./floor bench "$1" 8 200 51) | sed -E 's/.*total=([0-9.]+) ns\/lead.*/\1/'; }
declare -A h f
for r in $(seq 1 "$rounds"); do
  h[pq]+="$(handoff_ns pq | cut -d' ' -f1) "; f[pq]+="$(floor_ns pq-des) "
  h[rr]+="$(handoff_ns rr | cut -d' ' -f1) "; f[rr]+="$(floor_ns rr-des) "
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "per lead, median of $rounds rounds (Handoff: simulate stage / leads simulated; floor.c: total)"
for case in pq rr; do
  hn="$(echo "${h[$case]}" | median)"; fn="$(echo "${f[$case]}" | median)"
  name="pod queue "; [ "$case" = rr ] && name="round robin"
  awk -v n="$name" -v h="$hn" -v f="$fn" 'BEGIN { printf "  %s  Handoff %4.0f ns   floor.c %4.0f ns   %.2fx   (target <= 1.5x)\n", n, h, f, h / f }'
done
