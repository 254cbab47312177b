#!/usr/bin/env bash
# In-process cost of the dispatch path (IMediator.Send → behaviours → handler → read model) per
# request, time and bytes allocated, with the real registrations and a read model that answers at
# once (see Program.cs).
#
#   bench/dispatch/run.sh [tree]     # tree: another checkout to measure (default: this one)
#
# No database, no HTTP. Bytes allocated are exact; microseconds depend on the machine's load.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TREE=$(cd "${1:-$HERE/../..}" && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/coopdispatch.XXXXXX")
trap 'rm -rf "$out"' EXIT
dotnet build "$HERE/Dispatch.csproj" -c Release -nologo -v q -p:TreeRoot="$TREE" >"$out/build.log" 2>&1 || {
    tail -n 30 "$out/build.log" >&2
    exit 1
}
dotnet "$HERE/bin/Release/net10.0/Dispatch.dll" "${BENCH_REQUESTS:-200000}"
