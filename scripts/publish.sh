#!/usr/bin/env bash
# Makes what users install: the .NET tool package (dotnet tool install --global Dyad) and self-contained downloads
# (one archive per platform, with the program as one file, the native libraries it loads, and the registry, gazetteer
# and sample data beside it), in artifacts/ or --out DIR.
#
#   scripts/publish.sh [--out DIR] [--version VERSION] [--rid RID]... [--no-tool] [--ready-to-run]
#
# --ready-to-run compiles the programs ahead of time (a command starts about a sixth of a second sooner), at two to
# three minutes of crossgen per platform on two cores; the test of the install leaves it off.
# Builds from a clean copy of the sources (never from a developer's bin/ and obj/), stamped with the commit.
# Platforms: linux-x64, linux-arm64, win-x64, osx-arm64 unless --rid names some.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$root/artifacts"; version=""; rids=(); tool=1; ready_to_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --rid) rids+=("$2"); shift 2 ;;
    --no-tool) tool=0; shift ;;
    --ready-to-run) ready_to_run=true; shift ;;
    *) echo "publish.sh: unknown option $1 (--out DIR, --version V, --rid RID, --no-tool, --ready-to-run)" >&2; exit 2 ;;
  esac
done
[ ${#rids[@]} -eq 0 ] && rids=(linux-x64 linux-arm64 win-x64 osx-arm64)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$out"; out="$(cd "$out" && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
src="$work/dyad"
mkdir -p "$src"
(cd "$root" && tar --exclude=bin --exclude=obj -cf - src data .editorconfig Directory.Build.props Directory.Packages.props global.json README.md CHANGELOG.md) | tar -xf - -C "$src"
properties=(-c Release --nologo -v quiet -p:DebugType=none -p:PublishDocumentationFiles=false -p:PublishReferencesDocumentationFiles=false)
commit="$(git -C "$root" rev-parse HEAD 2>/dev/null || true)"
[ -n "$commit" ] && properties+=(-p:SourceRevisionId="$commit")
[ -n "$version" ] && properties+=(-p:Version="$version")
project="$src/src/Dyad.Cli/Dyad.Cli.csproj"
version="${version:-$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")}"

if [ "$tool" -eq 1 ]; then
  echo "== the .NET tool package"
  dotnet pack "$project" "${properties[@]}" -o "$out" >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; exit 1; }
  echo "$out/Dyad.$version.nupkg"
fi

for rid in "${rids[@]}"; do
  echo "== self-contained $rid"
  name="dyad-$version-$rid"
  folder="$work/$name"
  # The native libraries stay beside the program rather than inside it: nothing to unpack on each start, and one can
  # see that they are there.
  if ! dotnet publish "$project" "${properties[@]}" -r "$rid" --self-contained true -p:PublishSingleFile=true -p:PublishReadyToRun=$ready_to_run \
       -o "$folder" >"$work/$rid.log" 2>&1; then
    cat "$work/$rid.log" >&2; exit 1
  fi
  find "$folder" \( -name '*.dbg' -o -name '*.pdb' -o -name '*.dwarf' \) -delete
  cp "$root/README.md" "$root/CHANGELOG.md" "$folder/"
  rm -f "$out/$name".*
  case "$rid" in
    win-*) (cd "$work" && zip -qr "$out/$name.zip" "$name"); echo "$out/$name.zip" ;;
    *) tar -C "$work" -czf "$out/$name.tar.gz" "$name"; echo "$out/$name.tar.gz" ;;
  esac
done
