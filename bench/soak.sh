#!/usr/bin/env bash
# Soak: mixed anonymous reads at 32 connections with a writer saving drafts of one forum beside them, for
# SOAK_DURATION (default 10 minutes), against the bench host (the real module over SQLite with 1,000 added items).
# Counts 5xx answers of readers and writer and samples the server's memory every 30 s, so a leak shows as memory
# that keeps growing. Bounded in time; loopback only; stops the server on any exit.
# Usage: bash bench/soak.sh     (SOAK_DURATION=600s, SOAK_CONNECTIONS=32, SOAK_ITEMS=1000 override the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

SOAK_DURATION=${SOAK_DURATION:-600s}
SOAK_CONNECTIONS=${SOAK_CONNECTIONS:-32}
SOAK_ITEMS=${SOAK_ITEMS:-1000}
READY_TIMEOUT=${READY_TIMEOUT:-900}

mkdir -p bench/results
OUT=bench/results/soak-latest.txt
exec > >(tee "$OUT") 2>&1

source bench/common.sh
SERVER_LOG=$(mktemp)
WORK=$(mktemp -d)
WRITER_PID=""
SAMPLER_PID=""
cleanup() {
  for pid in $WRITER_PID $SAMPLER_PID; do kill "$pid" 2>/dev/null || true; done
  stop_server; rm -rf "$SERVER_LOG" "$WORK"
}
trap cleanup EXIT
trap 'echo "Interrupted."; exit 130' INT TERM

need_tools wrk
machine_facts Twinning.Module recipes
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the run"

section "Build (Release)"
dotnet build bench/Twinning.Bench/Twinning.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly
BIN=bench/Twinning.Bench/bin/Release/net10.0/Twinning.Bench

section "Serve ($SOAK_ITEMS added items)"
PORT=${PORT:-5190}
while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BASE="http://127.0.0.1:$PORT"
# An API client for the writer, with a secret made for this run only.
SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
"$BIN" serve --urls "$BASE" --items "$SOAK_ITEMS" \
  --Twinning:Api:Clients:0:ClientId=soak-writer --Twinning:Api:Clients:0:ClientSecret="$SECRET" \
  --Twinning:Api:Clients:0:Roles:0=Administrator >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
id=""
for _ in $(seq $((READY_TIMEOUT * 10))); do
  id=$(awk '$1 == "READY" {print $2; exit}' "$SERVER_LOG")
  [ -n "$id" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "The server exited before it was ready:"; cat "$SERVER_LOG"; exit 1; }
  sleep 0.1
done
[ -n "$id" ] || { echo "The server was not ready within ${READY_TIMEOUT}s"; tail -n 20 "$SERVER_LOG"; exit 1; }
echo "server pid $SERVER_PID on $BASE, Gdańsk forum $id"

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
GRAPHQL="/api/graphql?query=$(urlencode '{ forum(first: 20, orderBy: { displayText: ASC }) { contentItemId displayText startDate list { contentItems { displayText } } partnerCities { contentItems { ... on PartnerCity { displayText country } } } } }')"

# The readers: a mix of what front ends send, half of it uncached, each thread counting 5xx answers.
cat >"$WORK/mix.lua" <<EOF
local paths = {
  "/api/content/$id",
  "/api/content?contentType=Forum&culture=pl-PL&take=20&orderBy=displayText:asc",
  "/api/content?contentType=PartnerCity&take=50",
  "$GRAPHQL",
  "/api/twinning/forums.ics",
  "/api/twinning/partner-cities.geojson",
  "/api/twinning/jsonld/$id",
  "/health",
}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) n = 0; errors5xx = 0 end
function request()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  if n % 2 == 0 then return wrk.format("GET", path, { ["Cache-Control"] = "no-cache" }) end
  return wrk.format("GET", path)
end
function response(status, headers, body) if status >= 500 then errors5xx = errors5xx + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("errors5xx") end
  io.write(string.format("5xx answers to readers: %d\n", total))
end
EOF
for path in "/api/content/$id" "/api/twinning/forums.ics" "/api/twinning/partner-cities.geojson" "/api/twinning/jsonld/$id" "$GRAPHQL"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
  echo "check  GET ${path:0:60} -> $code"
  [ "$code" = 200 ] || { echo "Expected 200"; exit 1; }
done

# The writer: drafts of the Gdańsk forum's title, one after another, for the whole soak; every answer counted.
TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=soak-writer -d client_secret="$SECRET" "$BASE/connect/token" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
SECONDS_TOTAL=$(( ${SOAK_DURATION%s} ))
( end=$((SECONDS + SECONDS_TOTAL)); n=0
  while [ $SECONDS -lt $end ]; do
    n=$((n + 1))
    curl -s -o /dev/null -w '%{http_code}\n' -X POST "$BASE/api/content?draft=true" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' \
      -d "{\"ContentItemId\":\"$id\",\"TitlePart\":{\"Title\":\"Polsko-Białoruskie Forum Miast Partnerskich (wersja $n)\"}}" >>"$WORK/writes.txt"
    sleep 0.2
  done ) &
WRITER_PID=$!
# Memory of the server every 30 s (resident set, MiB).
( while kill -0 "$SERVER_PID" 2>/dev/null; do
    awk -v t="$(date +%s)" '/VmRSS/ {printf "%s %.0f\n", t, $2/1024}' "/proc/$SERVER_PID/status" >>"$WORK/rss.txt"; sleep 30
  done ) &
SAMPLER_PID=$!

section "Soak: wrk -t2 -c$SOAK_CONNECTIONS -d$SOAK_DURATION (mixed reads) + a writer saving drafts"
timeout $((SECONDS_TOTAL + 120)) wrk -t2 -c"$SOAK_CONNECTIONS" -d"$SOAK_DURATION" --timeout 10s --latency -s "$WORK/mix.lua" "$BASE" | tee "$WORK/wrk.txt"
wait "$WRITER_PID" || true
WRITER_PID=""

section "Results"
echo "writes: $(wc -l <"$WORK/writes.txt") drafts saved; answers by status: $(sort "$WORK/writes.txt" | uniq -c | awk '{printf "%s x%s  ", $2, $1}')"
echo "5xx answers to the writer: $(grep -c '^5' "$WORK/writes.txt" || true)"
grep '5xx answers to readers' "$WORK/wrk.txt"
echo "server memory (RSS, MiB) every 30 s:"
start=$(head -n 1 "$WORK/rss.txt" | cut -d' ' -f1)
awk -v s="$start" '{printf "  %4ds %6s\n", $1 - s, $2}' "$WORK/rss.txt"
echo "health after the soak: $(curl -s "$BASE/health")"
