#!/usr/bin/env bash
# Does the change feed answer a page of 1,000 from a 1,000,000-row domain_events in milliseconds?
#
#   bench/feed/run.sh
#
# 1. starts a throwaway PostgreSQL cluster (scripts/lib/postgres.sh), database "coopfeed";
# 2. builds the API and runs it once with migrations on (the real schema and indexes);
# 3. burns BENCH_ROWS/2 transaction ids (committed, empty), then loads BENCH_ROWS (1,000,000)
#    domain_events rows with load.sql (INSERT … SELECT generate_series; two rows per transaction,
#    all below the feed's fence), then VACUUM ANALYZE;
# 4. runs the feed's statements (queries.sql, prepared as ChangesReadModel sends them) for a page
#    of 1,000 from the start, the middle and the end, by entity type and by province, each
#    BENCH_WARMUP (3) + BENCH_RUNS (10) times under EXPLAIN (ANALYZE, BUFFERS);
# 5. prints a Markdown report (median execution time, the last plan of each) and writes it to
#    bench/feed/results-<date>.md.
#
# Environment: BENCH_ROWS, BENCH_RUNS, BENCH_WARMUP, BENCH_OUT. Needs dotnet (SDK 10), curl and the
# PostgreSQL server binaries (scripts/lib/postgres.sh finds or installs them). Root or not.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

ROWS=${BENCH_ROWS:-1000000}
RUNS=${BENCH_RUNS:-10}
WARMUP=${BENCH_WARMUP:-3}
OUT=${BENCH_OUT:-$HERE/results-$(date +%F).md}
DB=coopfeed
PAGE=1000

say() { printf '[bench] %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}

for v in ROWS RUNS WARMUP; do
    [[ ${!v} =~ ^[0-9]+$ ]] && [ "${!v}" -ge 1 ] || die "BENCH_$v must be a positive integer (got '${!v}')"
done
[ "$ROWS" -ge $((3 * PAGE)) ] || die "BENCH_ROWS must be at least $((3 * PAGE))"
command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found: install the .NET 10 SDK"
command -v curl >/dev/null 2>&1 || pg_apt_install curl || die "'curl' is needed"
pg_find_bindir >/dev/null || die "no PostgreSQL server binaries"

work=$(mktemp -d "${TMPDIR:-/tmp}/coopfeed.XXXXXX")
chmod 0755 "$work"
cluster_datadir=""
api_pid=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
        pkill -TERM -P "$api_pid" 2>/dev/null || true
        kill -TERM "$api_pid" 2>/dev/null || true
        wait "$api_pid" 2>/dev/null || true
    fi
    [ -z "$cluster_datadir" ] || pg_discard_cluster "$cluster_datadir"
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. cluster ------------------------------------------------------------------------------
port=$(pg_free_port 55800)
pg_start_cluster "$work/pgdata" "$port" throwaway >/dev/null
cluster_datadir=$PG_DATADIR
port=$PG_PORT
pg_create_database "$port" "$DB"
PSQL=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$DB")
psql_value() { "${PSQL[@]}" -At -c "$1" </dev/null; }

# --- 2. schema from the API's migrations ------------------------------------------------------
say "building the API (Release)"
(cd "$ROOT" && dotnet build src/WebApi -c Release -nologo) >"$work/build.log" 2>&1 </dev/null \
    || { tail -n 40 "$work/build.log" >&2; die "dotnet build failed"; }
api_port=$(pg_free_port 58180)
say "running the API once to migrate the database"
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
    kill -0 "$api_pid" 2>/dev/null || { tail -n 40 "$work/api.log" >&2; die "the API exited before it was ready"; }
    [ $SECONDS -lt $deadline ] || { tail -n 40 "$work/api.log" >&2; die "the API was not ready within 180 s"; }
    sleep 1
done
kill -TERM "$api_pid" 2>/dev/null || true
wait "$api_pid" 2>/dev/null || true
api_pid=""
say "schema migrated"

# --- 3. data ---------------------------------------------------------------------------------
say "burning $((ROWS / 2 + 10)) transaction ids"
first_xact=$(($(psql_value "SELECT pg_current_xact_id()::text") + 1))
"${PSQL[@]}" <<SQL
CREATE PROCEDURE bench_burn(n int) LANGUAGE plpgsql AS \$\$
BEGIN
    FOR i IN 1..n LOOP
        PERFORM pg_current_xact_id();
        COMMIT;
    END LOOP;
END \$\$;
CALL bench_burn($((ROWS / 2 + 10)));
DROP PROCEDURE bench_burn(int);
SQL
say "loading $ROWS rows"
"${PSQL[@]}" -v rows="$ROWS" -v first_xact="$first_xact" -f "$HERE/load.sql" >"$work/load.log" </dev/null
load_ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$work/load.log" | head -n 1)
"${PSQL[@]}" -c "VACUUM ANALYZE domain_events" </dev/null
[ "$(psql_value "SELECT count(*) FROM domain_events")" = "$ROWS" ] || die "expected $ROWS rows"
visible=$(psql_value "SELECT count(*) FROM domain_events WHERE xact_id < pg_snapshot_xmin(pg_current_snapshot())")
[ "$visible" = "$ROWS" ] || die "only $visible rows lie below the fence"
sizes=$(psql_value "SELECT pg_size_pretty(pg_table_size('domain_events')) || ' table, ' || pg_size_pretty(pg_indexes_size('domain_events')) || ' indexes'")

# Cursors: before the first row, at the middle row, 1,000 rows before the end.
cursor_at() { psql_value "SELECT xact_id::text || ' ' || id FROM domain_events ORDER BY xact_id, id OFFSET $1 LIMIT 1"; }
read -r mid_x mid_i <<<"$(cursor_at $((ROWS / 2)))"
read -r end_x end_i <<<"$(cursor_at $((ROWS - PAGE - 1)))"
province=$(psql_value "SELECT province_code FROM domain_events GROUP BY 1 ORDER BY count(*) DESC OFFSET 3 LIMIT 1")
province_rows=$(psql_value "SELECT count(*) FROM domain_events WHERE province_code = '$province' OR (previous_province_code = '$province' AND previous_province_code IS DISTINCT FROM province_code)")
read -r pmid_x pmid_i <<<"$(psql_value "SELECT xact_id::text || ' ' || id FROM domain_events WHERE province_code = '$province' ORDER BY xact_id, id OFFSET $((province_rows / 2)) LIMIT 1")"
limit=$((PAGE + 1))

# --- 4. the statements -----------------------------------------------------------------------
CASES=(
    "start|all entities, from the start|EXECUTE feed_all('0', 0, $limit)"
    "middle|all entities, from the middle (row $((ROWS / 2)))|EXECUTE feed_all('$mid_x', $mid_i, $limit)"
    "end|all entities, the last 1,000|EXECUTE feed_all('$end_x', $end_i, $limit)"
    "type|entityType=cooperative, from the middle|EXECUTE feed_type('$mid_x', $mid_i, $limit, 'cooperative')"
    "pstart|provinceCode=$province ($province_rows rows), from the start|EXECUTE feed_province('0', 0, $limit, '$province', NULL)"
    "pmiddle|provinceCode=$province, from its middle|EXECUTE feed_province('$pmid_x', $pmid_i, $limit, '$province', NULL)"
)

report="$work/report.md"
{
    echo "# Change feed at $ROWS rows ($(date +%F))"
    echo
    echo "PostgreSQL $(psql_value "SHOW server_version"), $(nproc) cores; domain_events: $sizes; load ${load_ms} ms."
    echo "Page of $PAGE (LIMIT $limit: one more tells hasMore). Median of $RUNS runs after $WARMUP warm-up runs, prepared statements as the API sends them."
    echo
    echo "| case | median ms | rows |"
    echo "| --- | ---: | ---: |"
} >"$report"
plans="$work/plans.md"
: >"$plans"
for case in "${CASES[@]}"; do
    IFS='|' read -r id title statement <<<"$case"
    times=()
    for ((r = 0; r < WARMUP + RUNS; r++)); do
        out=$("${PSQL[@]}" -At -f "$HERE/queries.sql" -c "EXPLAIN (ANALYZE, BUFFERS) $statement" </dev/null)
        t=$(sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' <<<"$out")
        [ -n "$t" ] || die "no execution time for $id: $out"
        [ $r -lt "$WARMUP" ] || times+=("$t")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}')
    rows=$(sed -n 's/^Limit .*actual time=[^ ]* rows=\([0-9]*\).*/\1/p' <<<"$out" | head -n 1)
    echo "| $title | $median | $rows |" >>"$report"
    { echo; echo "### $title"; echo; echo '```'; echo "$statement"; echo "$out"; echo '```'; } >>"$plans"
    say "$id: median $median ms"
done
cat "$plans" >>"$report"
cp "$report" "$OUT"
cat "$report"
say "report: $OUT"
