#!/usr/bin/env bash
# Twinning benchmarks: recipe provisioning on SQLite, then HTTP throughput and latency of the content API
# against a trivial endpoint in the same host. Bounded durations; stops the server on any exit.
# Usage: bash bench/run.sh      (RUNS, WRK_DURATION, WRK_WARMUP, WRK_CONNECTIONS, WRK_THREADS override the defaults)
# Full output goes to bench/results/latest.txt as well as to the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUNS=${RUNS:-10}
WRK_DURATION=${WRK_DURATION:-10s}
WRK_WARMUP=${WRK_WARMUP:-3s}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
READY_TIMEOUT=${READY_TIMEOUT:-120}

mkdir -p bench/results
OUT=bench/results/latest.txt
exec > >(tee "$OUT") 2>&1

SERVER_PID=""
SERVER_LOG=$(mktemp)
WORK=$(mktemp -d)
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "The server did not stop within 10 s; killing it."
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() { stop_server; rm -rf "$SERVER_LOG" "$WORK"; }
trap cleanup EXIT
trap 'echo "Interrupted."; exit 130' INT TERM

section() { printf '\n== %s ==\n' "$1"; }

# --- tools ------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v hyperfine >/dev/null; then
  echo "Installing wrk and hyperfine from Debian..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq wrk hyperfine >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk hyperfine >/dev/null; }
fi

section "Machine"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- Twinning.Module recipes 2>/dev/null || echo ' (+ uncommitted changes in Twinning.Module/recipes)')"
echo "cpu:     $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "memory:  $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "os:      $(. /etc/os-release && echo "$PRETTY_NAME")"
echo ".NET:    SDK $(dotnet --version)"
echo "tools:   $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2), $(hyperfine --version)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the run"

section "Build (Release)"
dotnet build bench/Twinning.Bench/Twinning.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly
BIN=bench/Twinning.Bench/bin/Release/net10.0/Twinning.Bench
echo "built $BIN"

# --- provisioning -----------------------------------------------------------------------------------------
section "Provisioning on SQLite (in-process, $RUNS runs)"
"$BIN" provision --runs "$RUNS" --warmup 1 --steps --sql | tee "$WORK/provision.txt"

section "Cold provisioning, whole process (hyperfine: start .NET, host, migrate, admin, recipe, exit)"
hyperfine --style basic --runs 5 --warmup 1 --export-csv "$WORK/cold.csv" \
  -n "provision --runs 1 --warmup 0" "$BIN provision --runs 1 --warmup 0"
COLD_MEAN=$(awk -F, 'NR==2 {printf "%.0f", $2*1000}' "$WORK/cold.csv")
COLD_MEDIAN=$(awk -F, 'NR==2 {printf "%.0f", $4*1000}' "$WORK/cold.csv")

# --- HTTP -------------------------------------------------------------------------------------------------
section "HTTP: serve"
PORT=${PORT:-5180}
while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BASE="http://127.0.0.1:$PORT"
START=$(date +%s.%N)
"$BIN" serve --urls "$BASE" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
ID=""
for _ in $(seq $((READY_TIMEOUT * 10))); do
  ID=$(awk '$1 == "READY" {print $2; exit}' "$SERVER_LOG")
  [ -n "$ID" ] && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "The server exited before it was ready:"; cat "$SERVER_LOG"; exit 1
  fi
  sleep 0.1
done
if [ -z "$ID" ]; then
  echo "The server was not ready within ${READY_TIMEOUT}s:"; cat "$SERVER_LOG"; exit 1
fi
echo "server pid $SERVER_PID on $BASE, ready after $(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}') s (start + migrate + provision), Gdańsk forum $ID"

TRIVIAL_URL="$BASE/bench/trivial"
ITEM_URL="$BASE/api/content/$ID"
for url in "$TRIVIAL_URL" "$ITEM_URL"; do
  code=$(curl -s -o "$WORK/body" -w '%{http_code}' "$url")
  echo "check  GET ${url#"$BASE"} -> $code, $(wc -c <"$WORK/body") bytes"
  if [ "$code" != 200 ]; then echo "Expected 200:"; head -c 600 "$WORK/body"; echo; exit 1; fi
done

# Latency column of wrk's distribution (us, ms, s) in milliseconds.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); printf "%.3f", v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); printf "%.3f", v} else if (v ~ /m$/) {sub(/m$/,"",v); printf "%.3f", v*60000} else if (v ~ /s$/) {sub(/s$/,"",v); printf "%.3f", v*1000}}'; }
# run_wrk NAME URL: warm-up, then the measured run; sets RPS_<NAME>, P50_<NAME>, P99_<NAME>, BAD_<NAME>.
run_wrk() {
  local name=$1 url=$2 out
  timeout 120 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" "$url" >/dev/null
  out=$(timeout 300 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "$url")
  echo "$out"
  printf -v "RPS_$name" '%s' "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  printf -v "P50_$name" '%s' "$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)"
  printf -v "P99_$name" '%s' "$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)"
  printf -v "BAD_$name" '%s' "$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out" | tr -d ',')"
}

section "wrk GET /bench/trivial (warm-up $WRK_WARMUP, then -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)"
run_wrk TRIVIAL "$TRIVIAL_URL"
section "wrk GET /api/content/$ID (warm-up $WRK_WARMUP, then -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)"
run_wrk ITEM "$ITEM_URL"

HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
stop_server

section "Server log"
cat "$SERVER_LOG"

# --- summary ----------------------------------------------------------------------------------------------
section "RESULTS"
grep -E '^(PROVISION|baseline:|municipal|host start|RATIO|CONTENT COST|SQL commands)' "$WORK/provision.txt"
echo "cold provision, whole process (hyperfine, 5 runs): mean ${COLD_MEAN} ms, median ${COLD_MEDIAN} ms"
echo
printf '%-34s %10s %9s %9s %7s\n' "HTTP (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)" "req/s" "p50 ms" "p99 ms" "errors"
printf '%-34s %10.0f %9.2f %9.2f %7s\n' "GET /bench/trivial" "$RPS_TRIVIAL" "$P50_TRIVIAL" "$P99_TRIVIAL" "$BAD_TRIVIAL"
printf '%-34s %10.0f %9.2f %9.2f %7s\n' "GET /api/content/{id}" "$RPS_ITEM" "$P50_ITEM" "$P99_ITEM" "$BAD_ITEM"
awk -v a="$RPS_ITEM" -v b="$RPS_TRIVIAL" -v p="$P99_ITEM" -v q="$P99_TRIVIAL" -v m="$P50_ITEM" -v n="$P50_TRIVIAL" 'BEGIN {
  printf "RATIO item/trivial req/s %.2f (%.1fx fewer requests/s)\n", a / b, b / a
  printf "p50 trivial %.2f ms vs item %.2f ms (%.1fx); p99 trivial %.2f ms vs item %.2f ms (%.1fx)\n", n, m, m / n, q, p, p / q }'
awk -v h="$HWM_KB" -v r="$RSS_KB" 'BEGIN { printf "server peak RSS (VmHWM) %.0f MiB; RSS at the end %.0f MiB\n", h / 1024, r / 1024 }'
echo "load average after the HTTP runs: $LOAD_AFTER"
echo
echo "written to $OUT"
