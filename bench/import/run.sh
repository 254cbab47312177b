#!/usr/bin/env bash
# Does POST /api/v1/cooperatives/import reach 0.8x the rows per second of a bare binary COPY of
# the same rows into the same table, with the API's peak RSS under 300 MB?
#
#   bench/import/run.sh
#
# 1. starts a throwaway PostgreSQL cluster (scripts/lib/postgres.sh), database "coopimport";
# 2. builds the API (Release); its create-admin-key command migrates the database (reference data
#    included) and makes a national key;
# 3. writes BENCH_ROWS (100,000) valid rows as CSV (make_rows.py: communes of every province);
# 4. bare COPY: the rows are turned into a binary COPY file of cooperatives' own columns by the
#    server, then timed as one COPY cooperatives FROM … (FORMAT binary) (same table, same indexes
#    and search trigger), then deleted and the table vacuumed;
# 5. the API: started from its dll (so /proc/<pid> is the API itself), the same CSV POSTed with
#    curl (one request, atomic), timed; then the same file again (every row unchanged); then
#    GET /api/v1/cooperatives/export to /dev/null; peak RSS (VmHWM) read after each;
# 6. prints a Markdown report and writes it to bench/import/results-<date>.md.
#
# Environment: BENCH_ROWS, BENCH_OUT. Needs dotnet (SDK 10), curl, python3 and the PostgreSQL
# server binaries (scripts/lib/postgres.sh finds or installs them). Root or not.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

ROWS=${BENCH_ROWS:-100000}
OUT=${BENCH_OUT:-$HERE/results-$(date +%F).md}
DB=coopimport

say() { printf '[bench] %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}

[[ $ROWS =~ ^[0-9]+$ ]] && [ "$ROWS" -ge 1 ] || die "BENCH_ROWS must be a positive integer (got '$ROWS')"
command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found: install the .NET 10 SDK"
command -v curl >/dev/null 2>&1 || die "'curl' is needed"
command -v python3 >/dev/null 2>&1 || die "'python3' is needed"
pg_find_bindir >/dev/null || die "no PostgreSQL server binaries"

work=$(mktemp -d "${TMPDIR:-/tmp}/coopimport.XXXXXX")
chmod 0777 "$work" # the server (user postgres) writes and reads the binary COPY file here
cluster_datadir=""
api_pid=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
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
port=$(pg_free_port 55900)
pg_start_cluster "$work/pgdata" "$port" throwaway >/dev/null
cluster_datadir=$PG_DATADIR
port=$PG_PORT
pg_create_database "$port" "$DB"
PSQL=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$DB")
psql_value() { "${PSQL[@]}" -At -c "$1" </dev/null; }
export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=$DB;Username=postgres"
export Database__MigrateOnStartup=true Database__SeedDemoData=false

# --- 2. schema and key -----------------------------------------------------------------------
say "building the API (Release)"
(cd "$ROOT" && dotnet build src/WebApi -c Release -nologo) >"$work/build.log" 2>&1 </dev/null \
    || { tail -n 40 "$work/build.log" >&2; die "dotnet build failed"; }
dll=$(ls "$ROOT"/src/WebApi/bin/Release/net*/CoopApi.WebApi.dll | head -n 1)
key=$(cd "$ROOT/src/WebApi" && dotnet "$dll" create-admin-key --name "bench import" </dev/null 2>"$work/key.log" | tail -n 1)
[ -n "$key" ] || { cat "$work/key.log" >&2; die "no admin key"; }

# --- 3. rows ---------------------------------------------------------------------------------
say "writing $ROWS rows"
python3 "$HERE/make_rows.py" "$ROWS" "$ROOT/src/Infrastructure/ReferenceData/communes-2025.csv" >"$work/rows.csv"
csv_mb=$(du -m "$work/rows.csv" | cut -f1)

# --- 4. bare binary COPY -----------------------------------------------------------------------
cols="id, registration_code, name, kind, sector, status, province_code, commune_code, address, established_on, charter_capital, member_count, employee_count, representative, phone, email, is_youth_cooperative, main_products, created_at, updated_at, status_since, last_sequence, version"
"${PSQL[@]}" <<SQL >/dev/null
CREATE UNLOGGED TABLE bench_src (registration_code text, name text, kind text, sector text, province_code text, commune_code text,
    address text, established_on date, charter_capital bigint, member_count int, employee_count int, representative text,
    phone text, email text, is_youth_cooperative boolean, main_products text);
\copy bench_src FROM '$work/rows.csv' WITH (FORMAT csv, HEADER true)
COPY (SELECT gen_random_uuid(), registration_code, name, kind, sector, 'active', province_code, commune_code, address,
    established_on, charter_capital, member_count, employee_count, representative, phone, email, is_youth_cooperative,
    string_to_array(main_products, '|'), now(), now(), established_on, 0, 1 FROM bench_src) TO '$work/rows.bin' (FORMAT binary);
DROP TABLE bench_src;
VACUUM ANALYZE cooperatives;
SQL
say "bare binary COPY"
copy_ms=$("${PSQL[@]}" -c '\timing on' -c "COPY cooperatives ($cols) FROM '$work/rows.bin' (FORMAT binary)" </dev/null \
    | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1)
[ "$(psql_value "SELECT count(*) FROM cooperatives WHERE registration_code LIKE '77%'")" = "$ROWS" ] || die "COPY did not load $ROWS rows"
"${PSQL[@]}" -c "DELETE FROM cooperatives WHERE registration_code LIKE '77%'" -c "VACUUM ANALYZE cooperatives" </dev/null >/dev/null

# --- 5. the API ------------------------------------------------------------------------------
api_port=$(pg_free_port 58280)
say "starting the API"
(
    cd "$ROOT/src/WebApi"
    export ASPNETCORE_URLS="http://127.0.0.1:$api_port" RateLimits__Enabled=false Import__MaxRequestBodyBytes=2000000000
    exec dotnet "$dll"
) >"$work/api.log" 2>&1 </dev/null &
api_pid=$!
base="http://127.0.0.1:$api_port"
deadline=$((SECONDS + 180))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/health/ready" || true)" = 200 ]; do
    kill -0 "$api_pid" 2>/dev/null || { tail -n 40 "$work/api.log" >&2; die "the API exited before it was ready"; }
    [ $SECONDS -lt $deadline ] || { tail -n 40 "$work/api.log" >&2; die "the API was not ready within 180 s"; }
    sleep 1
done
rss() { awk -v k="$1" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$api_pid/status"; }
rss_idle=$(rss VmRSS)

import_once() { # prints: seconds http_code
    curl -s -o "$work/$1.json" -w '%{time_total} %{http_code}' -X POST -H "X-Api-Key: $key" -H 'Content-Type: text/csv' \
        --data-binary @"$work/rows.csv" "$base/api/v1/cooperatives/import"
}
say "import of $ROWS rows through the API"
read -r api_s api_code <<<"$(import_once first)"
[ "$api_code" = 200 ] || { cat "$work/first.json" >&2; die "import answered $api_code"; }
hwm_import=$(rss VmHWM)
report_first=$(cat "$work/first.json")
[ "$(psql_value "SELECT count(*) FROM cooperatives WHERE registration_code LIKE '77%'")" = "$ROWS" ] || die "the import did not write $ROWS rows"
events=$(psql_value "SELECT count(*) FROM domain_events WHERE aggregate_type = 'cooperative'")
say "the same file again (every row unchanged)"
read -r again_s again_code <<<"$(import_once again)"
[ "$again_code" = 200 ] || { cat "$work/again.json" >&2; die "re-import answered $again_code"; }
report_again=$(cat "$work/again.json")
hwm_again=$(rss VmHWM)
say "export"
export_s=$(curl -s -o "$work/export.csv" -w '%{time_total}' -H "X-Api-Key: $key" "$base/api/v1/cooperatives/export")
export_lines=$(($(wc -l <"$work/export.csv") - 1))
hwm_export=$(rss VmHWM)

# --- 6. report -------------------------------------------------------------------------------
read -r copy_rate api_rate ratio again_rate export_rate <<<"$(python3 -c "
c=$copy_ms/1000; a=$api_s; r=$ROWS
print(f'{r/c:,.0f} {r/a:,.0f} {c/a:.2f} {r/$again_s:,.0f} {$export_lines/$export_s:,.0f}')")"
cpu=$(nproc)
report=$(cat <<MD
# Bulk import, $(date -u +%F) — $ROWS rows

Machine: $cpu cores (shared), PostgreSQL $("$PG_BINDIR/postgres" --version | awk '{print $3}'), throwaway cluster, CSV of $csv_mb MB.

| | time | rows/s |
| --- | ---: | ---: |
| bare binary COPY into cooperatives (server-side file, same indexes and trigger) | $(python3 -c "print(f'{$copy_ms/1000:.2f} s')") | $copy_rate |
| POST /api/v1/cooperatives/import (CSV upload, parse, validate, domain, COPY to staging, set-based writes of cooperatives, status_changes, domain_events; one transaction) | ${api_s} s | $api_rate |
| ratio API / bare COPY | | **$ratio×** (target ≥ 0.8×) |
| the same file again (every row unchanged: read, validated, compared, nothing written) | ${again_s} s | $again_rate |
| GET /api/v1/cooperatives/export ($export_lines rows) | ${export_s} s | $export_rate |

API memory: $rss_idle MB resident when idle; peak (VmHWM) $hwm_import MB after the import, $hwm_again MB after the re-import, $hwm_export MB after the export (target < 300 MB).

domain_events rows of cooperatives after the import: $events.

First report: \`$(echo "$report_first" | head -c 300)\`

Second report: \`$(echo "$report_again" | head -c 300)\`
MD
)
printf '%s\n' "$report"
printf '%s\n' "$report" >"$OUT"
say "written to $OUT"
