#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for the tests of the PostgreSQL store (and for trying Dyad on PostgreSQL
# without touching a real server). Uses Debian's postgresql package; nothing is installed or configured system-wide.
#
#   scripts/postgres-cluster.sh start DIR [PORT] [--durable]
#                                                  makes a cluster in DIR (trust auth, user dyad, loopback only) and
#                                                  prints its address: postgres://dyad@127.0.0.1:PORT/postgres; with
#                                                  --durable it syncs to disk as a real server does (for benchmarks)
#   scripts/postgres-cluster.sh stop DIR           stops it (DIR can then be removed)
set -euo pipefail
command="${1:?start DIR [PORT] | stop DIR}"
dir="${2:?the folder for the cluster}"
port="${3:-54329}"
fsync=off
[ "${4:-}" = "--durable" ] && fsync=on

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bindir/pg_ctl" ] || { echo "PostgreSQL's server is not installed (Debian: apt install postgresql)." >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user Debian's package made.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres "$dir"
      # The postgres user must reach the folder: its parents (a mktemp folder is private to root) may be passed through.
      parent="$(dirname "$(readlink -f "$dir")")"
      while [ "$parent" != "/" ]; do chmod o+x "$parent"; parent="$(dirname "$parent")"; done
    fi
    as_owner "$bindir/initdb" -D "$dir/data" -U dyad --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off unless --durable: a test cluster never needs to survive a power cut, and its tests run several times faster.
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://dyad@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: $0 start DIR [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
