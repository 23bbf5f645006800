#!/usr/bin/env bash
# Twinning benchmarks: recipe provisioning on SQLite, then HTTP throughput and latency of the content API
# against a trivial endpoint in the same host. Bounded durations; stops the server on any exit.
# Usage: bash bench/run.sh      (RUNS, WRK_DURATION, WRK_WARMUP, WRK_CONNECTIONS, WRK_THREADS override the defaults)
# A subset: HTTP_ROWS=lists (the trivial endpoint, the REST list and the admin's content lists only), HTTP_ROWS=admin
# (those and the admin's edit page and picker search), SKIP_PROVISION=1, DATA_DIR=dir (each size's site kept in dir/N
# and grown only the first time); BENCH_ONLY=admin is HTTP_ROWS=admin SKIP_PROVISION=1. See bench/README.md.
# Full output goes to bench/results/latest.txt as well as to the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUNS=${RUNS:-10}
# The administrator the bench's setup creates (BenchSettings.AdminPassword), for the admin pages.
ADMIN_PASSWORD=$(sed -n 's/.*AdminPassword = "\(.*\)";.*/\1/p' bench/Twinning.Bench/BenchSettings.cs)
WRK_DURATION=${WRK_DURATION:-10s}
WRK_WARMUP=${WRK_WARMUP:-3s}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
READY_TIMEOUT=${READY_TIMEOUT:-900}
# Added content items for the HTTP runs (on top of the sample site): small and large.
HTTP_SIZES=${HTTP_SIZES:-"1000 100000"}
# "all", "lists" (the trivial endpoint, the uncached REST list of 20 and the admin's content lists only) or "admin"
# (as "lists", with the admin's edit page and the content picker's search).
HTTP_ROWS=${HTTP_ROWS:-all}
SKIP_PROVISION=${SKIP_PROVISION:-0}
if [ "${BENCH_ONLY:-}" = admin ]; then HTTP_ROWS=admin; SKIP_PROVISION=1; fi
case "$HTTP_ROWS" in all|lists|admin) ;; *) echo "HTTP_ROWS must be all, lists or admin, not '$HTTP_ROWS'"; exit 2 ;; esac
DATA_DIR=${DATA_DIR:-}

mkdir -p bench/results
OUT=bench/results/latest.txt
exec > >(tee "$OUT") 2>&1

source bench/common.sh
SERVER_LOG=$(mktemp)
WORK=$(mktemp -d)
cleanup() { stop_server; rm -rf "$SERVER_LOG" "$WORK"; }
trap cleanup EXIT
trap 'echo "Interrupted."; exit 130' INT TERM

need_tools wrk hyperfine
machine_facts Twinning.Module recipes
echo "tools:   $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2), $(hyperfine --version)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the run"

section "Build (Release)"
dotnet build bench/Twinning.Bench/Twinning.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly
BIN=bench/Twinning.Bench/bin/Release/net10.0/Twinning.Bench
echo "built $BIN"

# --- provisioning -----------------------------------------------------------------------------------------
if [ "$SKIP_PROVISION" != 1 ]; then
  section "Provisioning on SQLite (in-process, $RUNS runs)"
  "$BIN" provision --runs "$RUNS" --warmup 1 --steps --sql | tee "$WORK/provision.txt"

  section "Cold provisioning, whole process (hyperfine: start .NET, host, migrate, admin, recipe, exit)"
  hyperfine --style basic --runs 5 --warmup 1 --export-csv "$WORK/cold.csv" \
    -n "provision --runs 1 --warmup 0" "$BIN provision --runs 1 --warmup 0"
  COLD_MEAN=$(awk -F, 'NR==2 {printf "%.0f", $2*1000}' "$WORK/cold.csv")
  COLD_MEDIAN=$(awk -F, 'NR==2 {printf "%.0f", $4*1000}' "$WORK/cold.csv")

  section "Importing content: a recipe of 250, 1,000 and 4,000 items, the time per item against the smallest"
  "$BIN" import --sizes 250,1000,4000 2>/dev/null | grep -v -e '^warn:' -e 'No XML encryptor'
fi

# --- HTTP -------------------------------------------------------------------------------------------------
# Latency column of wrk's distribution (us, ms, s) in milliseconds.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); printf "%.3f", v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); printf "%.3f", v} else if (v ~ /m$/) {sub(/m$/,"",v); printf "%.3f", v*60000} else if (v ~ /s$/) {sub(/s$/,"",v); printf "%.3f", v*1000}}'; }
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
# run_wrk LABEL URL [ETAG]: warm-up, then the measured run; appends a row to $WORK/http.txt.
run_wrk() {
  local label=$1 url=$2 etag=${3:-} extra=${4:-} out header=()
  [ -n "$etag" ] && header=(-H "If-None-Match: $etag")
  [ -n "$extra" ] && header+=(-H "$extra")
  timeout 120 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" "${header[@]}" "$url" >/dev/null
  out=$(timeout 300 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "${header[@]}" "$url")
  echo "$out"
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
  # A 304 counts as success for revalidation runs; wrk reports only non-2xx/3xx.
  bad=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out" | tr -d ',')
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$rps" "$p50" "$p99" "$bad" >>"$WORK/http-$ITEMS.txt"
}
etag_of() { curl -s -D - -o /dev/null "$1" | awk 'tolower($1) == "etag:" {sub(/\r$/, "", $2); print $2}'; }
sql_count() { curl -s "$BASE/bench/sql-count" | sed -E 's/.*"commands":([0-9]+).*/\1/'; }

# http_suite ITEMS: a fresh site grown to ITEMS content items, every endpoint under load, uncached and revalidated.
http_suite() {
  ITEMS=$1
  : >"$WORK/http-$ITEMS.txt"
  section "HTTP with $ITEMS added content items: serve"
  PORT=${PORT:-5180}
  while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
  BASE="http://127.0.0.1:$PORT"
  local start id=""
  start=$(date +%s.%N)
  local kept=()
  [ -n "$DATA_DIR" ] && kept=(--data "$DATA_DIR/$ITEMS")
  "$BIN" serve --urls "$BASE" --items "$ITEMS" "${kept[@]}" >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq $((READY_TIMEOUT * 10))); do
    id=$(awk '$1 == "READY" {print $2; exit}' "$SERVER_LOG")
    [ -n "$id" ] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "The server exited before it was ready:"; cat "$SERVER_LOG"; exit 1
    fi
    sleep 0.1
  done
  if [ -z "$id" ]; then echo "The server was not ready within ${READY_TIMEOUT}s:"; tail -n 20 "$SERVER_LOG"; exit 1; fi
  echo "server pid $SERVER_PID on $BASE, ready after $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.0f", e - s}') s (start, migrate, provision, seed), Gdańsk forum $id"

  local graphql20 graphql5 graphqlnewest list20
  graphql20="$BASE/api/graphql?query=$(urlencode '{ forum(first: 20, orderBy: { displayText: ASC }) { contentItemId displayText startDate venue list { contentItems { displayText } } partnerCities { contentItems { ... on PartnerCity { displayText country } } } } }')"
  graphql5="$BASE/api/graphql?query=$(urlencode '{ forum(first: 5, orderBy: { displayText: ASC }) { contentItemId displayText startDate venue list { contentItems { displayText } } partnerCities { contentItems { ... on PartnerCity { displayText country } } } } }')"
  # No orderBy: GraphQL's default order, the newest items first (CreatedUtc descending, as in Orchard Core).
  graphqlnewest="$BASE/api/graphql?query=$(urlencode '{ forum(first: 20) { contentItemId displayText createdUtc } }')"
  list20="$BASE/api/content?contentType=Forum&culture=pl-PL&take=20&orderBy=displayText:asc"
  for url in "$BASE/bench/trivial" "$BASE/api/content/$id" "$list20" "$graphql20" "$graphqlnewest"; do
    code=$(curl -s -o "$WORK/body" -w '%{http_code}' "$url")
    echo "check  GET ${url#"$BASE"} -> $code, $(wc -c <"$WORK/body") bytes" | cut -c1-160
    if [ "$code" != 200 ] || grep -q '"errors"' "$WORK/body"; then echo "Expected 200 without errors:"; head -c 600 "$WORK/body"; echo; exit 1; fi
  done

  # The floor answers the GraphQL list with the least work this host allows; it must give the same bytes.
  curl -s -H "Cache-Control: no-cache" -o "$WORK/graphql.json" "$graphql20"
  curl -s -o "$WORK/floor.json" "$BASE/bench/floor-forums"
  if ! cmp -s "$WORK/graphql.json" "$WORK/floor.json"; then echo "The floor's answer differs from GraphQL's:"; head -c 300 "$WORK/floor.json"; echo; exit 1; fi
  echo "check  GET /bench/floor-forums -> the same $(wc -c <"$WORK/floor.json") bytes as the GraphQL list"

  # Queries per request must not grow with the page size.
  local before after sql5 sql20
  local nocache=(-H "Cache-Control: no-cache")
  before=$(sql_count); curl -s "${nocache[@]}" -o /dev/null "$graphql5"; after=$(sql_count); sql5=$((after - before))
  before=$(sql_count); curl -s "${nocache[@]}" -o /dev/null "$graphql20"; after=$(sql_count); sql20=$((after - before))
  before=$(sql_count); curl -s "${nocache[@]}" -o /dev/null "$list20"; after=$(sql_count)
  echo "SQL commands per request: GraphQL first 5 = $sql5, first 20 = $sql20; REST list of 20 = $((after - before))" | tee "$WORK/sql-$ITEMS.txt"

  section "wrk ($ITEMS items): trivial, item, list of 20, GraphQL 20 forums with panels and cities, then each revalidated"
  run_wrk "GET /bench/trivial" "$BASE/bench/trivial"
  # "Cache-Control: no-cache" makes the server build every answer: the uncached read path.
  [ "$HTTP_ROWS" = all ] && run_wrk "REST item by id, uncached" "$BASE/api/content/$id" "" "Cache-Control: no-cache"
  run_wrk "REST list of 20, uncached" "$list20" "" "Cache-Control: no-cache"
  # The REST list at the depth of the admin's middle page below (all content, 50,000 items skipped): the same skip.
  [ "$HTTP_ROWS" != all ] && run_wrk "REST list of 20, all types, skip 50,000" "$BASE/api/content?take=20&skip=50000" "" "Cache-Control: no-cache"
  if [ "$HTTP_ROWS" = all ]; then
  run_wrk "GraphQL 20 forums + panels + cities, uncached" "$graphql20" "" "Cache-Control: no-cache"
  run_wrk "the same answer, least work (floor), uncached" "$BASE/bench/floor-forums" "" "Cache-Control: no-cache"
  run_wrk "GraphQL 20 newest forums, uncached" "$graphqlnewest" "" "Cache-Control: no-cache"
  # The same reads as anonymous visitors send them: answered from the server's cache.
  run_wrk "REST item by id, server cache" "$BASE/api/content/$id"
  run_wrk "REST list of 20, server cache" "$list20"
  run_wrk "GraphQL 20 forums, server cache" "$graphql20"
  run_wrk "REST item by id, If-None-Match (304)" "$BASE/api/content/$id" "$(etag_of "$BASE/api/content/$id")"
  run_wrk "REST list of 20, If-None-Match (304)" "$list20" "$(etag_of "$list20")"
  run_wrk "GraphQL 20 forums, If-None-Match (304)" "$graphql20" "$(etag_of "$graphql20")"
  fi

  # The editors' admin, signed in as the bench's administrator (the session cookie sent with every request): the content
  # list of all items and of forums (20 a page, the most recently changed first), and the edit page of the Gdańsk forum.
  local jar="$WORK/admin-cookies.txt" token cookie status
  token=$(curl -s -c "$jar" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  code=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "userName=admin" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/login")
  # curl's cookie jar marks HttpOnly cookies (the session's) with a "#HttpOnly_" prefix rather than as comments.
  cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk -F'\t' 'NF >= 7 && $1 !~ /^#/ {printf "%s%s=%s", sep, $6, $7; sep = "; "}')
  # A content picker's search as an editor types in it: the first 20 partner cities whose title contains "Miasto".
  local choices="$BASE/admin/content/choices?field=Forum.PartnerCities&q=Miasto"
  for url in "$BASE/admin/content" "$BASE/admin/content?type=Forum" "$BASE/admin/content/edit/$id" "$choices"; do
    status=$(curl -s -H "Cookie: $cookie" -o "$WORK/body" -w '%{http_code}' "$url")
    echo "check  GET ${url#"$BASE"} signed in (sign-in answered $code) -> $status, $(wc -c <"$WORK/body") bytes"
    if [ "$status" != 200 ]; then echo "Expected 200 from the admin:"; head -c 600 "$WORK/body"; echo; exit 1; fi
  done
  run_wrk "admin: all content, page 1 of 20" "$BASE/admin/content" "" "Cookie: $cookie"
  run_wrk "admin: forums, page 1 of 20" "$BASE/admin/content?type=Forum" "" "Cookie: $cookie"
  run_wrk "admin: forums, page 50 of 20" "$BASE/admin/content?type=Forum&p=50" "" "Cookie: $cookie"
  if [ "$HTTP_ROWS" != all ]; then
    # The lists at 100,000 items beyond the bench's rows: the middle and the last page of all content, a title search
    # that matches a fifth of the items, and one that matches a single item (the Gdańsk forum).
    run_wrk "admin: all content, page 2,500 of 20" "$BASE/admin/content?p=2500" "" "Cookie: $cookie"
    run_wrk "admin: all content, page 5,000 of 20" "$BASE/admin/content?p=5000" "" "Cookie: $cookie"
    run_wrk "admin: all content, title search" "$BASE/admin/content?q=forum" "" "Cookie: $cookie"
    run_wrk "admin: all content, search, 1 match" "$BASE/admin/content?q=Bia%C5%82oruskie" "" "Cookie: $cookie"
  fi
  : >"$WORK/edit-$ITEMS.txt"
  if [ "$HTTP_ROWS" != lists ]; then
    run_wrk "admin: edit page of the Gdansk forum" "$BASE/admin/content/edit/$id" "" "Cookie: $cookie"
    run_wrk "admin: picker search, 20 partner cities" "$choices" "" "Cookie: $cookie"
    # Server time of one edit page at a time: wrk with one connection, so the latency is the server's own work.
    local single sql_before sql_after edit_bytes
    single=$(timeout 120 wrk -t1 -c1 -d"$WRK_DURATION" --latency -H "Cookie: $cookie" "$BASE/admin/content/edit/$id")
    echo "$single"
    sql_before=$(sql_count)
    edit_bytes=$(curl -s -H "Cookie: $cookie" "$BASE/admin/content/edit/$id" | wc -c)
    sql_after=$(sql_count)
    echo "admin edit page of the Gdansk forum, one connection: p50 $(awk '$1 == "50%" {print $2}' <<<"$single" | to_ms) ms, p99 $(awk '$1 == "99%" {print $2}' <<<"$single" | to_ms) ms; $edit_bytes bytes, $((sql_after - sql_before)) SQL commands" >"$WORK/edit-$ITEMS.txt"
  fi

  HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
  echo "server peak RSS (VmHWM) $(awk -v h="$HWM_KB" 'BEGIN {printf "%.0f", h / 1024}') MiB" >"$WORK/mem-$ITEMS.txt"
  stop_server
}

for items in $HTTP_SIZES; do
  http_suite "$items"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- summary ----------------------------------------------------------------------------------------------
section "RESULTS"
if [ "$SKIP_PROVISION" != 1 ]; then
  grep -E '^(PROVISION|baseline:|municipal|host start|RATIO|CONTENT COST|SQL commands)' "$WORK/provision.txt"
  echo "cold provision, whole process (hyperfine, 5 runs): mean ${COLD_MEAN} ms, median ${COLD_MEDIAN} ms"
  echo
fi
for items in $HTTP_SIZES; do
  echo "HTTP with $items added items (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION; ratio = req/s against the trivial endpoint)"
  awk -F'\t' 'NR == 1 {base = $2} {printf "  %-46s %9.0f req/s  ratio %5.3f  p50 %7.2f ms  p99 %7.2f ms  errors %s\n", $1, $2, $2 / base, $3, $4, $5}' "$WORK/http-$items.txt"
  echo "  $(cat "$WORK/sql-$items.txt")"
  echo "  $(cat "$WORK/mem-$items.txt")"
  echo "  $(cat "$WORK/edit-$items.txt")"
done
echo "load average after the HTTP runs: $LOAD_AFTER"
echo
echo "written to $OUT"
