#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the backend suite and export its URL.
#
#   source .ci/postgres.sh      # .ci/run does this; exports STORYLINE_TEST_PG
#
# Uses Debian's package (installed here when missing and running as root). The cluster runs
# as a non-root user (postgres, as initdb refuses root) on a free port of 127.0.0.1, with trust
# auth and fsync off: test data only. Sourced, so it returns instead of exiting on failure.

_sl_pg_fail() { echo "ci/postgres: $*" >&2; return 1 2>/dev/null || exit 1; }

_sl_pg_start() {
  local bindir initdb
  initdb=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$initdb" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 || true
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [ -n "$initdb" ] || { _sl_pg_fail "initdb not found (apt-get install postgresql)"; return 1; }
  bindir=$(dirname "$(readlink -f "$initdb")")

  local run=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { _sl_pg_fail "running as root and no postgres user"; return 1; }
    run=(runuser -u postgres --)
  fi
  local dir port
  dir=$(mktemp -d /tmp/storyline-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${run[@]}" "$bindir/initdb" -D "$dir/data" -U storyline --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { _sl_pg_fail "initdb failed, see $dir/initdb.log"; return 1; }
  "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { _sl_pg_fail "server did not start, see $dir/server.log"; return 1; }
  export STORYLINE_TEST_PG="postgresql://storyline@127.0.0.1:$port/postgres"
  export STORYLINE_TEST_PG_DIR="$dir"
  echo "ci/postgres: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') at $STORYLINE_TEST_PG"
}

_sl_pg_start
