#!/usr/bin/env bash
# The API against a raw baseline, side by side, over HTTP only.
#
#   bench/http/run.sh
#
# 1. starts a throwaway PostgreSQL cluster (temp dir, free port) from the local binaries, as the
#    `postgres` user when run as root (scripts/lib/postgres.sh), database "coopbench";
# 2. builds the API (src/WebApi) and the raw baseline (bench/http/Baseline: a bare minimal-API
#    app, raw Npgsql, same SQL, same JSON) in Release;
# 3. starts the API as in production (Production environment, Swagger and logging as configured),
#    which builds the real schema from its migrations and loads the reference data;
# 4. loads BENCH_ROWS (60,000) organizations and their status history through COPY (the generator
#    of bench/list-queries/load.sql), then VACUUM ANALYZE;
# 5. starts the baseline; both apps get the same pool options (POOL below);
# 6. checks that both answer every scenario with the same bytes;
# 7. per scenario, runs wrk (loopback, BENCH_CONNECTIONS=32 connections, BENCH_DURATION s per
#    round, after BENCH_WARMUP s of warm-up each) in alternating rounds A B A B … (BENCH_ROUNDS
#    pairs), reading each server's CPU time (utime + stime, /proc/<pid>/stat) before and after
#    every round;
# 8. prints a Markdown report (medians over the rounds; ratios API / baseline) and writes it to
#    bench/http/results-<date>.md (BENCH_OUT).
#
# Scenarios: "byId" GET /api/v1/cooperatives/{id} with a random id per request (bench.lua);
# "list" page 1 with filters, search and sort (LIST_QUERY below); "deep" the whole register by
# name, the page ~100,000 rows in reached by its cursor (the nextCursor of page 500 of 200);
# "offset" the same page by page number (OFFSET; reported, no target); "create" POST
# /api/v1/cooperatives, a new cooperative group per request (unique name, no registration code)
# with an Idempotency-Key of its own (bench.lua), against the baseline's bare INSERT of the same
# columns. BENCH_SCENARIOS (or SCENARIOS) picks some, e.g. SCENARIOS=create; default: all five.
#
# Output (THE BENCH CONTRACT of issue 16): stdout carries only the figures, one line each,
#   FIGURE <id> | <measured> | <target> | <met|missed|reported>
# (http.<scenario>.rps / .p99 / .cpu as ratios API / baseline, http.create.* reported, and
# http.rss.peak, the API's VmHWM after the load); the report and every message go to stderr.
# With BENCH_PGHOST, BENCH_PGPORT, BENCH_PGUSER and BENCH_TEMPLATE_DB set, no cluster is started
# and nothing is loaded: the harness makes its own database from the template (CREATE DATABASE …
# TEMPLATE …: migrated, reference and national data, analysed) and drops it at the end.
# BENCH_CONFIGURATION=Release|Debug (Release) builds the API and the baseline; BENCH_QUICK=1 runs
# 2 rounds of 5 s after 5 s of warm-up (unless BENCH_ROUNDS/DURATION/WARMUP say otherwise).
#
# Every request carries X-Api-Key with a national admin key made by the API's create-admin-key
# command after step 3 (the baseline ignores it), so the measured path includes the key's check.
#
# Environment: BENCH_PGHOST, BENCH_PGPORT, BENCH_PGUSER, BENCH_TEMPLATE_DB (an external server, above), BENCH_CONFIGURATION, BENCH_QUICK,
# BENCH_LABEL (names the measured API in the report), BENCH_API_ROOT (a checkout whose src/WebApi is measured; default: this one, e.g.
# a `git worktree` of an older commit to measure before/after), BENCH_ROWS (200,000; standalone only), BENCH_ROUNDS (4), BENCH_DURATION (10), BENCH_WARMUP (15),
# BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_OUT, BENCH_KEEP=1 (keep the temp dir), BENCH_SCENARIOS ("byId list deep offset create").
# Needs: dotnet (SDK 10), curl, wrk (installed with apt-get when missing), PostgreSQL binaries.
set -euo pipefail

# stdout is for FIGURE lines only (fd 3); everything else, tools' chatter included, goes to stderr.
exec 3>&1 1>&2

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

QUICK=${BENCH_QUICK:-0}
CONFIG=${BENCH_CONFIGURATION:-Release}
ROWS=${BENCH_ROWS:-200000}
if [ "$QUICK" = 1 ]; then
    ROUNDS=${BENCH_ROUNDS:-2}
    DURATION=${BENCH_DURATION:-5}
    WARMUP=${BENCH_WARMUP:-5}
else
    ROUNDS=${BENCH_ROUNDS:-4}
    DURATION=${BENCH_DURATION:-10}
    WARMUP=${BENCH_WARMUP:-15}
fi
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
KEEP=${BENCH_KEEP:-0}
SCENARIOS=${BENCH_SCENARIOS:-${SCENARIOS:-byId list deep offset create}}
EXTERNAL=0
if [ -n "${BENCH_TEMPLATE_DB:-}" ]; then
    EXTERNAL=1
    for v in BENCH_PGHOST BENCH_PGPORT BENCH_PGUSER; do
        [ -n "${!v:-}" ] || { printf '[bench] error: BENCH_TEMPLATE_DB is set but %s is not\n' "$v" >&2; exit 1; }
    done
fi
DAY=$(date +%F)
OUT=${BENCH_OUT:-$HERE/results-$DAY.md}
DB=coopbench
[ "$EXTERNAL" = 1 ] && DB="bench_http_$$_$(date +%s)"
API_ROOT=$(cd "${BENCH_API_ROOT:-$ROOT}" && pwd)
# plan_cache_mode=force_custom_plan: with auto-prepare, PostgreSQL would switch the list's search
# statement to a generic plan after five runs (382 ms instead of 20 ms, docs/benchmarks.md); both
# apps get the same setting, so the comparison stays like for like.
POOL="Maximum Pool Size=8;Max Auto Prepare=20;No Reset On Close=true;Options='-c plan_cache_mode=force_custom_plan'"
LIST_PROVINCE=79 # Thành phố Hồ Chí Minh: the province with the most communes
# Page 1 with filters, a search of two words and a sort.
LIST_QUERY="provinceCode=$LIST_PROVINCE&status=active&q=vai%20thieu&sort=-charterCapital&page=1&pageSize=20"

say() { printf '[bench] %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}

for v in ROWS ROUNDS DURATION WARMUP CONNECTIONS THREADS; do
    [[ ${!v} =~ ^[0-9]+$ ]] && [ "${!v}" -ge 1 ] || die "BENCH_$v must be a positive integer (got '${!v}')"
done
case $CONFIG in Release | Debug) ;; *) die "BENCH_CONFIGURATION must be Release or Debug (got '$CONFIG')" ;; esac
for scenario in $SCENARIOS; do
    case $scenario in byId | list | deep | offset | create) ;; *) die "unknown scenario '$scenario' (byId, list, deep, offset, create)" ;; esac
done
command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found: install the .NET 10 SDK"
command -v curl >/dev/null 2>&1 || pg_apt_install curl || die "'curl' is needed"
command -v wrk >/dev/null 2>&1 || pg_apt_install wrk || die "'wrk' is needed"
pg_find_bindir >/dev/null || die "no PostgreSQL server binaries"

# --- temp dir, cleanup ------------------------------------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/coophttp.XXXXXX")
chmod 0755 "$work" # the postgres user (when we are root) must reach the data directory
cluster_datadir=""
db_created=0
api_pid=""
base_pid=""

alive() {
    kill -0 "$1" 2>/dev/null || return 1
    [ -r "/proc/$1/stat" ] || return 0
    [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]
}

stop_pid() { # pid: TERM, wait up to 10 s, KILL
    local p=$1 waited=0
    [ -n "$p" ] || return 0
    if alive "$p"; then
        kill -TERM "$p" 2>/dev/null || true
        while alive "$p" && [ $waited -lt 100 ]; do
            sleep 0.1
            waited=$((waited + 1))
        done
        alive "$p" && kill -KILL "$p" 2>/dev/null
    fi
    wait "$p" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$api_pid" || true
    stop_pid "$base_pid" || true
    if [ "$EXTERNAL" = 1 ] && [ "$db_created" = 1 ]; then
        "$PG_BINDIR/psql" -X -q -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U "$BENCH_PGUSER" -d postgres \
            -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" </dev/null >&2 || say "could not drop $DB"
    fi
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

if [ "$EXTERNAL" = 1 ]; then
    pghost=$BENCH_PGHOST port=$BENCH_PGPORT pguser=$BENCH_PGUSER
    say "external server $pghost:$port: database $DB from template $BENCH_TEMPLATE_DB"
    "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$pghost" -p "$port" -U "$pguser" -d postgres \
        -c "CREATE DATABASE \"$DB\" TEMPLATE \"$BENCH_TEMPLATE_DB\"" </dev/null >&2 || die "CREATE DATABASE $DB TEMPLATE $BENCH_TEMPLATE_DB failed"
    db_created=1
else
    pghost=127.0.0.1 pguser=postgres
    port=$(pg_free_port 55800)
    pg_start_cluster "$work/pgdata" "$port" >/dev/null
    cluster_datadir=$PG_DATADIR
    port=$PG_PORT
    pg_create_database "$port" "$DB"
fi
PSQL=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$pghost" -p "$port" -U "$pguser" -d "$DB")
psql_value() { "${PSQL[@]}" -At -c "$1" </dev/null; }
CONN="Host=$pghost;Port=$port;Database=$DB;Username=$pguser;$POOL"
[ -z "${PGPASSWORD:-}" ] || CONN="$CONN;Password=$PGPASSWORD"

# --- 2. builds ---------------------------------------------------------------------------------

say "building the API and the baseline ($CONFIG)"
for project in "$API_ROOT/src/WebApi" "$ROOT/bench/http/Baseline"; do
    if ! dotnet build "$project" -c "$CONFIG" -nologo >"$work/build.log" 2>&1 </dev/null; then
        tail -n 40 "$work/build.log" >&2
        die "dotnet build $project failed"
    fi
done
api_dll=$(ls "$API_ROOT"/src/WebApi/bin/"$CONFIG"/net10.0/CoopApi.WebApi.dll)
base_dll=$(ls "$ROOT"/bench/http/Baseline/bin/"$CONFIG"/net10.0/Baseline.dll)

wait_ready() { # pid url log
    local deadline=$((SECONDS + 180))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$2" || true)" = 200 ]; do
        alive "$1" || {
            tail -n 40 "$3" >&2
            die "$(basename "$3" .log) exited before $2 answered 200"
        }
        [ $SECONDS -lt $deadline ] || {
            tail -n 40 "$3" >&2
            die "$2 did not answer 200 within 180 s"
        }
        sleep 1
    done
}

# --- 3. the API, as in production; it migrates the database -------------------------------------

api_port=$(pg_free_port 58180)
say "starting the API on 127.0.0.1:$api_port (Production)"
(
    cd "$(dirname "$api_dll")"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$api_port"
    export ConnectionStrings__Default="$CONN" Database__MigrateOnStartup=true Database__SeedDemoData=false
    # The rate limiter stays on, so its cost is measured, with a limit wrk never reaches
    # (one loopback client would otherwise be answered 429 after 600 requests).
    export RateLimits__Enabled=true RateLimits__PermitLimit=1000000000 RateLimits__WindowSeconds=60
    exec dotnet "$api_dll"
) >"$work/api.log" 2>&1 </dev/null &
api_pid=$!
wait_ready "$api_pid" "http://127.0.0.1:$api_port/health/ready" "$work/api.log"
[ "$EXTERNAL" = 1 ] || [ "$(psql_value "SELECT count(*) FROM cooperatives")" = 0 ] || die "cooperatives is not empty after the migration"
# Every endpoint but health needs a credential: a national admin key made by the API's own
# command (as run.sh makes its key), sent by curl and wrk to both apps (the baseline ignores it),
# so the key's check is part of what is measured. An API from before issue 9 has no such command.
api_key=""
if [ -f "$API_ROOT/src/WebApi/Security/AdminKeyCommand.cs" ]; then
    api_key=$(
        cd "$(dirname "$api_dll")"
        ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$CONN" \
            dotnet "$api_dll" create-admin-key --name "bench/http" 2>>"$work/api.log" </dev/null | tail -n 1
    ) || die "create-admin-key failed: $(tail -n 5 "$work/api.log")"
    say "made an admin key for the benchmark ($(cut -c1-13 <<<"$api_key")…)"
fi
auth=()
[ -z "$api_key" ] || auth=(-H "X-Api-Key: $api_key")
export BENCH_API_KEY=$api_key

# --- 4. data through COPY ------------------------------------------------------------------------

if [ "$EXTERNAL" = 0 ]; then
    COLUMNS="id, registration_code, name, kind, sector, status, province_code, commune_code, address,
        established_on, charter_capital, member_count, employee_count, representative, phone, email,
        is_youth_cooperative, main_products, created_at, updated_at, status_since, last_sequence"
    # The generator of bench/list-queries/load.sql (deterministic names, codes, places, statuses).
    generator=$(sed -n '/^WITH cm AS (/,/^FROM r;$/p' "$ROOT/bench/list-queries/load.sql" |
        sed -e "s/:rows/$ROWS/" -e 's/^FROM r;$/FROM r/')
    [ -n "$generator" ] || die "no generator found in bench/list-queries/load.sql"
    say "loading $ROWS organizations through COPY"
    t0=$(date +%s%N)
    "${PSQL[@]}" -c "COPY ($generator) TO STDOUT" </dev/null |
        "${PSQL[@]}" -c "COPY cooperatives ($COLUMNS) FROM STDIN"
    # History: the registration, then the steps to the current status (as load.sql).
    "${PSQL[@]}" -c "COPY (
        SELECT gen_random_uuid(), c.id, s.seq, s.from_status, s.to_status, c.established_on + s.seq * 120, s.reason, c.created_at
        FROM cooperatives c
        CROSS JOIN LATERAL (
            VALUES (0, NULL, 'active', 'Đăng ký thành lập'),
                   (1, 'active', CASE c.status WHEN 'dissolved' THEN 'awaitingDissolution' ELSE c.status END,
                    'Quyết định của cơ quan đăng ký'),
                   (2, 'awaitingDissolution', 'dissolved', 'Hoàn tất thủ tục giải thể')
        ) AS s(seq, from_status, to_status, reason)
        WHERE s.seq = 0 OR (s.seq = 1 AND c.status <> 'active') OR (s.seq = 2 AND c.status = 'dissolved')
        ) TO STDOUT" </dev/null |
        "${PSQL[@]}" -c "COPY status_changes (id, cooperative_id, sequence, from_status, to_status, effective_on, reason, recorded_at) FROM STDIN"
    "${PSQL[@]}" -c "VACUUM ANALYZE" </dev/null
    load_ms=$((($(date +%s%N) - t0) / 1000000))
else
    load_ms=0
    say "using the template's data (nothing loaded)"
fi
coops=$(psql_value "SELECT count(*) FROM cooperatives")
[ "$EXTERNAL" = 1 ] || [ "$coops" = "$ROWS" ] || die "expected $ROWS organizations, found $coops"
list_total=$(psql_value "SELECT count(*) FROM cooperatives WHERE province_code = '$LIST_PROVINCE' AND status = 'active' AND search_text LIKE '%vai thieu%'")
psql_value "SELECT id FROM cooperatives ORDER BY md5(id::text)" >"$work/ids.txt"
say "$coops organizations (loaded in $load_ms ms); the list scenario matches $list_total"
# The deep scenarios: the whole register by name, the page DEEP_ROW rows in (about 100,000).
DEEP_ROW=$((coops / 2 < 100000 ? coops / 2 / 200 * 200 : 100000))
[ "$DEEP_ROW" -ge 200 ] || die "too few organizations ($coops) for the deep scenarios"

# --- 5. the baseline ---------------------------------------------------------------------------

base_port=$(pg_free_port $((api_port + 1)))
say "starting the baseline on 127.0.0.1:$base_port"
(
    cd "$(dirname "$base_dll")"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$base_port"
    export ConnectionStrings__Default="$CONN"
    exec dotnet "$base_dll"
) >"$work/baseline.log" 2>&1 </dev/null &
base_pid=$!
first_id=$(head -n 1 "$work/ids.txt")
wait_ready "$base_pid" "http://127.0.0.1:$base_port/api/v1/cooperatives/$first_id" "$work/baseline.log"

# --- 6. same bytes -----------------------------------------------------------------------------

same_bytes() { # path
    curl -sf "${auth[@]}" "http://127.0.0.1:$api_port$1" -o "$work/a.json" || die "API: GET $1 failed"
    curl -sf "${auth[@]}" "http://127.0.0.1:$base_port$1" -o "$work/b.json" || die "baseline: GET $1 failed"
    cmp -s "$work/a.json" "$work/b.json" || {
        diff <(tr ',' '\n' <"$work/a.json") <(tr ',' '\n' <"$work/b.json") | head -n 20 >&2
        die "the API and the baseline answer GET $1 with different bytes"
    }
}
checked=0
while read -r id; do
    same_bytes "/api/v1/cooperatives/$id"
    checked=$((checked + 1))
done < <(awk 'NR % 3001 == 1' "$work/ids.txt")
same_bytes "/api/v1/cooperatives?$LIST_QUERY"
# The cursor after row DEEP_ROW: the nextCursor of page DEEP_ROW/200 of 200 (the API makes it).
deep_cursor=$(curl -sf "${auth[@]}" "http://127.0.0.1:$api_port/api/v1/cooperatives?sort=name&pageSize=200&page=$((DEEP_ROW / 200))" |
    sed -n 's/.*"nextCursor":"\([A-Za-z0-9_-]*\)".*/\1/p')
[ -n "$deep_cursor" ] || die "no nextCursor on page $((DEEP_ROW / 200)) of 200"
DEEP_QUERY="sort=name&pageSize=20&cursor=$deep_cursor"
OFFSET_QUERY="sort=name&pageSize=20&page=$((DEEP_ROW / 20 + 1))"
same_bytes "/api/v1/cooperatives?$DEEP_QUERY"
same_bytes "/api/v1/cooperatives?$OFFSET_QUERY"
same_bytes "/api/v1/cooperatives?sort=-charterCapital&pageSize=20&cursor=$(curl -sf "${auth[@]}" "http://127.0.0.1:$api_port/api/v1/cooperatives?$LIST_QUERY" |
    sed -n 's/.*"nextCursor":"\([A-Za-z0-9_-]*\)".*/\1/p')&provinceCode=$LIST_PROVINCE&status=active&q=vai%20thieu"
curl -sf "${auth[@]}" "http://127.0.0.1:$api_port/api/v1/cooperatives?$DEEP_QUERY" -o "$work/deep.json"
curl -sf "${auth[@]}" "http://127.0.0.1:$api_port/api/v1/cooperatives?$OFFSET_QUERY" -o "$work/offset.json"
cmp -s <(sed 's/"page":[^,]*,//; s/"nextCursor":.*//' "$work/deep.json") <(sed 's/"page":[^,]*,//; s/"nextCursor":.*//' "$work/offset.json") ||
    die "the page by cursor and the page by number $((DEEP_ROW / 20 + 1)) differ"
checked=$((checked + 5))
say "same bytes from both apps on $checked requests"
if [[ " $SCENARIOS " == *" create "* ]]; then
    # Different ids and times, so not the same bytes: the same status and the same members in the same order.
    for who in api base; do
        p=$api_port
        [ $who = base ] && p=$base_port
        code=$(curl -s -o "$work/$who.json" -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
            -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
            --data '{"name":"Tổ hợp tác kiểm tra '"$who"'","kind":"cooperativeGroup","sector":"agricultureForestryFishery","provinceCode":"20","communeCode":"06427","establishedOn":"2015-03-12","charterCapital":150000000,"memberCount":7,"isYouthCooperative":false,"mainProducts":[]}' \
            "http://127.0.0.1:$p/api/v1/cooperatives")
        [ "$code" = 201 ] || die "$who: POST /api/v1/cooperatives answered $code: $(head -c 400 "$work/$who.json")"
        grep -o '"[A-Za-z]*":' "$work/$who.json" >"$work/$who.keys"
    done
    cmp -s "$work/api.keys" "$work/base.keys" || die "the API and the baseline answer a create with different members"
    say "both apps answer a create with 201 and the same members"
fi

# --- 7. rounds ---------------------------------------------------------------------------------

ticks_per_s=$(getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; } # utime + stime
# run <scenario> <A|B> <seconds> -> "requests duration_us p99_us non2xx errors cpu_ticks"
run() {
    local scenario=$1 who=$2 seconds=$3 port pid url ids="" before after line
    if [ "$who" = A ]; then port=$api_port pid=$api_pid; else port=$base_port pid=$base_pid; fi
    local create=""
    if [ "$scenario" = byId ]; then
        url="http://127.0.0.1:$port/api/v1/cooperatives/"
        ids="$work/ids.txt"
    elif [ "$scenario" = create ]; then
        url="http://127.0.0.1:$port/api/v1/cooperatives"
        create=1
    elif [ "$scenario" = deep ]; then
        url="http://127.0.0.1:$port/api/v1/cooperatives?$DEEP_QUERY"
    elif [ "$scenario" = offset ]; then
        url="http://127.0.0.1:$port/api/v1/cooperatives?$OFFSET_QUERY"
    else
        url="http://127.0.0.1:$port/api/v1/cooperatives?$LIST_QUERY"
    fi
    # The deep page by number costs ~0.1-1 s of database time per request: more clients than the
    # pool has connections would only queue past the API's 3 s pool timeout (503), so it runs with
    # as many connections as the pool (8).
    local connections=$CONNECTIONS
    [ "$scenario" = offset ] && [ "$connections" -gt 8 ] && connections=8
    before=$(cpu_ticks "$pid")
    line=$(BENCH_IDS=$ids BENCH_CREATE=$create wrk -t "$THREADS" -c "$connections" -d "${seconds}s" --timeout 10s \
        -s "$HERE/bench.lua" "$url" 2>&1 | grep '^RESULT ') || die "wrk failed on $scenario/$who"
    after=$(cpu_ticks "$pid")
    # shellcheck disable=SC2001
    printf '%s %s\n' "$(sed 's/[a-z0-9_]*=//g; s/^RESULT //' <<<"$line")" "$((after - before))"
}

results="$work/results.txt"
: >"$results"
: >"$work/failures.txt"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for scenario in $SCENARIOS; do
    say "$scenario: warm-up ${WARMUP} s each"
    run "$scenario" A "$WARMUP" >/dev/null
    run "$scenario" B "$WARMUP" >/dev/null
    for ((r = 1; r <= ROUNDS; r++)); do
        for who in A B; do
            read -r n dur p99 non2xx errs ticks < <(run "$scenario" "$who" "$DURATION")
            # A failed answer is a finding, not the end of the run: the scenario's figures say "missed".
            [ "$non2xx" = 0 ] && [ "$errs" = 0 ] || {
                say "$scenario/$who round $r: $non2xx non-2xx answers, $errs socket errors (see the apps' logs)"
                echo "$scenario $who $non2xx $errs" >>"$work/failures.txt"
            }
            printf '%s %s %s %s %s %s %s\n' "$scenario" "$who" "$r" "$n" "$dur" "$p99" "$ticks" >>"$results"
            say "$scenario round $r $who: $n requests, $(awk -v n="$n" -v d="$dur" 'BEGIN { printf "%.0f", n / (d / 1e6) }') req/s, p99 $((p99 / 1000)) ms"
        done
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
# Peak resident memory of each app over its whole life (the kernel's high-water mark).
api_hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$api_pid/status")
base_hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$base_pid/status")
created=$(psql_value "SELECT count(*) - $ROWS FROM cooperatives")

# --- 8. report ---------------------------------------------------------------------------------

# Per scenario and app: medians over the rounds of req/s, p99 (ms) and CPU µs per request.
summary() { # scenario who -> "rps p99_ms cpu_us"
    awk -v s="$1" -v w="$2" -v hz="$ticks_per_s" '
        function median(a, n,   i, j, t) {
            for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        $1 == s && $2 == w { n++; rps[n] = $4 / ($5 / 1e6); p99[n] = $6 / 1000; cpu[n] = $7 / hz * 1e6 / $4 }
        END { printf "%.0f %.2f %.0f\n", median(rps, n), median(p99, n), median(cpu, n) }' "$results"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
table="$work/table.md"
{
    echo "| scenario | API req/s | baseline req/s | **req/s ratio** | API p99 ms | baseline p99 ms | **p99 ratio** | API CPU µs/req | baseline CPU µs/req | **CPU/req ratio** |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for scenario in $SCENARIOS; do
        read -r a_rps a_p99 a_cpu < <(summary "$scenario" A)
        read -r b_rps b_p99 b_cpu < <(summary "$scenario" B)
        label="\`GET /api/v1/cooperatives/{id}\` (random id)"
        [ "$scenario" = list ] && label="\`GET /api/v1/cooperatives?$LIST_QUERY\` ($list_total match)"
        [ "$scenario" = create ] && label="\`POST /api/v1/cooperatives\` (new cooperative group; baseline: bare INSERT)"
        [ "$scenario" = deep ] && label="\`GET /api/v1/cooperatives?sort=name&pageSize=20&cursor=…\` (the page $DEEP_ROW rows in, by cursor)"
        [ "$scenario" = offset ] && label="\`GET /api/v1/cooperatives?$OFFSET_QUERY\` (the same page by number: OFFSET $DEEP_ROW)"
        printf '| %s | %s | %s | **%s** | %s | %s | **%s** | %s | %s | **%s** |\n' "$label" \
            "$a_rps" "$b_rps" "$(ratio "$a_rps" "$b_rps")" "$a_p99" "$b_p99" "$(ratio "$a_p99" "$b_p99")" \
            "$a_cpu" "$b_cpu" "$(ratio "$a_cpu" "$b_cpu")"
    done
} >"$table"
rounds_md="$work/rounds.md"
{
    echo "| scenario | round | app | requests | req/s | p99 ms | CPU µs/req |"
    echo "| --- | ---: | --- | ---: | ---: | ---: | ---: |"
    awk -v hz="$ticks_per_s" '{ printf "| %s | %s | %s | %s | %.0f | %.2f | %.0f |\n", $1, $3, ($2 == "A" ? "API" : "baseline"),
        $4, $4 / ($5 / 1e6), $6 / 1000, $7 / hz * 1e6 / $4 }' "$results"
} >"$rounds_md"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
commit=$(git -C "$API_ROOT" rev-parse --short HEAD 2>/dev/null || echo "unknown (not a git checkout)")
dirty=$({ git -C "$API_ROOT" status --porcelain -- src 2>/dev/null || true; } | head -n 1)
{
    echo "# bench/http results, $DAY"
    echo
    echo "The API (A) against the raw baseline (B, bench/http/Baseline) on the same data, over HTTP."
    echo
    [ -z "${BENCH_LABEL:-}" ] || echo "- API measured: $BENCH_LABEL"
    echo "- API at commit $commit${dirty:+ (with uncommitted changes in src)}; $coops organizations loaded through COPY in $load_ms ms"
    echo "- wrk: $THREADS threads, $CONNECTIONS connections, loopback; $ROUNDS rounds of ${DURATION} s per app and scenario, A B A B …, after ${WARMUP} s of warm-up each"
    echo "- both apps: \`$POOL\`; Production environment; the API with Swagger and logging as configured"
    echo "- same bytes checked on $checked requests before measuring"
    echo "- scenarios: $SCENARIOS$([[ " $SCENARIOS " == *" create "* ]] && echo "; $created organizations created during the run")"
    echo "- machine: $(nproc) CPUs ($cpu); load average before / after: $load_before / $load_after (the whole machine: other work shares these CPUs)"
    echo "- $CONFIG build$([ "$QUICK" = 1 ] && echo ", BENCH_QUICK"); data: $([ "$EXTERNAL" = 1 ] && echo "template $BENCH_TEMPLATE_DB on $pghost:$port" || echo "own cluster, bench/list-queries generator")"
    echo "- peak RSS (VmHWM): API $((api_hwm_kb / 1024)) MB, baseline $((base_hwm_kb / 1024)) MB"
    echo
    echo "Medians over the rounds; ratios are API / baseline (req/s: higher is better; p99 and CPU per request: lower is better)."
    echo
    cat "$table"
    echo
    echo "<details><summary>Every round</summary>"
    echo
    cat "$rounds_md"
    echo
    echo "</details>"
} >"$OUT"
cp "$results" "${OUT%.md}.rounds.txt"
cat "$OUT" >&2
say "report written to $OUT (raw rounds: ${OUT%.md}.rounds.txt)"

# --- 9. figures (stdout) -----------------------------------------------------------------------

# figure <id> <measured> <target> <verdict>
figure() { printf 'FIGURE %s | %s | %s | %s\n' "$1" "$2" "$3" "$4" >&3; }
# verdict <value> <op> <limit>: met or missed
verdict() { awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == ">=") ? v >= l : v <= l; print ok ? "met" : "missed" }'; }
num() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
for scenario in $SCENARIOS; do
    read -r a_rps a_p99 a_cpu < <(summary "$scenario" A)
    read -r b_rps b_p99 b_cpu < <(summary "$scenario" B)
    rps=$(num "$a_rps" "$b_rps") p99=$(num "$a_p99" "$b_p99") cpu=$(num "$a_cpu" "$b_cpu")
    rps_text="${rps}× baseline ($a_rps vs $b_rps req/s)"
    failed=$(awk -v s="$scenario" '$1 == s && $2 == "A" { n += $3 + $4 } END { print n + 0 }' "$work/failures.txt" 2>/dev/null || echo 0)
    [ "$failed" = 0 ] || rps_text="$rps_text; $failed failed answers"
    p99_text="${p99}× baseline ($a_p99 vs $b_p99 ms)"
    cpu_text="${cpu}× baseline ($a_cpu vs $b_cpu µs/req)"
    case $scenario in
    byId)
        v=$(verdict "$rps" ">=" 0.80)
        [ "$failed" = 0 ] || v=missed
        figure http.byId.rps "$rps_text" "≥ 0.80× (aim 0.90×)" "$v"
        figure http.byId.p99 "$p99_text" "≤ 1.5×" "$(verdict "$p99" "<=" 1.5)"
        figure http.byId.cpu "$cpu_text" "≤ 2×" "$(verdict "$cpu" "<=" 2)"
        ;;
    list | deep)
        v=$(verdict "$rps" ">=" 0.80)
        [ "$failed" = 0 ] || v=missed
        figure "http.$scenario.rps" "$rps_text" "≥ 0.80×" "$v"
        figure "http.$scenario.p99" "$p99_text" "none (report)" reported
        ;;
    offset)
        figure http.offset.rps "$rps_text" "none (report)" reported
        figure http.offset.p99 "$p99_text" "none (report)" reported
        ;;
    create)
        figure http.create.rps "${rps}× bare INSERT ($a_rps vs $b_rps req/s)" "none (report)" reported
        figure http.create.p99 "${p99}× bare INSERT ($a_p99 vs $b_p99 ms)" "none (report)" reported
        ;;
    esac
done
if [[ " $SCENARIOS " == *" deep "* && " $SCENARIOS " == *" offset "* ]]; then
    read -r d_rps _ _ < <(summary deep A)
    read -r o_rps _ _ < <(summary offset A)
    figure http.deep.vsOffset "$(num "$d_rps" "$o_rps")× the page by number ($d_rps vs $o_rps req/s, the page $DEEP_ROW rows in)" "none (report)" reported
fi
figure http.rss.peak "$((api_hwm_kb / 1024)) MB" "< 300 MB" "$( [ $((api_hwm_kb / 1024)) -lt 300 ] && echo met || echo missed)"
