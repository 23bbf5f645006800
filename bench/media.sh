#!/usr/bin/env bash
# Twinning media benchmark: resizing a 4000x3000 JPEG to 800 px (JPEG and WebP) and the same photo as a PNG, new
# variants per second with 2 requests at a time and the peak memory over the PNG ones; then a cached variant against
# the same bytes served as a plain static file (wrk), and the server's peak memory. Bounded durations; stops the
# server on any exit.
# Usage: bash bench/media.sh   (MISS_SECONDS, MISS_CONCURRENCY, WRK_DURATION, WRK_WARMUP, WRK_CONNECTIONS, WRK_THREADS, ROUNDS override the defaults)
# Full output goes to bench/results/media-latest.txt as well as to the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

MISS_SECONDS=${MISS_SECONDS:-15}
MISS_CONCURRENCY=${MISS_CONCURRENCY:-2}
WRK_DURATION=${WRK_DURATION:-10s}
WRK_WARMUP=${WRK_WARMUP:-3s}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
# Static and variant runs alternate this many times, so drift on a shared machine hits both alike.
ROUNDS=${ROUNDS:-3}
READY_TIMEOUT=${READY_TIMEOUT:-300}

mkdir -p bench/results
OUT=bench/results/media-latest.txt
exec > >(tee "$OUT") 2>&1

source bench/common.sh
SERVER_LOG=$(mktemp)
cleanup() { stop_server; rm -f "$SERVER_LOG"; }
trap cleanup EXIT
trap 'echo "Interrupted."; exit 130' INT TERM

need_tools wrk
machine_facts Twinning.Module bench
echo "tools:   $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the run"

section "Build (Release)"
dotnet build bench/Twinning.Bench/Twinning.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly
BIN=bench/Twinning.Bench/bin/Release/net10.0/Twinning.Bench

section "Resizing new variants ($MISS_CONCURRENCY at a time, $MISS_SECONDS s per format)"
PORT=${PORT:-5280}
while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
"$BIN" media --urls "http://127.0.0.1:$PORT" --seconds "$MISS_SECONDS" --concurrency "$MISS_CONCURRENCY" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
READY=""
for _ in $(seq $((READY_TIMEOUT * 10))); do
  READY=$(awk '$1 == "READY" {print; exit}' "$SERVER_LOG")
  [ -n "$READY" ] && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "The server exited before it was ready:"; cat "$SERVER_LOG"; exit 1; fi
  sleep 0.1
done
if [ -z "$READY" ]; then echo "Not ready within ${READY_TIMEOUT}s:"; tail -n 20 "$SERVER_LOG"; exit 1; fi
grep -E '^(source|MISS|MEMORY|cached variant)' "$SERVER_LOG"
VARIANT=$(awk '{print $2}' <<<"$READY")
STATIC=$(awk '{print $3}' <<<"$READY")
HWM_MISS=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")

for url in "$VARIANT" "$STATIC"; do
  code=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{content_type}' "$url")
  echo "check  GET ${url#http://127.0.0.1:$PORT} -> $code" | cut -c1-200
done

section "Cached variant against the same bytes as a plain static file (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, $ROUNDS rounds)"
rps() {
  timeout 120 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" "$1" >/dev/null
  local out
  out=$(timeout 300 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "$1")
  if grep -q 'Non-2xx' <<<"$out"; then echo "errors in the run:" >&2; echo "$out" >&2; exit 1; fi
  awk '/^Requests\/sec:/ {print $2}' <<<"$out"
}
STATIC_SUM=0; VARIANT_SUM=0
for round in $(seq "$ROUNDS"); do
  s=$(rps "$STATIC"); v=$(rps "$VARIANT")
  printf 'round %s: plain file %9.0f req/s   cached variant %9.0f req/s   ratio %.3f\n' "$round" "$s" "$v" "$(awk -v a="$v" -v b="$s" 'BEGIN {print a / b}')"
  STATIC_SUM=$(awk -v a="$STATIC_SUM" -v b="$s" 'BEGIN {print a + b}')
  VARIANT_SUM=$(awk -v a="$VARIANT_SUM" -v b="$v" 'BEGIN {print a + b}')
done
HWM_ALL=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
stop_server

section "RESULTS"
grep -E '^(source|MISS|MEMORY|cached variant)' "$SERVER_LOG"
awk -v s="$STATIC_SUM" -v v="$VARIANT_SUM" -v n="$ROUNDS" 'BEGIN {printf "SERVE plain file %.0f req/s, cached variant %.0f req/s, ratio %.3f (target >= 0.8)\n", s / n, v / n, v / s}'
awk -v a="$HWM_MISS" -v b="$HWM_ALL" 'BEGIN {printf "MEMORY server peak RSS (VmHWM) since the PNG variants began: %.0f MiB after resizing, %.0f MiB after serving\n", a / 1024, b / 1024}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "written to $OUT"
