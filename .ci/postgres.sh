#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the tests and the load scripts: nothing on the machine is
# touched except a temporary folder (and, when the binaries are missing, an apt install).
#
#   .ci/postgres.sh start [--fast]   prints the admin connection string, Host=127.0.0.1;Port=N;Username=postgres
#   .ci/postgres.sh stop             stops the server and removes its folder
#
# --fast turns fsync off: the tests kill API processes, never the database server, so they
# need no durability from it, and a 2-core machine spends less time in fsync. The load script
# leaves it out so that its figures include real commits.
#
# The folder is remembered in a state file (REFERRAL_PG_STATE, by default one per checkout under
# /tmp) so that `stop` finds it; two scripts that must run servers side by side set their own.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
state="${REFERRAL_PG_STATE:-${TMPDIR:-/tmp}/referral-postgres.$(printf %s "$repo" | cksum | cut -d' ' -f1).state}"

# PostgreSQL refuses to run as root; as anyone else it runs as that user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# PostgreSQL 15, the version the project supports, when it is there; otherwise the newest installed.
bin_dir() {
  local initdb
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then echo /usr/lib/postgresql/15/bin; return; fi
  initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$initdb" ] && dirname "$initdb"
}

install_postgres() {
  [ "$(id -u)" -eq 0 ] || { echo "PostgreSQL is not installed and only root can install it (apt-get install postgresql-15)" >&2; exit 1; }
  echo "Installing PostgreSQL with apt..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # The Debian package starts a cluster of its own on 5432; the tests never use it, so stop it.
  apt-get install -y -qq postgresql-15 >&2 || apt-get install -y -qq postgresql >&2
  if command -v pg_ctlcluster >/dev/null; then
    pg_lsclusters -h 2>/dev/null | while read -r version name _; do pg_ctlcluster "$version" "$name" stop >&2 || true; done
  fi
}

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    local port
    while :; do
      port=$((20000 + RANDOM % 20000))
      ss -ltn "sport = :$port" 2>/dev/null | grep -q LISTEN || { echo "$port"; return; }
    done
  fi
}

start() {
  local fast=false
  [ "${1:-}" = "--fast" ] && fast=true
  if [ -f "$state" ] && [ -d "$(cat "$state")" ]; then
    echo "A server from this checkout is still running in $(cat "$state"): run '$0 stop' first" >&2
    exit 1
  fi
  [ -n "$(bin_dir)" ] || install_postgres
  local bin folder port
  bin="$(bin_dir)"
  [ -n "$bin" ] || { echo "initdb not found under /usr/lib/postgresql after installing" >&2; exit 1; }
  folder="$(mktemp -d "${TMPDIR:-/tmp}/referral-pg.XXXXXX")"
  echo "$folder" >"$state"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$folder"; fi
  # pg_ctl and initdb resolve the current folder, which postgres may not be allowed to read.
  cd "$folder"

  as_owner "$bin/initdb" -D "$folder/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
    || as_owner "$bin/initdb" -D "$folder/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$folder/initdb.log" 2>&1 \
    || { cat "$folder/initdb.log" >&2; exit 1; }
  # Trust, but only over loopback and over a socket in a folder only postgres can enter.
  cat >"$folder/data/pg_hba.conf" <<HBA
local all all               trust
host  all all 127.0.0.1/32  trust
HBA
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$folder'"
    # Two API instances and every test class's own connection pool at once.
    echo "max_connections = 300"
    if $fast; then echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"; fi
  } >>"$folder/data/postgresql.conf"

  # A port found free can be taken before the server binds it: try a few.
  for _ in 1 2 3 4 5; do
    port="$(free_port)"
    if as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
      for _ in $(seq 1 120); do
        if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
          echo "$port" >"$folder/port"
          echo "Host=127.0.0.1;Port=$port;Username=postgres"
          return
        fi
        sleep 0.5
      done
      echo "PostgreSQL started but never became ready:" >&2
      cat "$folder/server.log" >&2
      exit 1
    fi
    grep -q "could not bind" "$folder/server.log" 2>/dev/null || break
  done
  echo "PostgreSQL did not start:" >&2
  cat "$folder/server.log" >&2 2>/dev/null || true
  exit 1
}

stop() {
  [ -f "$state" ] || return 0
  local folder bin
  folder="$(cat "$state")"
  bin="$(bin_dir)"
  if [ -d "$folder/data" ] && [ -n "$bin" ]; then
    (cd "$folder" && as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1) || true
  fi
  case "$folder" in "${TMPDIR:-/tmp}"/referral-pg.*) rm -rf "$folder" ;; esac
  rm -f "$state"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start [--fast] | stop" >&2; exit 2 ;;
esac
