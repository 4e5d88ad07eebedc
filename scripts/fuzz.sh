#!/usr/bin/env bash
# Fuzzes Dyad's importers and claim parser with AFL++ (Debian's afl++) through SharpFuzz, for a fixed budget per
# target, seeded from fuzz/seeds (invented rows in each dataset's layout) and, when ../shared/data is beside the
# repository, from the first rows of the real files there (copied into a temporary folder only: GTD and ACLED rows are
# licensed for research use and never enter the repository). A crash is any exception other than Dyad's own refusal
# of bad input; crashing inputs are kept in fuzz/findings/ for a developer to minimise and add to fuzz/regressions/,
# which the test suite reads on every run.
# Usage: scripts/fuzz.sh [--seconds N]   (N per target; default 300; the test command runs it with 45)
# Ends with one line: "fuzz: N inputs run, N crashes".
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
seconds=300
if [ "${1:-}" = "--seconds" ]; then seconds="$2"; fi

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "fuzz: afl-fuzz is not installed (Debian package afl++)."
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet tool restore >/dev/null
dotnet build fuzz/Dyad.Fuzz/Dyad.Fuzz.csproj -c Release -o "$work/bin" --nologo -v quiet -clp:ErrorsOnly >/dev/null
# AFL++ sees the paths taken through the code SharpFuzz instruments: Dyad's own readers, mappers and parser.
for assembly in Dyad.Ingest.dll Dyad.Core.dll; do
  dotnet sharpfuzz "$work/bin/$assembly" >/dev/null
done

cp -r fuzz/seeds "$work/seeds"
if [ -d ../shared/data ]; then
  for file in ../shared/data/gtd/*.csv ../shared/data/acled/*.csv ../shared/data/ucdp/*.csv; do
    [ -f "$file" ] && head -c 6000 "$file" | head -n 3 > "$work/seeds/import/real_$(basename "$file")"
  done
fi

total_runs=0
total_crashes=0
for target in import claims; do
  out="$work/out/$target"
  mkdir -p "$work/out"
  AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_BIN_CHECK=1 \
    afl-fuzz -i "$work/seeds/$target" -o "$out" -t 10000 -m none -V "$seconds" -- \
    "$(command -v dotnet)" "$work/bin/Dyad.Fuzz.dll" "$target" "$root" >"$work/afl-$target.log" 2>&1 || {
      echo "fuzz: afl-fuzz could not run the $target target:"; tail -20 "$work/afl-$target.log"; exit 1; }
  runs=$(grep -E '^execs_done' "$out/default/fuzzer_stats" | grep -oE '[0-9]+$')
  paths=$(grep -E '^corpus_count' "$out/default/fuzzer_stats" | grep -oE '[0-9]+$')
  crashes=$(find "$out/default/crashes" -type f -name 'id:*' | wc -l)
  echo "fuzz $target: $runs inputs in ${seconds} s, $paths distinct paths kept, $crashes crash(es)"
  if [ "$crashes" -gt 0 ]; then
    mkdir -p fuzz/findings/$target
    cp "$out"/default/crashes/id:* fuzz/findings/$target/
    echo "  kept in fuzz/findings/$target/"
  fi
  total_runs=$((total_runs + runs))
  total_crashes=$((total_crashes + crashes))
done

echo "fuzz: $total_runs inputs run, $total_crashes crashes"
[ "$total_crashes" -eq 0 ]
