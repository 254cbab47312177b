#!/usr/bin/env bash
# shellcheck disable=SC2317  # the cleanup functions run from traps
# Runs the API against a private PostgreSQL cluster kept in .local/ (git-ignored).
#
#   ./run.sh                 first run: initdb + start a durable cluster in .local/pgdata
#                            (fsync, synchronous_commit, full_page_writes on), create the role
#                            "coopapi" (not a superuser) and its database "coopapi", build and
#                            run the API as that role (it migrates and seeds)
#   ./run.sh                 later runs reuse the cluster and its data
#   ConnectionStrings__Default=... ./run.sh   use that database; start no PostgreSQL
#
# ASPNETCORE_URLS defaults to http://127.0.0.1:5080 (Swagger UI at /swagger).
# Ctrl-C or SIGTERM stops the API, then the cluster (when this script started it).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

say() { printf '[run.sh] %s\n' "$*" >&2; }

if ! command -v dotnet >/dev/null 2>&1; then
    say "error: 'dotnet' not found. Install the .NET 10 SDK (https://dot.net) and make sure it is on PATH."
    exit 1
fi

cluster_datadir=""
api_pid=""
signal_status=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    [ -n "$signal_status" ] && rc=$signal_status
    stop_api
    if [ -n "$cluster_datadir" ]; then
        pg_stop_cluster "$cluster_datadir" || say "warning: could not stop PostgreSQL in $cluster_datadir"
    fi
    exit "$rc"
}

# The API's processes: `dotnet run` and the app it launched (its direct children).
api_pids() {
    [ -n "$api_pid" ] && alive "$api_pid" || return 0
    printf '%s ' "$api_pid"
    if [ -r "/proc/$api_pid/task/$api_pid/children" ]; then
        cat /proc/"$api_pid"/task/*/children 2>/dev/null | tr '\n' ' ' || true
    elif command -v ps >/dev/null 2>&1; then
        ps -o pid= --ppid "$api_pid" 2>/dev/null | tr '\n' ' ' || true
    fi
}

# True while the process runs (a zombie waiting to be reaped does not count).
alive() {
    kill -0 "$1" 2>/dev/null || return 1
    [ -r "/proc/$1/stat" ] || return 0
    [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]
}

any_alive() {
    local p
    for p in "$@"; do
        alive "$p" && return 0
    done
    return 1
}

stop_api() {
    local pids waited=0
    [ -n "$api_pid" ] || return 0
    pids=$(api_pids)
    if [ -n "$pids" ]; then
        say "stopping the API"
        # shellcheck disable=SC2086
        kill -TERM $pids 2>/dev/null || true
        # Give the host its graceful shutdown, then insist.
        # shellcheck disable=SC2086
        while [ $waited -lt 300 ] && any_alive $pids; do
            sleep 0.1
            waited=$((waited + 1))
        done
        # shellcheck disable=SC2086
        if any_alive $pids; then
            say "the API did not stop within 30 s; killing it"
            kill -KILL $pids 2>/dev/null || true
        fi
    fi
    wait "$api_pid" 2>/dev/null || true
    api_pid=""
}

on_signal() {
    signal_status=$1
    exit "$1"
}

trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

if [ -n "${ConnectionStrings__Default:-}" ]; then
    say "ConnectionStrings__Default is set: using it, starting no PostgreSQL"
else
    mkdir -p "$ROOT/.local"
    datadir="$ROOT/.local/pgdata"
    portfile="$ROOT/.local/pgport"
    port=""
    if [ -f "$portfile" ]; then
        port=$(tr -dc 0-9 <"$portfile")
    fi
    if [ -z "$port" ] || ! { pg_cluster_running "$datadir" || pg_port_is_free "$port"; }; then
        port=$(pg_free_port)
    fi
    pg_start_cluster "$datadir" "$port" durable >/dev/null
    if [ "$PG_STARTED" = 1 ]; then
        cluster_datadir=$PG_DATADIR
    fi
    printf '%s\n' "$PG_PORT" >"$portfile"
    pg_create_app_database "$PG_PORT" coopapi coopapi
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=coopapi;Username=coopapi"
    say "PostgreSQL: $ConnectionStrings__Default (data in $PG_DATADIR)"
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__MigrateOnStartup=true
export Database__SeedDemoData=true
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

first_url=${ASPNETCORE_URLS%%;*}
say "building the API (Release)"
dotnet build src/WebApi/CoopApi.WebApi.csproj -c Release -nologo -v quiet </dev/null
# A national admin key for the demo, kept in .local/admin-key (mode 600) and reused while it
# works on this database; a fresh database gets a new one. The command migrates and seeds first.
mkdir -p "$ROOT/.local"
admin_key=$(dotnet run --project src/WebApi/CoopApi.WebApi.csproj -c Release --no-build --no-launch-profile -- \
    create-admin-key --name "run.sh demo admin" --key-file "$ROOT/.local/admin-key" </dev/null | tail -n 1)
printf 'Admin API key: %s\n' "$admin_key"
say "starting the API; Swagger UI: ${first_url%/}/swagger (Authorize with the key above)"

# In the background so that this shell acts on INT/TERM at once (with a foreground child the
# traps would wait for it to exit); the traps stop the API, then the cluster.
dotnet run --project src/WebApi/CoopApi.WebApi.csproj -c Release --no-build </dev/null &
api_pid=$!
rc=0
wait "$api_pid" || rc=$?
api_pid=""
exit "$rc"
