#!/usr/bin/env bash
# Benchmark (`make bench`): a generated corpus of BENCH_N varied briefs (default 1,000; see
# scripts/corpus.py), built by Handoff cold (no output, no cache, no records), warm (nothing
# changed: the build stamp keeps the output), re-rendered (every page planned and rendered again
# with the SLA models from the cache: the stamp removed) and after one brief changed, against Hugo's cold and warm builds of the same
# handoff.md files with a minimal layout, and the cmark-gfm command line over the same Markdown
# (the floor for turning it into HTML). Runs are paired and interleaved (Handoff, Hugo, Handoff,
# Hugo…) so drift hits both sides alike; BENCH_PAIRS pairs (default 5). Each run reports wall
# time, CPU time (user + system) and peak RSS from GNU time; the summary gives medians and ratios.
#
# Then one cold build's simulation work by purpose (`--timings`), scripts/bench-floor.sh (the
# engine's ns per lead beside ../shared/bench/floor.c) and scripts/bench-actuals.sh (a
# 1,000,000-row CRM export read, routed and counted).
#
#   make bench                 # BENCH_N=1000 BENCH_PAIRS=5
#   BENCH_N=100 make bench     # or 5000
set -euo pipefail
cd "$(dirname "$0")/.."
n="${BENCH_N:-1000}"
pairs="${BENCH_PAIRS:-5}"
root="$PWD"
work="$(mktemp -d /tmp/handoff-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1; }
sudo_if() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! need hugo || ! need cmark-gfm || [ ! -x /usr/bin/time ]; then
  echo "Installing hugo, cmark-gfm and GNU time…"
  sudo_if apt-get update -qq
  sudo_if env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo cmark-gfm time >/dev/null
fi

swift build -c release -Xswiftc -enable-testing --product handoff >/dev/null  # the flags of make test: one build
bin="$root/.build/release/handoff"
python3 scripts/corpus.py "$n" "$work/Content"
cd "$work"
export SOURCE_DATE_EPOCH=1795600800
results="$work/results.tsv"
: > "$results"

# run NAME COMMAND…: one timed run, appended to the results.
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys rss < "$work/t"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$user" "$sys" "$rss" >> "$results"
}

# The Markdown Hugo renders: the handoff.md of every segment, from one Handoff build.
"$bin" build --quiet >/dev/null 2>&1
mkdir -p hugo/content hugo/layouts/_default md
for dir in Public/segments/*/; do
  slug="$(basename "$dir")"
  cp "$dir/handoff.md" "hugo/content/$slug.md"
  cp "$dir/handoff.md" "md/$slug.md"
done
printf 'baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = false\n' > hugo/config.toml
printf '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n' > hugo/layouts/_default/single.html
printf '<!doctype html><html><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n' > hugo/layouts/_default/list.html
cmark_all() { for f in md/*.md; do cmark-gfm -e table -e autolink -e strikethrough "$f" > /dev/null; done; }
export -f cmark_all

first="$(ls Content/*.yml | head -n 1)"
cp "$first" "$work/first.yml"
for pair in $(seq 1 "$pairs"); do
  echo "pair $pair/$pairs" >&2
  rm -rf Public .claude .handoff-cache
  run "handoff cold" "$bin" build --quiet --timings
  [ "$pair" = 1 ] && cp "$work/out" "$work/cold-timings.txt"
  rm -rf hugo/public hugo/resources
  run "hugo cold" hugo --quiet -s hugo
  run "handoff warm" "$bin" build --quiet
  run "hugo warm" hugo --quiet -s hugo
  rm -f .handoff-cache/build-*.json
  run "handoff re-render" "$bin" build --quiet
  # One brief changed: a rep more in its first pod (a new version, so it plans and simulates).
  sed -i -E '0,/reps: [0-9]+/s/reps: ([0-9]+)/reps: 1\1/' "$first"
  run "handoff one change" "$bin" build --quiet
  cp "$work/first.yml" "$first"  # put the brief back
  run "cmark-gfm floor" bash -c cmark_all
done

echo
echo "corpus: $n briefs, $(find Public -name '*.html' | wc -l) pages, $(du -sh Public | cut -f1) written; Hugo: $(find hugo/public -name '*.html' | wc -l) pages, $(du -sh hugo/public | cut -f1)"
python3 - "$results" "$n" <<'PY'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().splitlines()]
by = {}
for name, wall, user, sys_, rss in rows:
    by.setdefault(name, []).append((float(wall), float(user) + float(sys_), int(rss)))
med = {k: (statistics.median(w for w, _, _ in v), statistics.median(c for _, c, _ in v), max(r for _, _, r in v)) for k, v in by.items()}
print(f"{'run':22} {'wall s':>8} {'cpu s':>8} {'peak RSS MB':>12}   (median of {len(next(iter(by.values())))})")
for k in ["handoff cold", "handoff warm", "handoff re-render", "handoff one change", "hugo cold", "hugo warm", "cmark-gfm floor"]:
    if k in med:
        w, c, r = med[k]
        print(f"{k:22} {w:8.2f} {c:8.2f} {r / 1024:12.0f}")
def ratio(a, b, i=0):
    return med[a][i] / med[b][i] if med.get(b) and med[b][i] > 0 else float("nan")
print()
print(f"cold / Hugo cold:          {ratio('handoff cold', 'hugo cold'):.2f}x wall, {ratio('handoff cold', 'hugo cold', 1):.2f}x CPU   (target <= 1.0x wall)")
print(f"warm / Hugo warm:          {ratio('handoff warm', 'hugo warm'):.2f}x wall   (target <= 0.5x)")
print(f"re-render / Hugo warm:     {ratio('handoff re-render', 'hugo warm'):.2f}x wall   (every page rendered again)")
print(f"re-render / Hugo cold:     {ratio('handoff re-render', 'hugo cold'):.2f}x wall   (target <= 1.0x)")
print(f"one change / cold:         {ratio('handoff one change', 'handoff cold'):.2f}   (target <= 0.10)")
print(f"cold per brief:            {1000 * med['handoff cold'][0] / int(sys.argv[2]):.2f} ms wall, {1000 * med['handoff cold'][1] / int(sys.argv[2]):.2f} ms CPU")
print(f"peak RSS:                  {med['handoff cold'][2] / 1024:.0f} MB cold, {med['handoff re-render'][2] / 1024:.0f} MB re-render")
PY

echo
echo "one cold build's simulation, by purpose (handoff build --timings):"
sed -n '/^Simulated/,$p' "$work/cold-timings.txt"
echo
bash "$root/scripts/bench-floor.sh"
echo
bash "$root/scripts/bench-actuals.sh"
