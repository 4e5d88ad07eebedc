#!/usr/bin/env bash
# Installs Dyad as a user would and checks it works with no repository in sight: packs the .NET tool and installs it
# into a temporary tool path; runs 'dyad --version', 'dyad doctor' and 'dyad demo' from another folder; adds a user
# alias, installs a newer package over the old one, and checks that the alias survived and the shipped registry did
# not change; publishes the self-contained builds and runs the linux-x64 one's demo with no .NET SDK on the PATH; and
# checks what the Windows and macOS (and linux-arm64) archives hold, though they cannot run here.
# Prints one line per check, and last: "install checks: N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
passed=0; failed=0
check() { # check NAME COMMAND...: runs the command, its output in $work/last.log
  local name="$1"; shift
  if "$@" >"$work/last.log" 2>&1; then
    echo "ok: $name"; passed=$((passed + 1))
  else
    echo "FAILED: $name"; sed 's/^/    /' "$work/last.log" | tail -20; failed=$((failed + 1))
  fi
}
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")"
# The next patch version, as a pre-release: newer than this one, and never mistaken for a real release.
newer="$(awk -F. '{ print $1 "." $2 "." ($3 + 1) }' <<<"${version%%-*}")-test.1"
artifacts="$work/artifacts"; newer_feed="$work/newer"; tools="$work/tools"
elsewhere="$work/elsewhere"; mkdir -p "$elsewhere"
# A user's own Dyad folder and configuration, with nothing in them yet (HOME stays: dotnet keeps its packages there).
export DYAD_HOME="$work/home/dyad" XDG_CONFIG_HOME="$work/home/config"
mkdir -p "$work/home"
unset DYAD_DATA DYAD_DB DYAD_REGISTRY DYAD_CONFIG DYAD_COMMAND
shipped_before="$(sha256sum "$root/data/registry/actors.json")"

check "publish.sh makes the tool package and the four platforms' archives" \
  "$root/scripts/publish.sh" --out "$artifacts"
check "publish.sh makes a newer tool package" "$root/scripts/publish.sh" --out "$newer_feed" --version "$newer" --rid linux-x64

# The tool, installed from the local package, run from a folder with no repository.
cd "$elsewhere"
check "dotnet tool install Dyad from the package" dotnet tool install Dyad --add-source "$artifacts" --tool-path "$tools" --version "$version"
dyad="$tools/dyad"
check "dyad --version says the version and the commit" bash -c "'$dyad' --version | grep -E '^$version \\(commit [0-9a-f]{12}\\)$'"
check "dyad doctor: all is well (exit 0)" "$dyad" doctor
check "dyad demo from another folder" bash -c "'$dyad' demo --db '$work/demo/demo.duckdb' > '$work/demo.log'"
check "the demo suggests 'dyad', not './dyad'" bash -c "grep -q '  dyad stats' '$work/demo.log' && ! grep -q '\./dyad' '$work/demo.log'"
check "a command with no --db opens the store in the user's folder and says so" \
  bash -c "'$dyad' stats 2>&1 | grep -F 'dyad: store $DYAD_HOME/dyad.duckdb (the default'"
check "a dyad.json in the current folder names the store" \
  bash -c "mkdir -p '$work/project' && cd '$work/project' && echo '{\"db\": \"team.duckdb\"}' > dyad.json && '$dyad' stats 2>&1 | grep -F 'dyad: store $work/project/team.duckdb (./dyad.json'"

# A user's alias survives an upgrade, and what ships is left as it was.
check "dyad actors add-alias writes to the user's layer" \
  bash -c "'$dyad' actors add-alias iskp 'Invented Khorasan Cell' | grep -F '$DYAD_HOME/registry/actors.json'"
check "dotnet tool update to a newer package" dotnet tool update Dyad --add-source "$newer_feed" --tool-path "$tools" --version "$newer"
check "the newer Dyad runs" bash -c "'$dyad' --version | grep -F '$newer'"
check "the user's alias survived the upgrade" bash -c "'$dyad' actors resolve 'Invented Khorasan Cell' | grep -F iskp"
check "the installed registry has no user alias" bash -c "! grep -rl 'Invented Khorasan Cell' '$tools/.store'"
check "the repository's registry is untouched" bash -c "[ \"\$(sha256sum '$root/data/registry/actors.json')\" = '$shipped_before' ]"

# The self-contained linux-x64 build, with no .NET on the PATH.
mkdir -p "$work/linux-x64" "$work/emptybin"
check "the linux-x64 archive unpacks" tar -xzf "$artifacts/dyad-$version-linux-x64.tar.gz" -C "$work/linux-x64"
standalone="$work/linux-x64/dyad-$version-linux-x64/dyad"
check "no dotnet on the PATH the self-contained build runs with" bash -c "! PATH='$work/emptybin' command -v dotnet"
check "the self-contained build: dyad --version" env -i HOME="$work/home" DYAD_HOME="$work/sc-home" PATH="$work/emptybin" "$standalone" --version
check "the self-contained build: dyad demo" env -i HOME="$work/home" DYAD_HOME="$work/sc-home" PATH="$work/emptybin" "$standalone" demo --db "$work/sc-demo/demo.duckdb"

# What the other archives hold: the program, its native libraries, and the data beside it.
holds() { # holds ARCHIVE ENTRY...: every entry is in the archive
  local archive="$1"; shift; local listing
  case "$archive" in *.zip) listing="$(unzip -Z1 "$archive")" ;; *) listing="$(tar -tzf "$archive")" ;; esac
  for entry in "$@"; do grep -qx "[^/]*/$entry" <<<"$listing" || { echo "$archive lacks $entry"; return 1; }; done
}
data=(registry/actors.json registry/leaders.json registry/turns.json gazetteer/admin-units.json gazetteer/places.json
  samples/ucdp/ged231_afghanistan_pakistan.csv wwwroot/app.js README.md CHANGELOG.md)
check "linux-x64 holds dyad, DuckDB, LightGBM and the data" holds "$artifacts/dyad-$version-linux-x64.tar.gz" dyad libduckdb.so lib_lightgbm.so "${data[@]}"
check "linux-arm64 holds dyad, DuckDB and the data" holds "$artifacts/dyad-$version-linux-arm64.tar.gz" dyad libduckdb.so "${data[@]}"
check "win-x64 holds dyad.exe, DuckDB, LightGBM and the data" holds "$artifacts/dyad-$version-win-x64.zip" dyad.exe duckdb.dll lib_lightgbm.dll "${data[@]}"
check "osx-arm64 holds dyad, DuckDB and the data" holds "$artifacts/dyad-$version-osx-arm64.tar.gz" dyad libduckdb.dylib "${data[@]}"

echo "install checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
