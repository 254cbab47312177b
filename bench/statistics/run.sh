#!/usr/bin/env bash
# The statistics endpoints and the classification distribution against the bare SQL they send,
# side by side, on the national data set (bench/national). Target per case: API ÷ SQL ≤ 1.5×.
#
#   bench/statistics/run.sh                 standalone: its own throwaway cluster and data
#   BENCH_PGHOST=… BENCH_PGPORT=… BENCH_PGUSER=… BENCH_TEMPLATE_DB=coopnational bench/statistics/run.sh
#                                           on a running server (bench/run.sh): a database of its own
#                                           made with CREATE DATABASE … TEMPLATE, dropped at the end
#
# Follows THE BENCH CONTRACT of bench/run.sh: each figure is one line on stdout,
#   FIGURE statistics.<case>.ratio | <API ÷ SQL>× bare SQL (API <ms> ms, SQL <ms> ms) | ≤ 1.50× | met|missed
#   FIGURE statistics.rss.peak | <MB> MB | < 300 MB | met|missed
# everything else goes to stderr.
#
# 1. the database: standalone, a throwaway cluster (temp dir, free port), database "coopbench",
#    migrated by the API's `migrate` command, then bench/national/load.sh (200,000 organizations,
#    ~2 million yearly rows; BENCH_NATIONAL_ROWS); with BENCH_TEMPLATE_DB a copy of that template;
# 2. the API (BENCH_CONFIGURATION, default Release; built unless BENCH_NO_BUILD=1) started from its
#    dll, rate limits off, an admin key from its create-admin-key command;
# 3. per case, BENCH_WARMUP (2) + BENCH_RUNS (11) rounds, interleaved (API then SQL, SQL then API):
#    API = curl's time_total of the GET; SQL = psql's client-side \timing of the EXECUTEs of
#    queries.sql that the call sends (summed), in a psql session per round;
#    BENCH_QUICK=1: 1 warm-up, 5 rounds;
# 4. peak RSS of the API (VmHWM of /proc/<pid>/status) after the last case;
# 5. a Markdown report to stderr and to results-<date>.md (BENCH_OUT).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

CONFIG=${BENCH_CONFIGURATION:-Release}
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then RUNS=${BENCH_RUNS:-5}; WARMUP=${BENCH_WARMUP:-1}; else RUNS=${BENCH_RUNS:-11}; WARMUP=${BENCH_WARMUP:-2}; fi
OUT=${BENCH_OUT:-$HERE/results-$(date +%F).md}
TARGET=1.5
DLL="$ROOT/src/WebApi/bin/$CONFIG/net10.0/CoopApi.WebApi.dll"

say() { printf '[statistics] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
case $CONFIG in Release | Debug) ;; *) die "BENCH_CONFIGURATION must be Release or Debug (got '$CONFIG')" ;; esac
command -v curl >/dev/null 2>&1 || die "curl is needed"
pg_find_bindir >/dev/null || die "no PostgreSQL binaries"

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    say "building src/WebApi ($CONFIG)"
    dotnet build "$ROOT/src/WebApi" -c "$CONFIG" -nologo -v q >&2 || die "the build failed"
fi
[ -f "$DLL" ] || die "no $DLL: build the API (dotnet build src/WebApi -c $CONFIG)"

work=$(mktemp -d "${TMPDIR:-/tmp}/coopstats.XXXXXX")
chmod 0755 "$work"
cluster_datadir=""
api_pid=""
shared_db=""
cleanup() {
    local rc=$?
    trap - EXIT
    [ -z "$api_pid" ] || { kill -TERM "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; }
    if [ -n "$shared_db" ]; then
        "$PG_BINDIR/psql" -X -q -h "$host" -p "$port" -U "$user" -d postgres \
            -c "DROP DATABASE IF EXISTS \"$shared_db\" WITH (FORCE)" </dev/null >&2 || say "warning: could not drop $shared_db"
    fi
    [ -z "$cluster_datadir" ] || pg_discard_cluster "$cluster_datadir" || true
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT

if [ -n "${BENCH_TEMPLATE_DB:-}" ]; then
    host=${BENCH_PGHOST:?BENCH_PGHOST is needed with BENCH_TEMPLATE_DB}
    port=${BENCH_PGPORT:?BENCH_PGPORT is needed with BENCH_TEMPLATE_DB}
    user=${BENCH_PGUSER:?BENCH_PGUSER is needed with BENCH_TEMPLATE_DB}
    DB="coopstats_$$"
    say "copying template $BENCH_TEMPLATE_DB into $DB"
    shared_db=$DB
    "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d postgres \
        -c "CREATE DATABASE \"$DB\" TEMPLATE \"$BENCH_TEMPLATE_DB\"" </dev/null >&2
else
    host=127.0.0.1 user=postgres DB=coopbench
    port=$(pg_free_port 55800)
    pg_start_cluster "$work/pgdata" "$port" throwaway >/dev/null
    cluster_datadir=$PG_DATADIR
    port=$PG_PORT
    pg_create_database "$port" "$DB"
fi
PSQL=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d "$DB")
CONN="Host=$host;Port=$port;Database=$DB;Username=$user"

if [ -z "${BENCH_TEMPLATE_DB:-}" ]; then
    say "migrating $DB"
    (cd "$(dirname "$DLL")" && ConnectionStrings__Default="$CONN" Database__SeedDemoData=false dotnet "$DLL" migrate) \
        >"$work/migrate.log" 2>&1 </dev/null || { tail -n 20 "$work/migrate.log" >&2; die "migrate failed"; }
    PG_BINDIR=$PG_BINDIR "$ROOT/bench/national/load.sh" "$host" "$port" "$user" "$DB" >/dev/null
fi

key=$(cd "$(dirname "$DLL")" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$CONN" \
    dotnet "$DLL" create-admin-key --name "bench/statistics" 2>>"$work/api.log" </dev/null | tail -n 1)
[ -n "$key" ] || die "create-admin-key gave no key"
api_port=$(pg_free_port 58180)
(
    cd "$(dirname "$DLL")"
    export ConnectionStrings__Default="$CONN" Database__MigrateOnStartup=false Database__SeedDemoData=false
    export ASPNETCORE_URLS="http://127.0.0.1:$api_port" RateLimits__Enabled=false
    exec dotnet "$DLL"
) >>"$work/api.log" 2>&1 </dev/null &
api_pid=$!
for _ in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$api_port/health/ready" || true)" = 200 ] && break
    kill -0 "$api_pid" 2>/dev/null || { tail -n 30 "$work/api.log" >&2; die "the API exited"; }
    sleep 1
done
say "API ($CONFIG) ready on $api_port"
orgs=$("${PSQL[@]}" -At -c "SELECT count(*) FROM cooperatives" </dev/null)
changes=$("${PSQL[@]}" -At -c "SELECT count(*) FROM status_changes" </dev/null)
classifications=$("${PSQL[@]}" -At -c "SELECT count(*) FROM classifications" </dev/null)
today=$(TZ=Asia/Ho_Chi_Minh date +%F)
year=${today:0:4}
past=2021-01-22

# id | label | API path | the EXECUTEs it sends (one batch)
CASES=(
    "overview-national|overview, national, today|overview|EXECUTE overview_today('$today'); EXECUTE ocop_all('$today'); EXECUTE provinces_none;"
    "overview-national-asof|overview, national, asOf $past (status history)|overview?asOf=$past|EXECUTE overview_asof('$past'); EXECUTE ocop_all('$past'); EXECUTE provinces_none;"
    "overview-province|overview, province 79, today|overview?provinceCode=79|EXECUTE overview_province('$today', '79'); EXECUTE ocop_province('$today', '79'); EXECUTE provinces_none;"
    "overview-province-asof|overview, province 79, asOf $past (status history)|overview?provinceCode=79&asOf=$past|EXECUTE overview_asof_province('$past', '79'); EXECUTE ocop_province('$past', '79'); EXECUTE provinces_none;"
    "establishments|establishments, national, $((year - 9))–$year|establishments?fromYear=$((year - 9))&toYear=$year|EXECUTE establishments_founded('$((year - 9))-01-01', '$((year + 1))-01-01'); EXECUTE establishments_changes('$((year - 9))-01-01', '$((year + 1))-01-01');"
    "by-area|by-area, level=province, today|by-area?level=province|EXECUTE by_province('$today'); EXECUTE ocop_by_province('$today'); EXECUTE provinces_all;"
    "classifications-national|classification distribution, national, 2016–2025|classifications?fromYear=2016&toYear=2025|EXECUTE dist_national(2016, 2025);"
    "classifications-province|classification distribution, province 79, 2016–2025|classifications?fromYear=2016&toYear=2025&provinceCode=79|EXECUTE dist_province(2016, 2025, '79');"
)
if [ -n "${BENCH_STATISTICS_CASES:-}" ]; then
    selected=()
    for case in "${CASES[@]}"; do
        [[ " $BENCH_STATISTICS_CASES " == *" ${case%%|*} "* ]] && selected+=("$case")
    done
    CASES=("${selected[@]}")
fi

api_ms() { curl -s -o /dev/null -w '%{time_total}' -H "X-Api-Key: $key" "http://127.0.0.1:$api_port/api/v1/statistics/$1" | awk '{printf "%.1f", $1 * 1000}'; }
sql_ms() {
    { cat "$HERE/queries.sql"; echo '\timing on'; echo "$1"; } | "${PSQL[@]}" -o /dev/null 2>&1 |
        sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk '{s += $1} END {printf "%.1f", s}'
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

{
    echo "| case | bare SQL median (ms) | API median (ms) | API ÷ SQL |"
    echo "| --- | ---: | ---: | ---: |"
} >"$work/table.md"
: >"$work/runs.md"
for case in "${CASES[@]}"; do
    IFS='|' read -r id name path sql <<<"$case"
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $key" "http://127.0.0.1:$api_port/api/v1/statistics/$path")
    if [ "$status" != 200 ]; then
        say "GET $path answered $status"
        echo "FIGURE statistics.$id.ratio | failed (HTTP $status) | ≤ ${TARGET}0× | missed"
        continue
    fi
    for _ in $(seq 1 "$WARMUP"); do api_ms "$path" >/dev/null; sql_ms "$sql" >/dev/null; done
    a=""; s=""
    for i in $(seq 1 "$RUNS"); do
        if [ $((i % 2)) = 1 ]; then a+=" $(api_ms "$path")"; s+=" $(sql_ms "$sql")"; else s+=" $(sql_ms "$sql")"; a+=" $(api_ms "$path")"; fi
    done
    ma=$(median <<<"$a"); ms=$(median <<<"$s")
    ratio=$(awk -v a="$ma" -v s="$ms" 'BEGIN {printf "%.2f", a / s}')
    verdict=$(awk -v r="$ratio" -v t="$TARGET" 'BEGIN {print (r <= t) ? "met" : "missed"}')
    say "$name: SQL $ms ms, API $ma ms, ratio $ratio ($verdict)"
    echo "FIGURE statistics.$id.ratio | ${ratio}× bare SQL (API $ma ms, SQL $ms ms) | ≤ ${TARGET}0× | $verdict"
    echo "| $name | $ms | $ma | **${ratio}×** |" >>"$work/table.md"
    printf -- '- %s — SQL:%s; API:%s\n' "$name" "$s" "$a" >>"$work/runs.md"
done

hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$api_pid/status" 2>/dev/null || echo 0)
rss_mb=$((hwm_kb / 1024))
echo "FIGURE statistics.rss.peak | $rss_mb MB | < 300 MB | $([ "$rss_mb" -lt 300 ] && echo met || echo missed)"

{
    echo "# Statistics endpoints against their bare SQL aggregates ($(date +%F))"
    echo
    echo "Data: $orgs organizations, $changes status changes, $classifications classifications (\`bench/national\`),"
    echo "$([ -n "${BENCH_TEMPLATE_DB:-}" ] && echo "a copy of template \`$BENCH_TEMPLATE_DB\`" || echo "a throwaway cluster");"
    echo "the API ($CONFIG build) with rate limits off, every request with an admin API key."
    echo "$WARMUP warm-ups, $RUNS interleaved rounds per case; API = curl \`time_total\`, SQL = psql \`\\timing\`"
    echo "of the statements of the call (summed). Target: API ÷ SQL at most ${TARGET}×. API peak RSS (VmHWM): $rss_mb MB."
    echo
    cat "$work/table.md"
    echo
    echo "Runs (ms):"
    echo
    cat "$work/runs.md"
    echo
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
} >"$OUT"
cat "$OUT" >&2
