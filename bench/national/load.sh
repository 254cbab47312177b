#!/usr/bin/env bash
# Loads the national data set (load.sql) into a database the API has migrated, then VACUUM ANALYZE.
#
#   bench/national/load.sh <host> <port> <user> <database>
#
# The database must hold the schema and reference data only (`dotnet CoopApi.WebApi.dll migrate`
# with Database__SeedDemoData=false): the generator's ids are fixed, it refuses a database that has
# organizations already. BENCH_NATIONAL_ROWS (200,000) sets the number of organizations.
# stderr: psql's timings per statement, then rows per table and the total time.
# stdout: one line "rows <total rows> seconds <load seconds>" for bench/run.sh.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# = 4 ] || { echo "usage: $0 <host> <port> <user> <database>" >&2; exit 2; }
ROWS=${BENCH_NATIONAL_ROWS:-200000}
[[ $ROWS =~ ^[0-9]+$ ]] && [ "$ROWS" -ge 1000 ] || { echo "BENCH_NATIONAL_ROWS must be an integer ≥ 1000" >&2; exit 2; }
PSQL_BIN=${PG_BINDIR:+$PG_BINDIR/}psql
PSQL=("$PSQL_BIN" -X -q -v ON_ERROR_STOP=1 -h "$1" -p "$2" -U "$3" -d "$4")
say() { printf '[national] %s\n' "$*" >&2; }

existing=$("${PSQL[@]}" -At -c "SELECT count(*) FROM cooperatives" </dev/null)
[ "$existing" = 0 ] || { say "error: database $4 has $existing organizations already; load into a freshly migrated database"; exit 1; }

say "loading $ROWS organizations and their history into $4"
start=$(date +%s.%N)
"$PSQL_BIN" -X -v ON_ERROR_STOP=1 -h "$1" -p "$2" -U "$3" -d "$4" -v rows="$ROWS" -f "$HERE/load.sql" </dev/null 2>&1 |
    sed -n 's/^\(INSERT\|Time\|UPDATE\|SELECT\|ALTER\|CREATE\|psql\|ERROR\)/  &/p' >&2
say "VACUUM ANALYZE"
"${PSQL[@]}" -c "VACUUM ANALYZE" </dev/null
seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.0f", e - s}')

TABLES="cooperatives status_changes annual_reports classifications classification_revisions ocop_products
steering_committees steering_committee_members standing_agency_periods steering_activities steering_activity_documents
partnership_agreements partnership_commitments partnership_reviews domain_events"
total=0
say "rows per table:"
for t in $TABLES; do
    n=$("${PSQL[@]}" -At -c "SELECT count(*) FROM $t" </dev/null)
    printf '[national]   %-28s %10s\n' "$t" "$n" >&2
    total=$((total + n))
done
size=$("${PSQL[@]}" -At -c "SELECT pg_size_pretty(pg_database_size(current_database()))" </dev/null)
say "total $total rows, database $size, loaded in $seconds s (VACUUM ANALYZE included)"
echo "rows $total seconds $seconds size $size"
