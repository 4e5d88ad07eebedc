#!/usr/bin/env bash
# Runs Dyad's whole test suite on a fresh Debian machine: installs what the tests need, checks formatting, builds
# with warnings as errors, runs every test project, then runs the README's first command as a user would, installs
# Dyad as users do and runs it (scripts/test-install.sh; each of its checks counts as one test), and fuzzes the
# importers and the claim parser for a short budget (scripts/fuzz.sh; counts as one test).
# Ends with one line: "tests: N passed, N failed[, N skipped]", from the real counts.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests use: flock (util-linux) for ./dyad's build lock, and libgomp1 (OpenMP), which LightGBM
# needs for attribution, chromium, which opens the brief in a test and prints it to PDF, afl++, which fuzzes the
# importers and the claim parser, postgresql, whose throwaway cluster the store tests run on a second time, zip
# and unzip, which make and read the Windows download, and python3-pandas, the independent count the rivalry's roles
# are checked against (scripts/roles-pandas.py). Installed only where missing.
debian_packages=(util-linux libgomp1 chromium afl++ postgresql zip unzip python3-pandas)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed (https://dot.net); 'dotnet' is not on PATH."
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# The run's own Dyad folder: nothing it adds or stores lands in the folder of the person running it.
DYAD_HOME="$(mktemp -d)"
export DYAD_HOME
trap 'rm -rf "$DYAD_HOME"' EXIT

if [ ! -d ../shared/data ] && [ -z "${DYAD_SHARED_DATA:-}" ]; then
  echo "== note: ../shared/data is not beside the repository: the tests on real GTD, ACLED and UCDP files will be skipped."
fi

failed_steps=0
echo "== restore and build (warnings are errors)"
if ! dotnet build Dyad.slnx -c Debug --nologo -v quiet -clp:ErrorsOnly; then
  echo "The build failed; no test ran."
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

echo "== format check (dotnet format --verify-no-changes)"
if ! dotnet format Dyad.slnx --verify-no-changes --no-restore -v quiet; then
  echo "Formatting differs from .editorconfig: run 'dotnet format Dyad.slnx'."
  failed_steps=$((failed_steps + 1))
fi

echo "== a throwaway PostgreSQL cluster on loopback (scripts/postgres-cluster.sh), for the PostgreSQL store's tests"
pg_dir="$(mktemp -d)"
pg_port=$((54000 + RANDOM % 900))
if DYAD_TEST_POSTGRES="$(scripts/postgres-cluster.sh start "$pg_dir/cluster" "$pg_port")"; then
  export DYAD_TEST_POSTGRES
  trap 'scripts/postgres-cluster.sh stop "$pg_dir/cluster" || true; rm -rf "$pg_dir" "$DYAD_HOME"' EXIT
  echo "running on $DYAD_TEST_POSTGRES"
else
  echo "The cluster did not start; the PostgreSQL store tests will be skipped and counted as a failure."
  failed_steps=$((failed_steps + 1))
fi

echo "== tests"
log="$(mktemp)"
dotnet test --solution Dyad.slnx --no-build 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}
# The closing summary of 'dotnet test' on Microsoft.Testing.Platform: "total: N", "failed: N", "succeeded: N", "skipped: N".
count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $test_status without a failed test; counting the run as one failure."
  failed=1
fi
rm -f "$log"

echo "== the README's first command: ./dyad demo"
demo_db="$(mktemp -d)/demo.duckdb"
if ./dyad demo --db "$demo_db" >/dev/null; then
  echo "./dyad demo: ok"
  passed=$((passed + 1))
else
  echo "./dyad demo: FAILED"
  failed=$((failed + 1))
fi
rm -rf "$(dirname "$demo_db")"

echo "== installing Dyad as users do: scripts/test-install.sh"
install_log="$(mktemp)"
scripts/test-install.sh 2>&1 | tee "$install_log"
install_counts="$(grep -E '^install checks: [0-9]+ passed, [0-9]+ failed' "$install_log" | tail -1)"
if [ -n "$install_counts" ]; then
  passed=$((passed + $(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$install_counts")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$install_counts")))
else
  echo "scripts/test-install.sh ended without its counts; counting it as one failure."
  failed=$((failed + 1))
fi
rm -f "$install_log"

echo "== fuzzing the importers and the claim parser: scripts/fuzz.sh --seconds 45"
if scripts/fuzz.sh --seconds 45; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

failed=$((failed + failed_steps))
line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
