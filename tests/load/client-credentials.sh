#!/usr/bin/env bash
# Load harness: client_credentials token requests per second against a published server on loopback,
# with the client-secret verification cache on and off (Ciam:Protocol:CacheClientSecretVerifications).
#
# Usage: CIAM_LOAD_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres" tests/load/client-credentials.sh [seconds] [connections]
# Needs wrk (apt-get install wrk) and a PostgreSQL server; the script creates its own database on it
# (the server's start-up migration creates it). Traffic goes to 127.0.0.1 only, bounded by the duration.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-20}
connections=${2:-16}
: "${CIAM_LOAD_POSTGRES:?set CIAM_LOAD_POSTGRES to an Npgsql connection string without Database}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; if [ -z "${KEEP_LOAD_WORK:-}" ]; then rm -rf "$work"; else echo "work folder: $work"; fi; }
trap cleanup EXIT

dotnet publish "$root/src/CiamServer/CiamServer.csproj" -c Release -o "$work/app" -v quiet -nologo >/dev/null
mkdir -p "$work/import" && cp "$here/load-tenant.json" "$work/import/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
database="ciam_load_$(date +%s)"

run() {
  local cache=$1
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Ciam__Hosting__AllowInsecureHttp=true \
  Ciam__Database__ConnectionString="$CIAM_LOAD_POSTGRES;Database=$database" \
  Ciam__Email__PickupDirectory="$work/mail" Ciam__Import__Path="$work/import" \
  Ciam__Protocol__CacheClientSecretVerifications="$cache" \
  Serilog__MinimumLevel__Default=Warning \
    bash -c "cd \"$work/app\" && exec dotnet CiamServer.dll" >"$work/server-$cache.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
  done
  local url="http://127.0.0.1:$port/t/load/connect/token"
  wrk -t2 -c"$connections" -d5s -s "$here/client-credentials.lua" "$url" >/dev/null   # warm-up (JIT, pools)
  printf 'cache=%-5s ' "$cache"
  wrk -t2 -c"$connections" -d"${seconds}s" -s "$here/client-credentials.lua" "$url" | tail -n 1
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

echo "client_credentials, ${seconds}s, $connections connections, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
run true
run false
