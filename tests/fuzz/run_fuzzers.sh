#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz on their seed corpora.
# Usage: tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS_EACH [NAME...]
#   BUILD_DIR     a build with -DMSOUT_FUZZ=ON (cmake/Fuzz.cmake), target msout_fuzzers built
#   SECONDS_EACH  how long each harness runs (-max_total_time)
#   NAME          harnesses to run (default: all): model_loader scenario_loader
#                 overlay_loader compact_loader pipeline dora_register cyclonedx
# Each harness' corpus is BUILD_DIR/corpus/NAME: seeded from the shipped files and the
# bad-input corpus on every run, and kept (it grows). A crashing input is written to
# BUILD_DIR/crashes/. Exits 1 if any harness found a crash, a leak, a timeout or a
# sanitizer report.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "$1" && pwd)"
seconds="$2"
shift 2
names=("$@")
((${#names[@]})) || names=(model_loader scenario_loader overlay_loader compact_loader pipeline
                            dora_register cyclonedx)

# Copies the given files into a corpus directory under content-addressed names.
seed() {
  local corpus="$1"
  shift
  local f
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$corpus/seed-$(sha1sum "$f" | cut -c1-16)"
  done
  return 0
}

seed_corpus() {
  local name="$1" corpus="$2"
  shopt -s nullglob globstar
  case "$name" in
    model_loader)
      seed "$corpus" "$root"/model/nl/*.json "$root"/scenarios/hospital/model/*.json \
        "$root"/tests/bad_input/*/model*.json ;;
    scenario_loader)
      seed "$corpus" "$root"/scenarios/nl/*.json "$root"/scenarios/hospital/*.json \
        "$root"/tests/bad_input/*/scenario*.json ;;
    overlay_loader)
      seed "$corpus" "$root"/scenarios/**/whatif/*.json "$root"/tests/bad_input/*/overlay*.json \
        "$root"/tests/bad_input/*/whatif*.json ;;
    compact_loader)
      seed "$corpus" "$root"/tests/bad_input/compact-*/*.msout "$root"/tests/fuzz/seeds/*.msout ;;
    pipeline)
      # The model's files and a scenario, separated by NUL bytes.
      local scenario model_dir joined
      for scenario in "$root"/scenarios/hospital/*.json "$root"/tests/bad_input/*/scenario.json; do
        model_dir="$root/scenarios/hospital/model"
        joined="$corpus/pipeline-$(basename "$(dirname "$scenario")")-$(basename "$scenario")"
        if [ -f "$(dirname "$scenario")/model.json" ]; then
          { cat "$(dirname "$scenario")/model.json"; printf '\0'; cat "$scenario"; } > "$joined"
        else
          { cat "$model_dir/providers.json"; printf '\0'; cat "$model_dir/hospital.json";
            printf '\0'; cat "$scenario"; } > "$joined"
        fi
      done ;;
    cyclonedx)
      seed "$corpus" "$root"/scenarios/*/inventory/*.json "$root"/tests/bad_input/import-cyclonedx-*/bom.json ;;
    dora_register)
      # The register's tables in the harness' order, separated by NUL bytes.
      local register
      for register in "$root"/scenarios/*/register/* "$root"/tests/bad_input/import-dora-*/register; do
        [ -d "$register" ] || continue
        local reports
        reports=$(dirname "$(find "$register" -maxdepth 3 -name report.json | head -n 1)")
        [ -d "$reports" ] || continue
        {
          local t first=1
          for t in b_01.01 b_05.01 b_05.02 b_02.02 b_06.01 b_07.01; do
            ((first)) || printf '\0'
            first=0
            if [ -f "$reports/$t.csv" ]; then cat "$reports/$t.csv"; fi
          done
        } > "$corpus/register-$(echo "$register" | sha1sum | cut -c1-16)"
      done ;;
  esac
}

mkdir -p "$build/crashes"
failed=()
for name in "${names[@]}"; do
  binary="$build/tests/fuzz/fuzz_$name"
  [ -x "$binary" ] || { echo "run_fuzzers: $binary not built" >&2; exit 2; }
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  seed_corpus "$name" "$corpus"
  echo "fuzz_$name: $(ls "$corpus" | wc -l) inputs, ${seconds} s" >&2
  # -rss_limit_mb: a small input must not need gigabytes; -timeout: nor minutes.
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
       UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "$binary" "$corpus" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
         -max_len=262144 -print_final_stats=1 \
         -artifact_prefix="$build/crashes/$name-" > "$build/crashes/$name.log" 2>&1; then
    failed+=("$name")
    tail -40 "$build/crashes/$name.log" >&2
  fi
  grep -E "^(stat::number_of_executed_units|stat::new_units_added)" "$build/crashes/$name.log" \
    | sed "s/^/fuzz_$name: /" >&2 || true
done
if ((${#failed[@]})); then
  echo "run_fuzzers: FAILED: ${failed[*]} (inputs in $build/crashes/)" >&2
  exit 1
fi
echo "run_fuzzers: no crash in ${names[*]}" >&2
