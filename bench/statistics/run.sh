#!/usr/bin/env bash
# The statistics endpoints against the bare SQL aggregates they send, side by side, at national
# scale (200,000 organizations and their status history from bench/list-queries/load.sql).
#
#   bench/statistics/run.sh          (after `dotnet build src/WebApi -c Debug`)
#
# 1. a throwaway PostgreSQL cluster (temp dir, free port), database "coopbench";
# 2. the API (the Debug build in src/WebApi/bin) migrates it once; an admin key is made;
# 3. bench/list-queries/load.sql loads BENCH_ROWS (200,000) organizations, VACUUM ANALYZE;
# 4. per case, BENCH_WARMUP (2) + BENCH_RUNS (11) rounds, interleaved (API then SQL, SQL then API):
#    API = curl's time_total of the GET; SQL = psql's client-side \timing of the EXECUTEs of
#    queries.sql that the call sends (summed), in a psql session per round;
# 5. prints a Markdown table (medians, ratio) and writes it to results-<date>.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

ROWS=${BENCH_ROWS:-200000}
RUNS=${BENCH_RUNS:-11}
WARMUP=${BENCH_WARMUP:-2}
OUT=${BENCH_OUT:-$HERE/results-$(date +%F).md}
DB=coopbench
DLL="$ROOT/src/WebApi/bin/Debug/net10.0/CoopApi.WebApi.dll"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
[ -f "$DLL" ] || die "build the API first: dotnet build src/WebApi -c Debug"

work=$(mktemp -d "${TMPDIR:-/tmp}/coopstats.XXXXXX")
chmod 0755 "$work"
cluster_datadir=""
api_pid=""
cleanup() {
    local rc=$?
    trap - EXIT
    [ -z "$api_pid" ] || { kill -TERM "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; }
    [ -z "$cluster_datadir" ] || pg_discard_cluster "$cluster_datadir" || true
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT

port=$(pg_free_port 55800)
pg_start_cluster "$work/pgdata" "$port" >/dev/null
cluster_datadir=$PG_DATADIR
port=$PG_PORT
pg_create_database "$port" "$DB"
PSQL=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$DB")
CONN="Host=127.0.0.1;Port=$port;Database=$DB;Username=postgres"

api_port=$(pg_free_port 58180)
(
    cd "$(dirname "$DLL")"
    export ConnectionStrings__Default="$CONN" Database__MigrateOnStartup=true Database__SeedDemoData=false
    export ASPNETCORE_URLS="http://127.0.0.1:$api_port" RateLimits__Enabled=false
    exec dotnet "$DLL"
) >"$work/api.log" 2>&1 </dev/null &
api_pid=$!
for _ in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$api_port/health/ready" || true)" = 200 ] && break
    kill -0 "$api_pid" 2>/dev/null || { tail -n 30 "$work/api.log" >&2; die "the API exited"; }
    sleep 1
done
say "API ready on $api_port; loading $ROWS organizations"
"${PSQL[@]}" -v rows="$ROWS" -f "$ROOT/bench/list-queries/load.sql" >"$work/load.log" </dev/null
"${PSQL[@]}" -c "VACUUM ANALYZE" </dev/null
key=$(cd "$(dirname "$DLL")" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$CONN" \
    dotnet "$DLL" create-admin-key --name "bench/statistics" 2>>"$work/api.log" </dev/null | tail -n 1)
orgs=$("${PSQL[@]}" -At -c "SELECT count(*) FROM cooperatives" </dev/null)
changes=$("${PSQL[@]}" -At -c "SELECT count(*) FROM status_changes" </dev/null)
today=$(TZ=Asia/Ho_Chi_Minh date +%F)
year=${today:0:4}

# id | API path | the EXECUTEs it sends
CASES=(
    "overview, national, today|overview|EXECUTE overview_today('$today'); EXECUTE ocop_all('$today');"
    "overview, province 79, asOf 2021-01-22 (history)|overview?provinceCode=79&asOf=2021-01-22|EXECUTE overview_asof_province('2021-01-22', '79'); EXECUTE ocop_province('2021-01-22', '79');"
    "establishments, national, $((year - 9))–$year|establishments?fromYear=$((year - 9))&toYear=$year|EXECUTE establishments_founded('$((year - 9))-01-01', '$((year + 1))-01-01'); EXECUTE establishments_changes('$((year - 9))-01-01', '$((year + 1))-01-01');"
    "by-area, level=province, today|by-area?level=province|EXECUTE by_province('$today'); EXECUTE ocop_by_province('$today'); EXECUTE provinces_all;"
)

api_ms() { curl -s -o /dev/null -w '%{time_total}' -H "X-Api-Key: $key" "http://127.0.0.1:$api_port/api/v1/statistics/$1" | awk '{printf "%.1f", $1 * 1000}'; }
sql_ms() {
    { cat "$HERE/queries.sql"; echo '\timing on'; echo "$1"; } | "${PSQL[@]}" -o /dev/null 2>&1 |
        sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk '{s += $1} END {printf "%.1f", s}'
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

{
    echo "| case | bare SQL median (ms) | API median (ms) | API ÷ SQL |"
    echo "| --- | --- | --- | --- |"
} >"$work/table.md"
: >"$work/runs.md"
for case in "${CASES[@]}"; do
    IFS='|' read -r name path sql <<<"$case"
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $key" "http://127.0.0.1:$api_port/api/v1/statistics/$path")
    [ "$status" = 200 ] || die "GET $path answered $status"
    for _ in $(seq 1 "$WARMUP"); do api_ms "$path" >/dev/null; sql_ms "$sql" >/dev/null; done
    a=""; s=""
    for i in $(seq 1 "$RUNS"); do
        if [ $((i % 2)) = 1 ]; then a+=" $(api_ms "$path")"; s+=" $(sql_ms "$sql")"; else s+=" $(sql_ms "$sql")"; a+=" $(api_ms "$path")"; fi
    done
    ma=$(median <<<"$a"); ms=$(median <<<"$s")
    ratio=$(awk -v a="$ma" -v s="$ms" 'BEGIN {printf "%.2f", a / s}')
    say "$name: SQL $ms ms, API $ma ms, ratio $ratio"
    echo "| $name | $ms | $ma | **${ratio}×** |" >>"$work/table.md"
    printf -- '- %s — SQL:%s; API:%s\n' "$name" "$s" "$a" >>"$work/runs.md"
done

{
    echo "# Statistics endpoints against their bare SQL aggregates ($(date +%F))"
    echo
    echo "Data: $orgs organizations, $changes status changes (\`bench/list-queries/load.sql\`), throwaway PostgreSQL"
    echo "cluster; the API (Debug build) with rate limits off, every request with an admin API key."
    echo "$WARMUP warm-ups, $RUNS interleaved rounds per case; API = curl \`time_total\`, SQL = psql \`\\timing\`"
    echo "of the statements of the call (summed). Target: API ÷ SQL at most 1.5×."
    echo
    cat "$work/table.md"
    echo
    echo "Runs (ms):"
    echo
    cat "$work/runs.md"
    echo
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
} | tee "$OUT"
