#!/usr/bin/env bash
# THE one benchmark command (issue 16): the national data set once, every sub-harness against it,
# one line per figure.
#
#   bench/run.sh                            quick rounds (about 20 minutes on 2 cores)
#   BENCH_FULL=1 bench/run.sh               the harnesses' full rounds
#   BENCH_ONLY="http statistics" bench/run.sh
#
# 1. one throwaway PostgreSQL cluster (scripts/lib/postgres.sh: temp dir, free port, fsync off);
# 2. builds the API once (BENCH_CONFIGURATION, default Release) and migrates database
#    "coopnational" with its `migrate` command (schema, reference data, no demo data);
# 3. loads the national data set into it (bench/national/load.sh: 200,000 organizations, ~2 million
#    yearly rows, steering committees, partnership agreements, domain events), VACUUM ANALYZE;
# 4. spot-checks that the API reads it (bench/national/check.sh, on a copy of the database);
# 5. runs each sub-harness (BENCH_ONLY, default: http statistics import, then any other
#    bench/*/run.sh that takes BENCH_TEMPLATE_DB) with BENCH_PGHOST, BENCH_PGPORT, BENCH_PGUSER
#    and BENCH_TEMPLATE_DB=coopnational (each makes its own copy with CREATE DATABASE … TEMPLATE
#    and drops it), BENCH_QUICK (1 unless BENCH_FULL=1), BENCH_CONFIGURATION and BENCH_NO_BUILD=1;
#    collects the "FIGURE <id> | <measured> | <target> | <met|missed|reported>" lines of their
#    stdout; a harness that fails (exit status ≠ 0, or no FIGURE line) adds
#    "FIGURE <harness> | failed … | … | missed" and the others still run;
# 6. prints the figures as an aligned table on stdout (one line per figure) and writes
#    bench/results-<date>.md (BENCH_OUT), with the load average and the commit.
# Progress and the harnesses' own output go to stderr (harness logs kept with BENCH_KEEP=1).
# BENCH_NATIONAL_ROWS changes the size of the data set (e.g. 20000 for a smoke run).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

CONFIG=${BENCH_CONFIGURATION:-Release}
if [ "${BENCH_FULL:-0}" = 1 ]; then QUICK=0; else QUICK=${BENCH_QUICK:-1}; fi
KEEP=${BENCH_KEEP:-0}
DB=coopnational
OUT=${BENCH_OUT:-$HERE/results-$(date +%F).md}
DLL="$ROOT/src/WebApi/bin/$CONFIG/net10.0/CoopApi.WebApi.dll"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
case $CONFIG in Release | Debug) ;; *) die "BENCH_CONFIGURATION must be Release or Debug (got '$CONFIG')" ;; esac
command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found: install the .NET 10 SDK"
for tool in curl jq; do
    command -v "$tool" >/dev/null 2>&1 || pg_apt_install "$tool" || die "'$tool' is needed"
done
pg_find_bindir >/dev/null || die "no PostgreSQL server binaries"

if [ -n "${BENCH_ONLY:-}" ]; then
    HARNESSES=$BENCH_ONLY
else
    HARNESSES="http statistics import"
    for f in "$HERE"/*/run.sh; do
        h=$(basename "$(dirname "$f")")
        [[ " $HARNESSES " == *" $h "* ]] || ! grep -q BENCH_TEMPLATE_DB "$f" || HARNESSES+=" $h"
    done
fi
for h in $HARNESSES; do [ -x "$HERE/$h/run.sh" ] || [ -f "$HERE/$h/run.sh" ] || die "no harness bench/$h/run.sh"; done

work=$(mktemp -d "${TMPDIR:-/tmp}/coopnational.XXXXXX")
chmod 0755 "$work"
cluster_datadir=""
api_pid=""
started=$(date +%s)
cleanup() {
    local rc=$?
    trap - EXIT
    [ -z "$api_pid" ] || { kill -TERM "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; }
    [ -z "$cluster_datadir" ] || pg_discard_cluster "$cluster_datadir" || true
    if [ "$KEEP" = 1 ]; then say "logs kept in $work"; else rm -rf "$work"; fi
    exit "$rc"
}
trap cleanup EXIT

: >"$work/figures"
figure() { printf 'FIGURE %s | %s | %s | %s\n' "$@" >>"$work/figures"; }

# 1–2. cluster, build, migrate
port=$(pg_free_port 56400)
pg_start_cluster "$work/pgdata" "$port" throwaway >/dev/null
cluster_datadir=$PG_DATADIR
port=$PG_PORT
pg_create_database "$port" "$DB"
PSQL=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
CONN="Host=127.0.0.1;Port=$port;Database=$DB;Username=postgres"
say "building src/WebApi ($CONFIG)"
dotnet build "$ROOT/src/WebApi" -c "$CONFIG" -nologo -v q >&2 || die "the build failed"
say "migrating $DB"
(cd "$(dirname "$DLL")" && ConnectionStrings__Default="$CONN" Database__SeedDemoData=false dotnet "$DLL" migrate) \
    >"$work/migrate.log" 2>&1 </dev/null || { tail -n 20 "$work/migrate.log" >&2; die "migrate failed"; }

# 3. the national data set
read -r _ rows _ seconds _ size < <(PG_BINDIR=$PG_BINDIR "$HERE/national/load.sh" 127.0.0.1 "$port" postgres "$DB")
[ -n "${rows:-}" ] || die "loading the national data set failed"
orgs=$("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM cooperatives" </dev/null)
figure national.load.time "$seconds s for $rows rows ($orgs organizations, $size)" "minutes" reported

# 4. the API reads it (on a copy: a template must have no connections)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE coopnational_check TEMPLATE $DB" </dev/null
check_conn="Host=127.0.0.1;Port=$port;Database=coopnational_check;Username=postgres"
key=$(cd "$(dirname "$DLL")" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$check_conn" \
    dotnet "$DLL" create-admin-key --name "bench/run.sh" 2>>"$work/api.log" </dev/null | tail -n 1)
api_port=$(pg_free_port 58480)
(
    cd "$(dirname "$DLL")"
    export ConnectionStrings__Default="$check_conn" Database__MigrateOnStartup=false Database__SeedDemoData=false
    export ASPNETCORE_URLS="http://127.0.0.1:$api_port" RateLimits__Enabled=false
    exec dotnet "$DLL"
) >>"$work/api.log" 2>&1 </dev/null &
api_pid=$!
for _ in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$api_port/health/ready" || true)" = 200 ] && break
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 1
done
if PG_BINDIR=$PG_BINDIR "$HERE/national/check.sh" "http://127.0.0.1:$api_port" "$key" \
    -h 127.0.0.1 -p "$port" -U postgres -d coopnational_check 2>"$work/check.log"; then
    figure national.check "$(grep -c ' ok ' "$work/check.log") GETs answered 200 with the generated values" "all" met
else
    sed 's/^/[bench] /' "$work/check.log" >&2
    figure national.check "failed: $(grep -c 'FAIL' "$work/check.log") GETs wrong (see the log above)" "all" missed
fi
kill -TERM "$api_pid" 2>/dev/null || true
wait "$api_pid" 2>/dev/null || true
api_pid=""
"${PSQL[@]}" -d postgres -c "DROP DATABASE coopnational_check WITH (FORCE)" </dev/null

# 5. the sub-harnesses
for h in $HARNESSES; do
    say "=== bench/$h (quick=$QUICK, $CONFIG) ==="
    t0=$(date +%s)
    rc=0
    env BENCH_PGHOST=127.0.0.1 BENCH_PGPORT="$port" BENCH_PGUSER=postgres BENCH_TEMPLATE_DB="$DB" \
        BENCH_QUICK="$QUICK" BENCH_CONFIGURATION="$CONFIG" BENCH_NO_BUILD=1 PG_BINDIR="$PG_BINDIR" \
        bash "$HERE/$h/run.sh" </dev/null >"$work/$h.out" 2> >(tee "$work/$h.err" | sed -u "s/^/[$h] /" >&2) || rc=$?
    took=$(($(date +%s) - t0))
    n=$(grep -c '^FIGURE ' "$work/$h.out" || true)
    grep '^FIGURE ' "$work/$h.out" >>"$work/figures" || true
    if [ "$rc" != 0 ] || [ "$n" = 0 ]; then
        figure "$h" "failed (exit status $rc, $n figures, after $took s)" "a run without errors" missed
    fi
    say "bench/$h: exit status $rc, $n figures, $took s"
done
# A database a harness failed to drop would only cost disk: the cluster goes anyway.

# 6. the table
total=$(($(date +%s) - started))
load="$(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
table() {
    awk -F' [|] ' -v md="$1" '
        { sub(/^FIGURE /, "", $1); id[NR] = $1; m[NR] = $2; t[NR] = $3; v[NR] = $4
          if (length($1) > w1) w1 = length($1); if (length($2) > w2) w2 = length($2); if (length($3) > w3) w3 = length($3) }
        END {
          if (md) { print "| figure | measured | target | verdict |"; print "| --- | --- | --- | --- |" }
          for (i = 1; i <= NR; i++)
            if (md) printf "| %s | %s | %s | %s |\n", id[i], m[i], t[i], v[i]
            else printf "%-*s  %-*s  %-*s  %s\n", w1, id[i], w2, m[i], w3, t[i], v[i] }' "$work/figures"
}
{
    echo "# bench/run.sh ($(date -u '+%F %H:%M UTC'), commit $commit)"
    echo
    echo "Harnesses: $HARNESSES; quick=$QUICK; API build $CONFIG; national data set: $rows rows."
    echo "Total time $((total / 60)) min $((total % 60)) s; load average at the end $load."
    echo
    table 1
} >"$OUT"
say "done in $((total / 60)) min $((total % 60)) s; load average $load; report: $OUT"
table ""
