#!/usr/bin/env bash
# The test command for CiamServer: ./test.sh [extra dotnet test arguments]
#   e.g. ./test.sh --filter Category=Protocol
#
# Starts a private PostgreSQL and Redis on free local ports (unless CIAM_TEST_POSTGRES /
# CIAM_TEST_REDIS already name ones to use), runs `dotnet test` once over the solution, stops
# everything again and prints "N passed, N failed" alone as the last line. Exits non-zero if the
# build or any test failed, or if no test ran at all.
#
# Overridable: PG_BIN (PostgreSQL binaries, default /usr/lib/postgresql/15/bin) and CHROMIUM
# (browser for the browser tests, default /usr/bin/chromium).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

say() { echo "test.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# Root installs packages directly; anyone else needs sudo (e.g. a CI runner user).
if [[ $(id -u) -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi

# PostgreSQL refuses to run as root, so as root its commands run as the postgres user;
# as any other user they run as that user.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A TCP port nobody listens on yet. Binding to port 0 lets the kernel choose; without python3,
# try random ports until one refuses connections.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

# --- Tools -------------------------------------------------------------------------------------
# Install only what is missing and actually needed, quietly, from the distribution's packages.
need=()
if [[ -z ${CIAM_TEST_REDIS:-} ]] && ! command -v redis-server >/dev/null; then need+=(redis-server); fi
if [[ ! -x $CHROMIUM ]]; then need+=(chromium); fi
if [[ -z ${CIAM_TEST_POSTGRES:-} && ! -d $PG_BIN ]]; then need+=(postgresql); fi
if ((${#need[@]})); then
  say "installing ${need[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null || die "dotnet is not on PATH (the SDK named in global.json is needed)"
[[ -x $CHROMIUM ]] || die "no browser at $CHROMIUM (set CHROMIUM to a Chromium or Chrome binary)"

# --- Temporary folder and clean-up ---------------------------------------------------------------
# Everything private lives in one folder: database files, sockets, pid files, logs, test results.
# 755 so the postgres user can reach its data directory inside it.
RUN=$(mktemp -d -t ciam-test.XXXXXX)
chmod 755 "$RUN"
pg_data=""     # set once we own a running PostgreSQL
redis_pid_file="$RUN/redis.pid"

# Stops what this script started. Silent and idempotent: it runs before the summary line on a
# normal exit and again from the trap, so nothing it prints can follow the summary.
stop_services() {
  if [[ -n $pg_data ]]; then
    # Tests that simulate outages may have stopped it already; then there is nothing to stop.
    as_pg "$PG_BIN/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$PG_BIN/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
    pg_data=""
  fi
  if [[ -f $redis_pid_file ]]; then
    local pid
    pid=$(cat "$redis_pid_file" 2>/dev/null || true)
    if [[ -n $pid ]] && kill "$pid" 2>/dev/null; then
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$redis_pid_file"
  fi
}
cleanup() {
  stop_services
  rm -rf "$RUN"
}
# On every exit, success or failure; signals become exits so the EXIT trap runs for them too.
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- PostgreSQL ----------------------------------------------------------------------------------
if [[ -n ${CIAM_TEST_POSTGRES:-} ]]; then
  say "using the PostgreSQL given in CIAM_TEST_POSTGRES"
else
  [[ -x $PG_BIN/initdb ]] || die "no PostgreSQL at $PG_BIN (set PG_BIN)"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "the postgres user is missing (install the postgresql package)"
    install -d -o postgres -g postgres -m 700 "$RUN/pg"
  else
    install -d -m 700 "$RUN/pg"
  fi
  pg_port=$(free_port)
  # Throw-away cluster: trust auth on loopback only, and no fsync since durability is irrelevant.
  as_pg "$PG_BIN/initdb" -D "$RUN/pg/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
  if ! as_pg "$PG_BIN/pg_ctl" -D "$RUN/pg/data" -l "$RUN/pg/log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $RUN/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    cat "$RUN/pg/log" >&2 || true
    die "PostgreSQL did not start"
  fi
  pg_data="$RUN/pg/data"
  for _ in $(seq 300); do "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break; sleep 0.1; done
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || die "PostgreSQL does not answer on port $pg_port"
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
  # Tests create their own databases. PG_BIN and PG_DATA let outage tests stop and start this
  # server with pg_ctl (as the owner of the data directory: postgres when this runs as root).
  export CIAM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  export CIAM_TEST_PG_BIN="$PG_BIN"
  export CIAM_TEST_PG_DATA="$pg_data"
fi

# --- Redis ---------------------------------------------------------------------------------------
if [[ -n ${CIAM_TEST_REDIS:-} ]]; then
  say "using the Redis given in CIAM_TEST_REDIS"
else
  redis_port=$(free_port)
  # In memory only: no snapshots, no append-only file.
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no \
    --daemonize yes --dir "$RUN" --pidfile "$redis_pid_file" --logfile "$RUN/redis.log"
  for _ in $(seq 300); do
    [[ $(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null) == PONG ]] && break
    sleep 0.1
  done
  [[ $(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null) == PONG ]] \
    || { cat "$RUN/redis.log" >&2 || true; die "Redis does not answer on port $redis_port"; }
  say "Redis $(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p') on 127.0.0.1:$redis_port"
  export CIAM_TEST_REDIS="127.0.0.1:$redis_port"
fi

export CIAM_TEST_CHROMIUM="$CHROMIUM"

# --- Geolocation database -------------------------------------------------------------------------
# A real .mmdb for the session-location tests: GeoLite2 Country as packaged by ip-location-db (npm),
# fetched once into a cache folder, never committed. A pinned version keeps the expected answers fixed.
if [[ -z ${CIAM_TEST_GEO_DB:-} ]]; then
  geo_cache="${XDG_CACHE_HOME:-$HOME/.cache}/ciam-test/geo"
  geo_db="$geo_cache/node_modules/@ip-location-db/geolite2-country-mmdb/geolite2-country.mmdb"
  if [[ ! -f $geo_db ]]; then
    command -v npm >/dev/null || { "${SUDO[@]}" apt-get update -qq; "${SUDO[@]}" apt-get install -y -qq --no-install-recommends npm >/dev/null; }
    mkdir -p "$geo_cache"
    npm install --prefix "$geo_cache" --silent --no-audit --no-fund @ip-location-db/geolite2-country-mmdb@2.3.2026061719 >/dev/null \
      || die "could not fetch the GeoLite2 test database with npm (set CIAM_TEST_GEO_DB to a .mmdb file)"
  fi
  export CIAM_TEST_GEO_DB="$geo_db"
fi

# --- Tests ---------------------------------------------------------------------------------------
# One run over the whole solution. A .trx file per test assembly gives exact counts to sum;
# the console output is shown and also kept in the log.
results="$RUN/results"
test_status=0
dotnet test CiamServer.sln -c Release \
  --logger "trx;LogFilePrefix=ciam" --results-directory "$results" "$@" 2>&1 \
  | tee "$RUN/dotnet-test.log" || test_status=$?

stop_services

# --- Summary -------------------------------------------------------------------------------------
# Sum the <Counters total=".." passed=".." failed=".." error=".." .../> of every .trx file.
# Tests with outcome "error" count as failed.
passed=0 failed=0 trx_files=0
counter() { # counter NAME COUNTERS-ELEMENT -> the attribute's value, 0 when absent
  local value
  value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")
  echo "${value:-0}"
}
while IFS= read -r -d '' trx; do
  trx_files=$((trx_files + 1))
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1 || true)
  passed=$((passed + $(counter passed "$counters")))
  failed=$((failed + $(counter failed "$counters") + $(counter error "$counters")))
done < <(find "$results" -name '*.trx' -print0 2>/dev/null)

status=0
if ((test_status != 0)); then say "dotnet test failed (exit code $test_status)"; status=1; fi
if ((trx_files == 0)); then say "no test results were written: no tests ran"; status=1
elif ((passed + failed == 0)); then say "no tests ran"; status=1; fi
if ((failed > 0)); then status=1; fi
echo "$passed passed, $failed failed"
exit "$status"
