#!/usr/bin/env bash
# The whole demo on the embedded defaults (no external services): the server on http://localhost:5000, the
# sample API on http://localhost:5200 and the sample web app on http://localhost:5100. Open the web app: it sends
# you to the hosted sign-in page (the demo user is printed), then "Call the API" shows what the API read from
# the access token. Ctrl+C stops all three.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Built one after the other first: three "dotnet run" building the shared projects at once would collide.
for project in src/CiamServer src/CiamServer.Samples.Api src/CiamServer.Samples.WebApp; do
  dotnet build "$project" -v quiet -nologo
done
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT INT TERM
dotnet run --no-build --project src/CiamServer & pids+=($!)
for _ in $(seq 240); do curl -fs http://localhost:5000/health/live >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs http://localhost:5000/health/live >/dev/null 2>&1 || { echo "the server did not start (see its output above)" >&2; exit 1; }
dotnet run --no-build --project src/CiamServer.Samples.Api >/dev/null & pids+=($!)
dotnet run --no-build --project src/CiamServer.Samples.WebApp >/dev/null & pids+=($!)
for _ in $(seq 240); do curl -s -o /dev/null http://localhost:5100/ 2>/dev/null && break; sleep 0.5; done
echo
echo "Sample web app: http://localhost:5100  (sign in as demo@example.com / development-only-demo-password)"
wait
