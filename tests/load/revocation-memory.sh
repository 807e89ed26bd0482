#!/usr/bin/env bash
# Redis memory per revoked session: loads N revocations shaped as the server writes them (member
# "sid:" + 43-character base64url session id, score = unix expiry) into the revocation sorted set of a
# private redis-server, and reports used_memory before and after, and MEMORY USAGE of the key.
#
# Usage: tests/load/revocation-memory.sh [count]     (needs redis-server and redis-cli; default 100000)
set -euo pipefail

count=${1:-100000}
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 1; }
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes --dir "$work" --pidfile "$work/redis.pid" >/dev/null
trap 'kill "$(cat "$work/redis.pid")" 2>/dev/null || true; rm -rf "$work"' EXIT
cli() { redis-cli -h 127.0.0.1 -p "$port" "$@"; }
until cli ping 2>/dev/null | grep -q PONG; do sleep 0.1; done

used() { cli info memory | tr -d '\r' | awk -F: '$1 == "used_memory" { print $2 }'; }
before=$(used)
# 43 random base64url characters per id, generated inside Redis (one round trip per 10,000 entries).
load='
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
math.randomseed(tonumber(ARGV[2]))
for i = 1, tonumber(ARGV[1]) do
  local id = {}
  for j = 1, 43 do local k = math.random(1, 64); id[j] = string.sub(alphabet, k, k) end
  redis.call("ZADD", KEYS[1], tonumber(ARGV[3]) + i % 3600, "sid:" .. table.concat(id))
end
return redis.call("ZCARD", KEYS[1])'
expiry=$(( $(date +%s) + 3600 ))
left=$count; batch=0
while [ "$left" -gt 0 ]; do
  n=$(( left < 10000 ? left : 10000 ))
  cli eval "$load" 1 ciam:revocations "$n" "$batch" "$expiry" >/dev/null
  left=$(( left - n )); batch=$(( batch + 1 ))
done
after=$(used)
key=$(cli memory usage ciam:revocations samples 0)
cards=$(cli zcard ciam:revocations)
echo "redis $(cli info server | tr -d '\r' | awk -F: '$1 == "redis_version" { print $2 }'), $cards revoked sessions"
echo "used_memory: $before -> $after bytes, $(( (after - before) / cards )) bytes per revoked session"
echo "MEMORY USAGE ciam:revocations: $key bytes, $(( key / cards )) bytes per revoked session"
