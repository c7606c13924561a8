#!/usr/bin/env bash
# Benchmark: a full build of a generated corpus of briefs (default 1,000) in a release build,
# timed over several runs, with peak memory; and, when Hugo is installed, Hugo rendering the
# same Markdown (every generated handoff.md) for comparison.
#
#   bash scripts/bench.sh [COUNT]      # needs: swift; optional: hyperfine, hugo, /usr/bin/time
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
work="$(mktemp -d /tmp/handoff-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product handoff >/dev/null
bin="$PWD/.build/release/handoff"

# The corpus: the four example briefs cycled, each copy with its own segment slug, a different
# volume and head count, so every brief plans and simulates separately.
python3 - "$count" "$work/Content" <<'PY'
import os, re, sys, shutil
count, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out)
shutil.copytree("Content/samples", os.path.join(out, "samples"))
sources = [open(os.path.join("Content", f)).read() for f in sorted(os.listdir("Content")) if f.endswith(".yml")]
for i in range(count):
    text = sources[i % len(sources)]
    text = re.sub(r"^segment: (\S+)", lambda m: f"segment: {m.group(1)}-{i:04d}", text, count=1, flags=re.M)
    text = re.sub(r"leads-per-week: (\d+)", lambda m: f"leads-per-week: {int(m.group(1)) + (i * 7) % 150}", text, count=1)
    text = re.sub(r"reps: (\d+)", lambda m: f"reps: {int(m.group(1)) + i % 3}", text, count=1)
    open(os.path.join(out, f"brief-{i:04d}.yml"), "w").write(text)
PY

cd "$work"
export SOURCE_DATE_EPOCH=1795600800
echo "corpus: $count briefs in $work/Content"
if command -v hyperfine >/dev/null; then
  # cold: no previous output or plan records; warm: a rebuild over the previous output.
  hyperfine --warmup 1 --runs 5 --prepare 'rm -rf .claude Public' -n "handoff build (cold)" "$bin build --quiet" \
    --export-markdown cold.md >/dev/null
  hyperfine --warmup 1 --runs 5 -n "handoff build (warm)" "$bin build --quiet" --export-markdown warm.md >/dev/null
  cat cold.md; tail -n 1 warm.md
else
  for run in 1 2 3; do rm -rf .claude Public; /usr/bin/env time -f "handoff build: %e s" "$bin" build --quiet; done
fi
rm -rf .claude Public
/usr/bin/time -v "$bin" build --quiet 2> time.txt
grep -E "Maximum resident|Elapsed" time.txt
echo "pages: $(find Public -name '*.html' | wc -l), files: $(find Public -type f | wc -l), size: $(du -sh Public | cut -f1)"

if command -v hugo >/dev/null; then
  # Hugo on the same Markdown: every handoff.md, a minimal layout that renders .Content.
  mkdir -p hugo/content hugo/layouts/_default
  for dir in Public/segments/*/; do cp "$dir/handoff.md" "hugo/content/$(basename "$dir").md"; done
  printf 'baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = false\n' > hugo/config.toml
  printf '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n' > hugo/layouts/_default/single.html
  printf '<!doctype html><html><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n' > hugo/layouts/_default/list.html
  cd hugo
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 5 --prepare 'rm -rf public resources' -n "hugo (cold)" 'hugo --quiet' --export-markdown ../hugo-cold.md >/dev/null
    hyperfine --warmup 1 --runs 5 -n "hugo (warm)" 'hugo --quiet' --export-markdown ../hugo-warm.md >/dev/null
    tail -n 1 ../hugo-cold.md; tail -n 1 ../hugo-warm.md
    echo "hugo pages: $(find public -name '*.html' | wc -l), files: $(find public -type f | wc -l)"
  else
    for run in 1 2 3; do rm -rf public; /usr/bin/env time -f "hugo: %e s" hugo --quiet; done
  fi
fi
