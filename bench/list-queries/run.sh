#!/usr/bin/env bash
# Are the list endpoint's queries backed by indexes at national scale?
#
#   bench/list-queries/run.sh
#
# 1. starts a throwaway PostgreSQL cluster (temp dir, free port), database "coopbench";
# 2. builds the API and runs it once with migrations on, so the schema and the reference data
#    (34 provinces, 3,321 communes) are the real ones; stops it when /health/ready answers 200;
# 3. loads BENCH_ROWS (200,000) synthetic organizations and their status history (load.sql),
#    then VACUUM ANALYZE;
# 4. runs each list query (queries.sql: the SQL EF Core sends, as prepared statements; the one
#    without parameters as text) under
#    EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON), BENCH_WARMUP (3) + BENCH_RUNS (15) times per
#    variant: "indexed" (default planner settings) and "scan" (index, index-only and bitmap
#    scans disabled), interleaved in the same session so that machine noise hits both alike;
# 5. prints a Markdown report and writes it to bench/list-queries/results-<date>.md.
#
# Environment: BENCH_ROWS, BENCH_RUNS, BENCH_WARMUP, BENCH_OUT (report path),
# BENCH_KEEP=1 (keep the temp dir; the cluster is still stopped).
# Needs: dotnet (SDK 10), curl, jq (installed with apt-get when missing), PostgreSQL server
# binaries (scripts/lib/postgres.sh finds or installs them). Runs as root or as a normal user.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

ROWS=${BENCH_ROWS:-200000}
RUNS=${BENCH_RUNS:-15}
WARMUP=${BENCH_WARMUP:-3}
KEEP=${BENCH_KEEP:-0}
DAY=$(date +%F)
OUT=${BENCH_OUT:-$HERE/results-$DAY.md}
DB=coopbench
FILTER_PROVINCE=79 # Thành phố Hồ Chí Minh: the province with the most communes
FILTER_STATUS=active
DEEP_OFFSET=2000   # page 101 of 20

say() { printf '[bench] %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}

for v in ROWS RUNS WARMUP; do
    [[ ${!v} =~ ^[0-9]+$ ]] && [ "${!v}" -ge 1 ] || die "BENCH_$v must be a positive integer (got '${!v}')"
done
command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found: install the .NET 10 SDK"
command -v curl >/dev/null 2>&1 || pg_apt_install curl || die "'curl' is needed"
command -v jq >/dev/null 2>&1 || pg_apt_install jq || die "'jq' is needed"
pg_find_bindir >/dev/null || die "no PostgreSQL server binaries"

# --- temp dir, cleanup ------------------------------------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/coopbench.XXXXXX")
chmod 0755 "$work" # the postgres user (when we are root) must reach the data directory
datadir="$work/pgdata"
cluster_datadir=""
api_pid=""

alive() {
    kill -0 "$1" 2>/dev/null || return 1
    [ -r "/proc/$1/stat" ] || return 0
    [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]
}

# `dotnet run` and the processes it started (the app), children first.
api_tree() {
    local p=$1 c
    if [ -r "/proc/$p/task/$p/children" ]; then
        for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do api_tree "$c"; done
    elif command -v ps >/dev/null 2>&1; then
        for c in $(ps -o pid= --ppid "$p" 2>/dev/null); do api_tree "$c"; done
    fi
    printf '%s\n' "$p"
}

stop_api() {
    local pids p waited=0
    [ -n "$api_pid" ] || return 0
    if alive "$api_pid"; then
        pids=$(api_tree "$api_pid" | tr '\n' ' ')
        say "stopping the API (pids $pids)"
        # shellcheck disable=SC2086
        kill -TERM $pids 2>/dev/null || true
        while [ $waited -lt 300 ]; do
            local any=0
            for p in $pids; do alive "$p" && any=1; done
            [ $any = 0 ] && break
            sleep 0.1
            waited=$((waited + 1))
        done
        for p in $pids; do alive "$p" && kill -KILL "$p" 2>/dev/null; done
    fi
    wait "$api_pid" 2>/dev/null || true
    api_pid=""
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_api || true
    if [ "$KEEP" = 1 ]; then
        [ -z "$cluster_datadir" ] || pg_stop_cluster "$cluster_datadir" || true
        say "kept $work"
    else
        [ -z "$cluster_datadir" ] || pg_discard_cluster "$cluster_datadir"
        rm -rf "$work"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. cluster --------------------------------------------------------------------------------

port=$(pg_free_port 55700)
pg_start_cluster "$datadir" "$port" >/dev/null
cluster_datadir=$PG_DATADIR
port=$PG_PORT
pg_create_database "$port" "$DB"
PSQL=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$DB")
psql_value() { "${PSQL[@]}" -At -c "$1" </dev/null; }

# --- 2. schema from the API's migrations ------------------------------------------------------

say "building the API (Release)"
if ! (cd "$ROOT" && dotnet build src/WebApi -c Release -nologo) >"$work/build.log" 2>&1 </dev/null; then
    tail -n 40 "$work/build.log" >&2
    die "dotnet build failed"
fi

api_port=$(pg_free_port 58080)
say "running the API once on 127.0.0.1:$api_port to migrate the database"
(
    cd "$ROOT"
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=$DB;Username=postgres"
    export Database__MigrateOnStartup=true Database__SeedDemoData=false
    export ASPNETCORE_URLS="http://127.0.0.1:$api_port"
    exec dotnet run --project src/WebApi -c Release --no-build
) >"$work/api.log" 2>&1 </dev/null &
api_pid=$!
deadline=$((SECONDS + 180))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$api_port/health/ready" || true)" = 200 ]; do
    if ! alive "$api_pid"; then
        tail -n 40 "$work/api.log" >&2
        die "the API exited before /health/ready answered 200"
    fi
    if [ $SECONDS -ge $deadline ]; then
        tail -n 40 "$work/api.log" >&2
        die "/health/ready did not answer 200 within 180 s"
    fi
    sleep 1
done
say "API ready; schema migrated"
stop_api

provinces=$(psql_value "SELECT count(*) FROM provinces")
communes=$(psql_value "SELECT count(*) FROM communes")
[ "$provinces" -gt 0 ] && [ "$communes" -gt 0 ] || die "no reference data after the migration"
[ "$(psql_value "SELECT count(*) FROM cooperatives")" = 0 ] || die "cooperatives is not empty after the migration"

# --- 3. data -----------------------------------------------------------------------------------

say "loading $ROWS organizations"
"${PSQL[@]}" -v rows="$ROWS" -f "$HERE/load.sql" >"$work/load.log" </dev/null
mapfile -t load_ms < <(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$work/load.log")
[ ${#load_ms[@]} = 2 ] || die "unexpected output from load.sql: $(cat "$work/load.log")"
t0=$(date +%s%N)
"${PSQL[@]}" -c "VACUUM ANALYZE" </dev/null
vacuum_ms=$((($(date +%s%N) - t0) / 1000000))

coops=$(psql_value "SELECT count(*) FROM cooperatives")
changes=$(psql_value "SELECT count(*) FROM status_changes")
[ "$coops" = "$ROWS" ] || die "expected $ROWS organizations, found $coops"
trgm_bytes=$(psql_value "SELECT pg_relation_size('ix_cooperatives_search_text')")
sizes=$(psql_value "SELECT pg_size_pretty(pg_relation_size('ix_cooperatives_search_text')) || '|' ||
    pg_size_pretty(pg_table_size('cooperatives')) || '|' || pg_size_pretty(pg_indexes_size('cooperatives'))")
IFS='|' read -r trgm_pretty table_pretty indexes_pretty <<<"$sizes"

# Parameters taken from the data: the first 6 digits of a code in the middle of the register.
code_fragment=$(psql_value "SELECT left(registration_code, 6) FROM cooperatives
    WHERE registration_code IS NOT NULL ORDER BY registration_code
    OFFSET (SELECT count(registration_code) / 2 FROM cooperatives) LIMIT 1")
[[ $code_fragment =~ ^[0-9]{6}$ ]] || die "no registration code found"
expected_cai_kinh=$(psql_value "SELECT count(*) FROM cooperatives WHERE name LIKE '%Cai Kinh%'")
expected_dong_tam=$(psql_value "SELECT count(*) FROM cooperatives WHERE name LIKE '%Đồng Tâm%'")

# --- 4. benchmark -----------------------------------------------------------------------------

# id | what the API call is | statement (EXECUTE of a prepared statement from queries.sql, or SQL)
QUERIES=(
    "Q1c|Q1 \`q=cai kinh\` count|EXECUTE search2_count('cai', 'kinh')"
    "Q1p|Q1 \`q=cai kinh\` page 1|EXECUTE search2_page('cai', 'kinh', 20, 0)"
    "Q2c|Q2 \`q=$code_fragment\` (code fragment) count|EXECUTE search1_count('$code_fragment')"
    "Q2p|Q2 \`q=$code_fragment\` page 1|EXECUTE search1_page('$code_fragment', 20, 0)"
    "Q3c|Q3 \`provinceCode=$FILTER_PROVINCE&status=$FILTER_STATUS\` count|EXECUTE filter_count('$FILTER_STATUS', '$FILTER_PROVINCE')"
    "Q3p|Q3 same, page 1 sorted by name|EXECUTE filter_page('$FILTER_STATUS', '$FILTER_PROVINCE', 20, 0)"
    "Q4c|Q4 count (no filter: the whole register)|SELECT count(*)::int FROM cooperatives AS c"
    "Q4p|Q4 \`sort=-charterCapital&page=$((DEEP_OFFSET / 20 + 1))\` (OFFSET $DEEP_OFFSET)|EXECUTE capital_desc_page(20, $DEEP_OFFSET)"
    "Q5c|Q5 \`q=đồng tâm\` count|EXECUTE search2_count('đồng', 'tâm')"
    "Q5p|Q5 \`q=đồng tâm\` page 1|EXECUTE search2_page('đồng', 'tâm', 20, 0)"
    "Q6c|Q6 \`q=kinh\` (a common word: \"kinh doanh\") count|EXECUTE search1_count('kinh')"
    "Q6p|Q6 \`q=kinh\` page 1|EXECUTE search1_page('kinh', 20, 0)"
    "Q7c|Q7 \`q=an\` (2 letters: no trigram) count|EXECUTE search1_count('an')"
    "Q7p|Q7 \`q=an\` page 1|EXECUTE search1_page('an', 20, 0)"
)
# The API request each pair (count + page) comes from.
declare -A REQUESTS=(
    [Q1]="Q1 \`GET /api/v1/cooperatives?q=cai kinh\`"
    [Q2]="Q2 \`?q=$code_fragment\`"
    [Q3]="Q3 \`?provinceCode=$FILTER_PROVINCE&status=$FILTER_STATUS\`"
    [Q4]="Q4 \`?sort=-charterCapital&page=$((DEEP_OFFSET / 20 + 1))\`"
    [Q5]="Q5 \`?q=đồng tâm\`"
    [Q6]="Q6 \`?q=kinh\`"
    [Q7]="Q7 \`?q=an\`"
)
statement_of() { # id -> its statement in QUERIES
    local q
    for q in "${QUERIES[@]}"; do
        if [ "${q%%|*}" = "$1" ]; then
            printf '%s\n' "${q##*|}"
            return 0
        fi
    done
    return 1
}
GENERIC_IDS="Q1c Q1p Q3p Q6p"
GENERIC_RUNS=5
SCAN_ON='SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;'
SCAN_OFF='RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan;'
# Npgsql runs EF Core's queries as unnamed statements, planned with the actual values: force
# the same here (a cached generic plan would also ignore the SET enable_* of the baseline).
# JIT off: compile time is not what is compared (these plans stay under jit_above_cost anyway).
SESSION='SET plan_cache_mode = force_custom_plan; SET jit = off;'

plans="$work/plans"
mkdir -p "$plans"
total=$((WARMUP + RUNS))
{
    printf '%s\n' "$SESSION"
    cat "$HERE/queries.sql"
    for ((r = 1; r <= total; r++)); do
        # A B, then B A: neither variant always runs right after the other.
        if ((r % 2)); then order="indexed scan"; else order="scan indexed"; fi
        for q in "${QUERIES[@]}"; do
            IFS='|' read -r id _ exec <<<"$q"
            for v in $order; do
                if [ "$v" = scan ]; then printf '%s\n' "$SCAN_ON"; fi
                printf '\\o %s/%s.%s.%03d.json\n' "$plans" "$id" "$v" "$r"
                printf 'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) %s;\n\\o\n' "$exec"
                if [ "$v" = scan ]; then printf '%s\n' "$SCAN_OFF"; fi
            done
        done
    done
} >"$work/bench.sql"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
say "running ${#QUERIES[@]} queries × 2 variants × ($WARMUP warm-up + $RUNS measured)"
"${PSQL[@]}" -At -f "$work/bench.sql" >"$work/bench.log" </dev/null
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)

# Results of each query in both variants, to show that the baseline answers the same.
{
    printf '%s\n' "$SESSION"
    cat "$HERE/queries.sql"
    for q in "${QUERIES[@]}"; do
        IFS='|' read -r id _ exec <<<"$q"
        printf '\\o %s/%s.indexed.out\n%s;\n\\o\n' "$plans" "$id" "$exec"
        printf '%s\n\\o %s/%s.scan.out\n%s;\n\\o\n%s\n' "$SCAN_ON" "$plans" "$id" "$exec" "$SCAN_OFF"
    done
    # Diacritics: the same search typed with, without and in capitals (the fold lowers too).
    printf '\\o %s/fold.out\n' "$plans"
    printf "EXECUTE search2_count('dong', 'tam');\nEXECUTE search2_count('ĐỒNG', 'TÂM');\n"
    printf "EXECUTE search2_count('Cai', 'KINH');\n\\o\n"
    # Generic plans: what a cached prepared statement would run if PostgreSQL (or a forced
    # plan_cache_mode) chose one. Do they still use the indexes, and how fast are they?
    printf 'SET plan_cache_mode = force_generic_plan;\n'
    for ((r = 0; r <= GENERIC_RUNS; r++)); do # run 0 is a warm-up
        for id in $GENERIC_IDS; do
            printf '\\o %s/%s.generic.%03d.json\nEXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) %s;\n\\o\n' \
                "$plans" "$id" "$r" "$(statement_of "$id")"
        done
    done
} >"$work/check.sql"
"${PSQL[@]}" -At -f "$work/check.sql" >"$work/check.log" </dev/null

# --- 5. report ---------------------------------------------------------------------------------

# Plan nodes in tree order, with the index each one uses: "Limit > Sort > Bitmap Heap Scan > ...".
JQ_NODES='[.. | objects | select(has("Node Type"))
    | .["Node Type"] + (if .["Index Name"] then " (" + .["Index Name"] + ")" else "" end)
    + (if .["Workers Launched"] then " [" + (.["Workers Launched"] | tostring) + " workers]" else "" end)]
    | join(" > ")'
# shellcheck disable=SC2016  # jq's own variables
JQ_STATS='def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    [.[] | .[0]] as $p
    | [$p[] | .["Execution Time"]] as $t
    | [$p[] | .Plan["Shared Hit Blocks"] + .Plan["Shared Read Blocks"]] as $b
    | [$p[] | .["Planning Time"]] as $pl
    | "\($t | median) \($t | min) \($b | median) \($pl | median)"'

measured() { # id variant -> files of the measured runs
    local r
    for ((r = WARMUP + 1; r <= total; r++)); do printf '%s/%s.%s.%03d.json\n' "$plans" "$1" "$2" "$r"; done
}
fmt() { awk -v x="$1" 'BEGIN { if (x < 1) printf "%.3f", x; else if (x < 100) printf "%.2f", x; else printf "%.0f", x }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; if (r < 10) printf "%.1f×", r; else printf "%.0f×", r }'; }
result_of() { # id variant -> what the query returned: the count, or "N rows"
    local f="$plans/$1.$2.out"
    if [ "${1: -1}" = c ]; then cat "$f"; else printf '%s rows' "$(grep -c . "$f" || true)"; fi
}

table="$work/table.md"
plans_md="$work/plans.md"
{
    echo "| # | API call (SQL as EF Core sends it) | result (indexed / scan) | indexed median ms | indexed min ms | scan median ms | scan min ms | scan / indexed (median) | buffers indexed / scan | indexed plan |"
    echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
} >"$table"
{
    echo "| # | indexed plan (last measured run) | scan plan (last measured run) | planning ms (median, indexed / scan) |"
    echo "| --- | --- | --- | --- |"
} >"$plans_md"
declare -A med_indexed med_scan
mismatch=0
for q in "${QUERIES[@]}"; do
    IFS='|' read -r id label _ <<<"$q"
    read -r i_med i_min i_buf i_plan < <(measured "$id" indexed | xargs jq -rs "$JQ_STATS")
    read -r s_med s_min s_buf s_plan < <(measured "$id" scan | xargs jq -rs "$JQ_STATS")
    last=$(printf '%03d' "$total")
    i_nodes=$(jq -r ".[0].Plan | $JQ_NODES" "$plans/$id.indexed.$last.json")
    s_nodes=$(jq -r ".[0].Plan | $JQ_NODES" "$plans/$id.scan.$last.json")
    med_indexed[$id]=$i_med
    med_scan[$id]=$s_med
    i_res=$(result_of "$id" indexed)
    s_res=$(result_of "$id" scan)
    if cmp -s "$plans/$id.indexed.out" "$plans/$id.scan.out"; then
        res="$i_res (same)"
    else
        res="**$i_res / $s_res: DIFFERENT**"
        mismatch=1
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s |\n' "$id" "$label" "$res" \
        "$(fmt "$i_med")" "$(fmt "$i_min")" "$(fmt "$s_med")" "$(fmt "$s_min")" \
        "$(ratio "$s_med" "$i_med")" "$i_buf" "$s_buf" "$i_nodes" >>"$table"
    printf '| %s | %s | %s | %s / %s |\n' "$id" "$i_nodes" "$s_nodes" "$(fmt "$i_plan")" "$(fmt "$s_plan")" >>"$plans_md"
done

# One API request runs the count, then the page: their medians added up.
request_md="$work/request.md"
{
    echo "| API request | indexed ms (count + page) | scan ms (count + page) | scan / indexed |"
    echo "| --- | ---: | ---: | ---: |"
    for q in "${QUERIES[@]}"; do
        IFS='|' read -r id _ <<<"$q"
        [ "${id: -1}" = c ] || continue
        n=${id%c}
        if [ -n "${med_indexed[${n}p]:-}" ]; then
            i_sum=$(awk -v a="${med_indexed[$id]}" -v b="${med_indexed[${n}p]}" 'BEGIN { print a + b }')
            s_sum=$(awk -v a="${med_scan[$id]}" -v b="${med_scan[${n}p]}" 'BEGIN { print a + b }')
        else
            i_sum=${med_indexed[$id]}
            s_sum=${med_scan[$id]}
        fi
        printf '| %s | %s | %s | %s |\n' "${REQUESTS[$n]}" "$(fmt "$i_sum")" "$(fmt "$s_sum")" "$(ratio "$s_sum" "$i_sum")"
    done
} >"$request_md"

mapfile -t folds <"$plans/fold.out"
found_q1=$(cat "$plans/Q1c.indexed.out")
found_q5=$(cat "$plans/Q5c.indexed.out")
generic_md="$work/generic.md"
{
    echo "| # | generic plan | generic median ms | custom plan median ms (indexed, above) |"
    echo "| --- | --- | ---: | ---: |"
    for id in $GENERIC_IDS; do
        read -r g_med _ < <(for ((r = 1; r <= GENERIC_RUNS; r++)); do
            printf '%s/%s.generic.%03d.json\n' "$plans" "$id" "$r"
        done | xargs jq -rs "$JQ_STATS")
        printf '| %s | %s | %s | %s |\n' "$id" \
            "$(jq -r ".[0].Plan | $JQ_NODES" "$plans/$id.generic.$(printf '%03d' "$GENERIC_RUNS").json")" \
            "$(fmt "$g_med")" "$(fmt "${med_indexed[$id]}")"
    done
} >"$generic_md"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
pg_version=$(psql_value "SELECT split_part(version(), ' on ', 1)")
pg_settings=$(psql_value "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name)
    FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size',
    'random_page_cost', 'max_parallel_workers_per_gather', 'default_statistics_target')")
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$ROOT" status --porcelain -- src 2>/dev/null | head -n 1)
[ -n "$dirty" ] && commit="$commit (src/ has uncommitted changes)"

report="$work/report.md"
{
    echo "# List queries at national scale: indexed vs scan ($DAY)"
    echo
    echo "Produced by \`bench/list-queries/run.sh\` (see docs/benchmarks.md)."
    echo
    echo "- commit: $commit"
    echo "- machine: $(nproc) cores ($cpu), load average before/after the measured loop: $load_before / $load_after"
    echo "- $pg_version; $pg_settings; fsync off (throwaway cluster); session: plan_cache_mode=force_custom_plan, jit=off"
    echo "- data: $coops organizations, $changes status changes, $provinces provinces, $communes communes"
    echo "- load: INSERT organizations $(fmt "${load_ms[0]}") ms, INSERT status history $(fmt "${load_ms[1]}") ms, VACUUM ANALYZE $vacuum_ms ms"
    echo "- sizes: ix_cooperatives_search_text (GIN, gin_trgm_ops) $trgm_pretty ($trgm_bytes bytes); table cooperatives $table_pretty; all its indexes $indexes_pretty"
    echo "- method: each query $WARMUP warm-up + $RUNS measured runs per variant, interleaved (A B, B A, …) in one session; EXPLAIN (ANALYZE, BUFFERS) \"Execution Time\" (server side: no network, no planning, no EF Core)."
    echo "  indexed = default planner settings; scan = enable_indexscan, enable_bitmapscan, enable_indexonlyscan off."
    echo "  buffers = shared blocks hit + read by the whole plan (median)."
    echo
    cat "$table"
    echo
    echo "Per API request (the handler runs the count, then the page; sum of the two medians):"
    echo
    cat "$request_md"
    echo
    echo "Plans (node types in tree order; [n workers] = parallel workers launched):"
    echo
    cat "$plans_md"
    echo
    echo "Correctness:"
    echo
    echo "- \`q=cai kinh\` found $found_q1 rows; $expected_cai_kinh names contain \"Cai Kinh\" exactly. \`q=Cai KINH\` found ${folds[2]:-?}."
    echo "- \`q=đồng tâm\` found $found_q5 rows; $expected_dong_tam names contain \"Đồng Tâm\" exactly. Without diacritics (\`dong tam\`): ${folds[0]:-?}; in capitals (\`ĐỒNG TÂM\`): ${folds[1]:-?}."
    if [ $mismatch = 0 ]; then
        echo "- every query returned the same result in both variants (counts equal, pages byte-identical)."
    else
        echo "- **some queries returned different results in the two variants (see the table)**."
    fi
    echo
    echo "Generic plans (plan_cache_mode=force_generic_plan, $GENERIC_RUNS runs after 1 warm-up; the API's unnamed statements always get custom plans today):"
    echo
    cat "$generic_md"
} >"$report"

mkdir -p "$(dirname "$OUT")"
cp "$report" "$OUT"
cat "$report"
say "report written to $OUT"
[ $mismatch = 0 ] || die "the two variants returned different results"
