#!/usr/bin/env bash
# Renders docs/dashboards/overview-langson.png from the running API's demo data:
# a throwaway PostgreSQL cluster, the API (Debug build) with the demo data, the statistics
# fetched with curl into data.js, chart.html drawn by headless Chromium.
#
#   docs/dashboards/render.sh        (after `dotnet build src/WebApi -c Debug`; needs chromium)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"
DLL="$ROOT/src/WebApi/bin/Debug/net10.0/CoopApi.WebApi.dll"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "install chromium (apt-get install -y chromium)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/coopchart.XXXXXX")
chmod 0755 "$work"
cluster=""; api_pid=""
cleanup() {
    [ -z "$api_pid" ] || { kill -TERM "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; }
    [ -z "$cluster" ] || pg_discard_cluster "$cluster" || true
    rm -rf "$work"
}
trap cleanup EXIT
port=$(pg_free_port 55900)
pg_start_cluster "$work/pgdata" "$port" >/dev/null
cluster=$PG_DATADIR; port=$PG_PORT
pg_create_database "$port" coopchart
CONN="Host=127.0.0.1;Port=$port;Database=coopchart;Username=postgres"
api_port=$(pg_free_port 58280)
(cd "$(dirname "$DLL")" && ConnectionStrings__Default="$CONN" Database__MigrateOnStartup=true Database__SeedDemoData=true \
    ASPNETCORE_URLS="http://127.0.0.1:$api_port" exec dotnet "$DLL") >"$work/api.log" 2>&1 </dev/null &
api_pid=$!
for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$api_port/health/ready" || true)" = 200 ] && break
    kill -0 "$api_pid" 2>/dev/null || { tail -n 30 "$work/api.log" >&2; exit 1; }
    sleep 1
done
key=$(cd "$(dirname "$DLL")" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$CONN" \
    dotnet "$DLL" create-admin-key --name chart 2>>"$work/api.log" </dev/null | tail -n 1)
get() { curl -sf -H "X-Api-Key: $key" "http://127.0.0.1:$api_port/api/v1/statistics/$1"; }
{
    printf 'window.STATISTICS = { fetchedAt: "%s", stock: [' "$(date -u +%FT%TZ)"
    for d in 2019-12-31 2021-01-22 2021-12-31 2022-12-31 2023-12-31 2024-12-31 2025-12-31; do
        get "overview?provinceCode=20&asOf=$d"; printf ','
    done
    printf '], flow: '
    get "establishments?fromYear=2016&toYear=2025&provinceCode=20"
    printf ' };\n'
} >"$HERE/data.js"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,460 \
    --screenshot="$HERE/overview-langson.png" "file://$HERE/chart.html" 2>"$work/chromium.log" || { tail "$work/chromium.log" >&2; exit 1; }
echo "wrote $HERE/overview-langson.png"
