#!/usr/bin/env bash
# Runs every test of CoopApi.sln and prints, as the last line, "N passed, N failed"
# (", N skipped" when tests were skipped). Exit code: dotnet test's (non-zero when anything
# failed or when no test ran).
#
#   ./test.sh                                        all tests
#   ./test.sh --filter "FullyQualifiedName~Coop"     extra arguments go to `dotnet test`
#
# When run as root (or with passwordless sudo) it installs what is missing: PostgreSQL server
# binaries (the integration tests start their own throwaway server from them, through
# scripts/pg-throwaway), Debian's chromium (the browser test drives /usr/bin/chromium), npm
# (the contract tests' tools, installed by npm ci in tests/Contract; the manifest check's, by npm
# ci in deploy/lint) and Debian's yamllint (the lint of deploy/). It starts no PostgreSQL itself.
# COOPAPI_TEST_CONNECTION_STRING, when set, reaches the tests untouched (they then use that
# server).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

RESULTS="$ROOT/TestResults"

say() { printf '[test.sh] %s\n' "$*" >&2; }

# Sums the <Counters .../> element of every .trx file under <dir>. Prints
# "<passed> <failed> <skipped> <files>"; failed includes error, timeout and aborted results,
# skipped is notExecuted or, when larger, total - executed.
trx_totals() {
    local dir=$1 f counters passed=0 failed=0 skipped=0 files=0 name
    local -A c
    [ -d "$dir" ] || { echo "0 0 0 0"; return 0; }
    while IFS= read -r -d '' f; do
        counters=$(tr '\r\n' '  ' <"$f" | grep -o '<Counters [^>]*>' | head -n 1 || true)
        [ -n "$counters" ] || continue
        files=$((files + 1))
        for name in total executed passed failed error timeout aborted notExecuted; do
            c[$name]=$(printf '%s' "$counters" | grep -o "[[:space:]]$name=\"[0-9]*\"" | tr -dc 0-9 || true)
            c[$name]=${c[$name]:-0}
        done
        passed=$((passed + c[passed]))
        failed=$((failed + c[failed] + c[error] + c[timeout] + c[aborted]))
        # xunit's skipped tests show up as total - executed (notExecuted stays 0).
        if [ $((c[total] - c[executed])) -gt "${c[notExecuted]}" ]; then
            skipped=$((skipped + c[total] - c[executed]))
        else
            skipped=$((skipped + c[notExecuted]))
        fi
    done < <(find "$dir" -type f -name '*.trx' -print0)
    echo "$passed $failed $skipped $files"
}

# "N passed, N failed[, N skipped]" from trx_totals' output.
summary_line() {
    local passed failed skipped
    read -r passed failed skipped _ <<<"$1"
    if [ "$skipped" -gt 0 ]; then
        printf '%s passed, %s failed, %s skipped\n' "$passed" "$failed" "$skipped"
    else
        printf '%s passed, %s failed\n' "$passed" "$failed"
    fi
}

# Whatever happens from here on, the summary is the last line printed.
finish() {
    local rc=$? totals passed failed
    trap - EXIT
    totals=$(trx_totals "$RESULTS")
    read -r passed failed _ files <<<"$totals"
    if [ "$rc" = 0 ] && [ "$failed" -gt 0 ]; then
        rc=1
    fi
    if [ "$rc" = 0 ] && [ "$((passed + failed))" = 0 ]; then
        say "error: no test ran"
        rc=1
    fi
    say "test results: $files trx file(s) in $RESULTS; exit code $rc"
    summary_line "$totals"
    exit "$rc"
}

if ! command -v dotnet >/dev/null 2>&1; then
    say "error: 'dotnet' not found. Install the .NET 10 SDK (https://dot.net) and make sure it is on PATH."
    summary_line "0 0 0"
    exit 1
fi

rm -rf "$RESULTS"
trap finish EXIT

# --- prerequisites (installed only when missing; apt-get update runs at most once) ---------
if [ -n "${COOPAPI_TEST_CONNECTION_STRING:-}" ]; then
    say "COOPAPI_TEST_CONNECTION_STRING is set: the integration tests use that server"
elif pg_find_bindir >/dev/null; then
    say "PostgreSQL server binaries: $PG_BINDIR"
else
    say "warning: no PostgreSQL server binaries; the integration tests will fail" \
        "(install postgresql, or set COOPAPI_TEST_CONNECTION_STRING)"
fi
if [ ! -x /usr/bin/chromium ]; then
    if ! pg_apt_install chromium; then
        say "warning: /usr/bin/chromium is missing; the browser test will fail (apt-get install -y chromium)"
    fi
fi

# The contract tests lint the OpenAPI document and compile a client generated from it with the
# npm tools pinned in tests/Contract/package-lock.json.
if ! command -v npm >/dev/null 2>&1; then
    if ! pg_apt_install nodejs npm; then
        say "warning: npm is missing; the OpenAPI contract tests will fail (apt-get install -y nodejs npm)"
    fi
fi
if command -v npm >/dev/null 2>&1; then
    (cd "$ROOT/tests/Contract" && npm ci --no-audit --no-fund --loglevel=error) >&2 \
        || say "warning: npm ci in tests/Contract failed; the OpenAPI contract tests will fail"
fi

# The deployment's lint step (tests/IntegrationTests/Deployment/ManifestLintTests): yamllint from
# Debian, the Kubernetes schemas from the npm packages pinned in deploy/lint/package-lock.json.
if ! command -v yamllint >/dev/null 2>&1; then
    if ! pg_apt_install yamllint; then
        say "warning: yamllint is missing; the manifest lint test will fail (apt-get install -y yamllint)"
    fi
fi
if command -v npm >/dev/null 2>&1; then
    (cd "$ROOT/deploy/lint" && npm ci --no-audit --no-fund --loglevel=error) >&2 \
        || say "warning: npm ci in deploy/lint failed; the manifest schema test will fail"
fi

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# vstest kills a test host 100 ms after its run by default; give the integration tests'
# process-exit hook (stop the throwaway PostgreSQL, delete its directory) time to finish.
# A host with nothing left to do still exits at once.
export VSTEST_TESTHOST_SHUTDOWN_TIMEOUT="${VSTEST_TESTHOST_SHUTDOWN_TIMEOUT:-10000}"

# --- build and test ---------------------------------------------------------------------------
dotnet restore CoopApi.sln
dotnet build CoopApi.sln -c Release --no-restore
# The deployment tests run the API as the image does: the published output (no rebuild).
dotnet publish src/WebApi/CoopApi.WebApi.csproj -c Release --no-build -o "$ROOT/.local/publish" >&2
export COOPAPI_PUBLISHED_API="$ROOT/.local/publish/CoopApi.WebApi.dll"
dotnet test CoopApi.sln -c Release --no-build --logger "trx" --results-directory "$RESULTS" "$@"
