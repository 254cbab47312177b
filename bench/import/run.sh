#!/usr/bin/env bash
# Does POST /api/v1/cooperatives/import reach 0.8x the rows per second of a bare binary COPY of
# the same rows into the same table, with the API's peak RSS under 300 MB?
#
#   bench/import/run.sh            # standalone: its own throwaway cluster and data
#
# THE BENCH CONTRACT (docs/benchmarks.md): stdout carries only FIGURE lines,
#   FIGURE <id> | <measured> | <target> | <met|missed|reported>
# everything else goes to stderr (and the Markdown report to BENCH_OUT).
#
# 1. standalone: starts a throwaway PostgreSQL cluster (scripts/lib/postgres.sh), database
#    "coopimport"; the API's create-admin-key command migrates it (reference data included).
#    With BENCH_PGHOST, BENCH_PGPORT, BENCH_PGUSER and BENCH_TEMPLATE_DB set: uses that server,
#    creates its own database with CREATE DATABASE … TEMPLATE $BENCH_TEMPLATE_DB (schema,
#    reference data and the national data set, 200,000 organizations) and drops it at the end;
# 2. builds the API (BENCH_CONFIGURATION, default Release) and makes a national key;
# 3.–5. starts the API from its dll (so /proc/<pid> is the API itself), then BENCH_IMPORT_ROUNDS
#    (3) rounds side by side, each with BENCH_ROWS (100,000) NEW valid rows as CSV (make_rows.py:
#    communes of every province, registration codes under a prefix no organization uses yet):
#    the rows as a binary COPY file of cooperatives' own columns, timed as one \copy cooperatives
#    FROM … (FORMAT binary) sent by psql (same table, same indexes and triggers, same socket as
#    the API), deleted and the table vacuumed; then the same CSV POSTed to the API with curl (one
#    request, atomic), timed, and kept (the next round starts from a table 100,000 rows larger).
#    The ratio is the median of the rounds' ratios (the machine is shared and noisy). Then the
#    last file again (every row unchanged; skipped with BENCH_QUICK=1), then GET
#    /api/v1/cooperatives/export to a file; RSS (VmRSS) sampled every 0.2 s and the peak (VmHWM)
#    read after each step;
# 6. prints the FIGURE lines and writes a Markdown report to BENCH_OUT
#    (default bench/import/results-<date>.md).
#
# Environment: BENCH_ROWS, BENCH_IMPORT_ROUNDS, BENCH_OUT, BENCH_CONFIGURATION (Release|Debug), BENCH_QUICK=1,
# BENCH_PGHOST/BENCH_PGPORT/BENCH_PGUSER/BENCH_TEMPLATE_DB (external server), and any DOTNET_*
# runtime setting to try (e.g. DOTNET_gcServer=0), which the API inherits. Needs dotnet (SDK 10),
# curl, python3 and the PostgreSQL client (and, standalone, server) binaries.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

ROWS=${BENCH_ROWS:-100000}
OUT=${BENCH_OUT:-$HERE/results-$(date +%F).md}
CONFIG=${BENCH_CONFIGURATION:-Release}
QUICK=${BENCH_QUICK:-0}
EXTERNAL=0
if [ -n "${BENCH_PGHOST:-}" ] && [ -n "${BENCH_PGPORT:-}" ] && [ -n "${BENCH_PGUSER:-}" ] && [ -n "${BENCH_TEMPLATE_DB:-}" ]; then
    EXTERNAL=1
fi
DB=coopimport
[ "$EXTERNAL" = 0 ] || DB="bench_import_$$"

say() { printf '[bench] %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}
figure() { printf 'FIGURE %s | %s | %s | %s\n' "$1" "$2" "$3" "$4"; }

[[ $ROWS =~ ^[0-9]+$ ]] && [ "$ROWS" -ge 1 ] || die "BENCH_ROWS must be a positive integer (got '$ROWS')"
[[ $CONFIG == Release || $CONFIG == Debug ]] || die "BENCH_CONFIGURATION must be Release or Debug (got '$CONFIG')"
command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found: install the .NET 10 SDK"
command -v curl >/dev/null 2>&1 || die "'curl' is needed"
command -v python3 >/dev/null 2>&1 || die "'python3' is needed"
pg_find_bindir >/dev/null || die "no PostgreSQL binaries"
PG_BINDIR=${PG_BINDIR:-$(pg_find_bindir)}

work=$(mktemp -d "${TMPDIR:-/tmp}/coopimport.XXXXXX")
chmod 0777 "$work"
cluster_datadir=""
api_pid=""
sampler_pid=""
db_created=0

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    [ -z "$sampler_pid" ] || kill "$sampler_pid" 2>/dev/null || true
    if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
        kill -TERM "$api_pid" 2>/dev/null || true
        wait "$api_pid" 2>/dev/null || true
    fi
    if [ "$db_created" = 1 ]; then
        "$PG_BINDIR/psql" -X -q -h "$host" -p "$port" -U "$user" -d postgres \
            -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" </dev/null >&2 || say "could not drop database $DB"
    fi
    [ -z "$cluster_datadir" ] || pg_discard_cluster "$cluster_datadir"
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. database ----------------------------------------------------------------------------
if [ "$EXTERNAL" = 1 ]; then
    host=$BENCH_PGHOST port=$BENCH_PGPORT user=$BENCH_PGUSER
    say "external server $host:$port, database $DB from template $BENCH_TEMPLATE_DB"
    "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d postgres \
        -c "CREATE DATABASE \"$DB\" TEMPLATE \"$BENCH_TEMPLATE_DB\"" </dev/null >&2
    db_created=1
else
    host=127.0.0.1 user=postgres
    port=$(pg_free_port 55900)
    pg_start_cluster "$work/pgdata" "$port" throwaway >/dev/null
    cluster_datadir=$PG_DATADIR
    port=$PG_PORT
    pg_create_database "$port" "$DB" >&2
fi
PSQL=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d "$DB")
psql_value() { "${PSQL[@]}" -At -c "$1" </dev/null; }
password=${PGPASSWORD:+;Password=$PGPASSWORD}
export ConnectionStrings__Default="Host=$host;Port=$port;Database=$DB;Username=$user$password"
export Database__MigrateOnStartup=true Database__SeedDemoData=false

# --- 2. API build and key ---------------------------------------------------------------------
say "building the API ($CONFIG)"
(cd "$ROOT" && dotnet build src/WebApi -c "$CONFIG" -nologo -v q) >"$work/build.log" 2>&1 </dev/null \
    || { tail -n 40 "$work/build.log" >&2; die "dotnet build failed"; }
dll=$(ls "$ROOT"/src/WebApi/bin/"$CONFIG"/net*/CoopApi.WebApi.dll | head -n 1)
key=$(cd "$ROOT/src/WebApi" && dotnet "$dll" create-admin-key --name "bench import" </dev/null 2>"$work/key.log" | tail -n 1)
[ -n "$key" ] || { cat "$work/key.log" >&2; die "no admin key"; }

# --- 3.–5. rounds: the same new rows by bare COPY, then through the API ----------------------
# The machine is shared and noisy: ROUNDS pairs, each a bare COPY and an import of the same rows
# into the same table, side by side; the ratio reported is the median of the rounds' ratios.
ROUNDS=${BENCH_IMPORT_ROUNDS:-3}
existing=$(psql_value "SELECT count(*) FROM cooperatives")
cols="id, registration_code, name, kind, sector, status, province_code, commune_code, address, established_on, charter_capital, member_count, employee_count, representative, phone, email, is_youth_cooperative, main_products, created_at, updated_at, status_since, last_sequence, version"

free_prefix() {
    local p
    for p in 77 78 79 76 75 74 73 72 71 70 69 68; do
        if [ "$(psql_value "SELECT count(*) FROM cooperatives WHERE registration_code LIKE '$p%'")" = 0 ]; then
            echo "$p"
            return
        fi
    done
    die "no free registration-code prefix for new rows"
}

bare_copy() { # $1 prefix; sets copy_ms; leaves the table as it was
    "${PSQL[@]}" <<SQL >/dev/null
CREATE UNLOGGED TABLE bench_src (registration_code text, name text, kind text, sector text, province_code text, commune_code text,
    address text, established_on date, charter_capital bigint, member_count int, employee_count int, representative text,
    phone text, email text, is_youth_cooperative boolean, main_products text);
\copy bench_src FROM '$work/rows.csv' WITH (FORMAT csv, HEADER true)
\copy (SELECT gen_random_uuid(), registration_code, name, kind, sector, 'active', province_code, commune_code, address, established_on, charter_capital, member_count, employee_count, representative, phone, email, is_youth_cooperative, string_to_array(main_products, '|'), now(), now(), established_on, 0, 1 FROM bench_src) TO '$work/rows.bin' (FORMAT binary)
DROP TABLE bench_src;
VACUUM ANALYZE cooperatives;
SQL
    local t0
    t0=$(date +%s%N)
    "${PSQL[@]}" -c "\\copy cooperatives ($cols) FROM '$work/rows.bin' (FORMAT binary)" </dev/null >/dev/null
    copy_ms=$((($(date +%s%N) - t0) / 1000000))
    [ "$(psql_value "SELECT count(*) FROM cooperatives WHERE registration_code LIKE '$1%'")" = "$ROWS" ] || die "COPY did not load $ROWS rows"
    "${PSQL[@]}" -c "DELETE FROM cooperatives WHERE registration_code LIKE '$1%'" -c "VACUUM ANALYZE cooperatives" </dev/null >/dev/null
}

api_port=$(pg_free_port 58280)
say "starting the API (${DOTNET_gcServer:+DOTNET_gcServer=$DOTNET_gcServer })"
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
# VmRSS every 0.2 s (VmHWM is the kernel's own peak; the samples show when it happened).
(while kill -0 "$api_pid" 2>/dev/null; do rss VmRSS >>"$work/rss.samples" 2>/dev/null; echo >>"$work/rss.samples"; sleep 0.2; done) &
sampler_pid=$!

import_once() { # prints: seconds http_code
    curl -s -o "$work/$1.json" -w '%{time_total} %{http_code}' -X POST -H "X-Api-Key: $key" -H 'Content-Type: text/csv' \
        --data-binary @"$work/rows.csv" "$base/api/v1/cooperatives/import"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$work/rounds"
for round in $(seq 1 "$ROUNDS"); do
    prefix=$(free_prefix)
    before=$(psql_value "SELECT count(*) FROM cooperatives")
    say "round $round/$ROUNDS: $ROWS new rows (codes $prefix…; $before organizations in the database)"
    python3 "$HERE/make_rows.py" "$ROWS" "$ROOT/src/Infrastructure/ReferenceData/communes-2025.csv" "$prefix" >"$work/rows.csv"
    csv_mb=$(du -m "$work/rows.csv" | cut -f1)
    bare_copy "$prefix"
    read -r api_s api_code <<<"$(import_once "round$round")"
    [ "$api_code" = 200 ] || { cat "$work/round$round.json" >&2; die "import answered $api_code"; }
    [ "$(psql_value "SELECT count(*) FROM cooperatives WHERE registration_code LIKE '$prefix%'")" = "$ROWS" ] || die "the import did not write $ROWS rows"
    say "round $round: bare COPY $copy_ms ms, import $api_s s"
    echo "$round $copy_ms $api_s $before" >>"$work/rounds"
done
hwm_import=$(rss VmHWM)
cp "$work/round1.json" "$work/first.json"
report_first=$(cat "$work/first.json")
events=$(psql_value "SELECT count(*) FROM domain_events e JOIN cooperatives c ON c.id = e.aggregate_id WHERE e.aggregate_type = 'cooperative' AND c.registration_code LIKE '$prefix%'")
again_s="" report_again="(skipped: BENCH_QUICK=1)" hwm_again=$hwm_import
if [ "$QUICK" != 1 ]; then
    say "the same file again (every row unchanged)"
    read -r again_s again_code <<<"$(import_once again)"
    [ "$again_code" = 200 ] || { cat "$work/again.json" >&2; die "re-import answered $again_code"; }
    report_again=$(cat "$work/again.json")
    hwm_again=$(rss VmHWM)
fi
say "export"
export_s=$(curl -s -o "$work/export.csv" -w '%{time_total}' -H "X-Api-Key: $key" "$base/api/v1/cooperatives/export")
export_lines=$(($(wc -l <"$work/export.csv") - 1))
hwm_export=$(rss VmHWM)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
grep -h "Import write:" "$work/api.log" | tail -n 2 >"$work/phases.txt" || true

# --- 6. figures and report -------------------------------------------------------------------
read -r copy_ms api_s copy_rate api_rate ratio export_rate rounds_md <<<"$(python3 -c "
import statistics
rounds = [l.split() for l in open('$work/rounds')]
ratios = sorted(((int(c) / 1000) / float(a), int(c), float(a)) for _, c, a, _ in rounds)
ratio, c, a = ratios[len(ratios) // 2]
r = $ROWS
md = ' · '.join(f'round {n}: {int(cc)/1000:.1f} s vs {float(aa):.1f} s = {(int(cc)/1000)/float(aa):.2f}×' for n, cc, aa, _ in rounds)
print(c, a, f'{r/(c/1000):,.0f} {r/a:,.0f} {ratio:.2f} {$export_lines/$export_s:,.0f}', md.replace(' ', '_'))")"
rounds_md=${rounds_md//_/ }
verdict() { python3 -c "print('met' if $1 else 'missed')"; }
figure import.rows.ratio "${ratio}× bare COPY (median of $ROUNDS rounds; $api_rate vs $copy_rate rows/s, $ROWS new rows, $CONFIG)" "≥ 0.80×" "$(verdict "$ratio >= 0.80")"
figure import.rss.peak "$hwm_import MB" "< 300 MB" "$(verdict "$hwm_import < 300")"
if [ -n "$again_s" ]; then
    figure import.reimport.rate "$(python3 -c "print(f'{$ROWS/$again_s:,.0f}')") rows/s (every row unchanged, ${again_s} s)" "none (report)" reported
fi
figure import.export.rate "$export_rate rows/s ($export_lines rows in ${export_s} s)" "none (report)" reported
figure import.export.rss "$hwm_export MB (peak of the whole run: import, re-import, export)" "< 300 MB" "$(verdict "$hwm_export < 300")"

cpu=$(nproc)
report=$(cat <<MD
# Bulk import, $(date -u +%F) — $ROWS rows

Machine: $cpu cores (shared; load average $load_before before the import, $load_after after the export), PostgreSQL $("$PG_BINDIR/psql" --version | awk '{print $3}'), $([ "$EXTERNAL" = 1 ] && echo "external server, database from template $BENCH_TEMPLATE_DB ($existing organizations before)" || echo "throwaway cluster"), CSV of $csv_mb MB, API built $CONFIG${DOTNET_gcServer:+, DOTNET_gcServer=$DOTNET_gcServer}${DOTNET_GCHeapCount:+, DOTNET_GCHeapCount=$DOTNET_GCHeapCount}${DOTNET_GCConserveMemory:+, DOTNET_GCConserveMemory=$DOTNET_GCConserveMemory}.

| | time | rows/s |
| --- | ---: | ---: |
| bare binary COPY into cooperatives (psql \\\\copy, same indexes and trigger), median round | $(python3 -c "print(f'{$copy_ms/1000:.2f} s')") | $copy_rate |
| POST /api/v1/cooperatives/import (CSV upload, parse, validate, domain, binary COPY of cooperatives, status_changes, domain_events; one transaction) | ${api_s} s | $api_rate |
| ratio API / bare COPY, median of $ROUNDS rounds | | **$ratio×** (target ≥ 0.8×) |
| the same file again (every row unchanged: read, validated, compared, nothing written) | ${again_s:-skipped} s | |
| GET /api/v1/cooperatives/export ($export_lines rows) | ${export_s} s | $export_rate |

Rounds (bare COPY vs import of the same rows, side by side): $rounds_md.

API memory: $rss_idle MB resident when idle; peak (VmHWM) $hwm_import MB after the $ROUNDS imports, $hwm_again MB after the re-import, $hwm_export MB after the export (target < 300 MB); highest VmRSS sample $(sort -n "$work/rss.samples" | tail -n 1) MB.

domain_events rows of the imported organizations: $events.

Write phases (API log): $(tr '\n' ' ' <"$work/phases.txt")

First report: \`$(echo "$report_first" | head -c 300)\`

Second report: \`$(echo "$report_again" | head -c 300)\`
MD
)
printf '%s\n' "$report" >&2
printf '%s\n' "$report" >"$OUT"
say "written to $OUT"
