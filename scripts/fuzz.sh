#!/usr/bin/env bash
# Fuzzes the YAML-lite parser and brief decoder with libFuzzer, then compares every accepted
# document of the corpus with PyYAML's BaseLoader. Usage: scripts/fuzz.sh SECONDS [JOBS]
# Findings to keep: copy the input into Tests/HandoffCoreTests/YAMLLite/Regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
scratch=.build-fuzz
corpus=$scratch/corpus
seeds=$scratch/seeds
mkdir -p "$corpus" "$seeds"

swift build -c release --scratch-path "$scratch" --product handoff-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DHANDOFF_LIBFUZZER \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld 2>&1 | grep -v "Cannot export local symbol" | tail -n 1

# Seeds: the example briefs, the official YAML test suite and every regression input.
cp Content/*.yml "$seeds"/ 2>/dev/null || true
cp Tests/HandoffCoreTests/YAMLLite/Regressions/* "$seeds"/
if [ -d ../shared/yaml-test-suite ]; then
  for f in ../shared/yaml-test-suite/*/in.yaml ../shared/yaml-test-suite/*/*/in.yaml; do
    [ -f "$f" ] && cp "$f" "$seeds/suite-$(basename "$(dirname "$f")").yaml"
  done
fi

log=$scratch/fuzz.log
: > "$log"
# Static lets live until exit; LeakSanitizer would report them as leaks.
export ASAN_OPTIONS=detect_leaks=0
status=0
for j in $(seq 1 "$jobs"); do
  "$scratch/release/handoff-fuzz" -max_len=4096 -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$scratch/" "$corpus" "$seeds" >>"$log.$j" 2>&1 &
done
wait || status=$?
runs=0
for j in $(seq 1 "$jobs"); do
  n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log.$j" | grep -o '[0-9]*$' || echo 0)
  runs=$((runs + ${n:-0}))
  cat "$log.$j" >> "$log"; rm -f "$log.$j"
done
echo "fuzz: $runs executions in ${seconds}s x $jobs job(s); corpus $(ls "$corpus" | wc -l) inputs"
if ls "$scratch"/crash-* "$scratch"/leak-* "$scratch"/timeout-* >/dev/null 2>&1; then
  echo "fuzz: findings:"; ls "$scratch"/crash-* "$scratch"/leak-* "$scratch"/timeout-* 2>/dev/null
  status=1
fi

# Second step: every accepted corpus document must load identically with PyYAML.
swift build -c release --product handoff-fuzz 2>&1 | tail -n 1
python3 -c "import yaml" 2>/dev/null || python3 -m pip install -q pyyaml
mismatches=$(.build/release/handoff-fuzz --manifest "$corpus" | python3 scripts/yaml-oracle.py)
if [ "$(echo "$mismatches" | tr -d '[:space:]')" != "[]" ]; then
  echo "fuzz: PyYAML disagrees with YAML-lite:"; echo "$mismatches"; status=1
else
  echo "fuzz: every accepted corpus document loads identically with PyYAML"
fi
exit $status
