#!/usr/bin/env bash
# Spot-checks that the API reads the national data set: GETs of generated rows of every kind and
# the statistics endpoints must answer 200 with the generated values.
#
#   bench/national/check.sh <api base url> <api key> <psql connection args...>
#
# Exit status 0 when every check passed; one line per check on stderr.
set -euo pipefail

[ $# -ge 3 ] || { echo "usage: $0 <api base url> <api key> <psql args...>" >&2; exit 2; }
BASE=$1 KEY=$2
shift 2
PSQL=(${PG_BINDIR:+$PG_BINDIR/}psql -X -q -At -v ON_ERROR_STOP=1 "$@")
failed=0
say() { printf '[national] %s\n' "$*" >&2; }
sql() { "${PSQL[@]}" -c "$1" </dev/null; }

# check <label> <path> <jq filter that must print "true">
check() {
    local body status
    body=$(mktemp)
    status=$(curl -s -o "$body" -w '%{http_code}' -H "X-Api-Key: $KEY" -H 'Accept-Language: en' "$BASE$2" || true)
    if [ "$status" = 200 ] && [ "$(jq -r "$3" <"$body" 2>/dev/null)" = true ]; then
        say "ok    $1 ($2)"
    else
        say "FAIL  $1 ($2): $status $(head -c 300 "$body")"
        failed=1
    fi
    rm -f "$body"
}

coop=$(sql "SELECT id FROM cooperatives WHERE last_sequence = 2 ORDER BY registration_code LIMIT 1")
coop_name=$(sql "SELECT name FROM cooperatives WHERE id = '$coop'")
classified=$(sql "SELECT cooperative_id || ' ' || year FROM classifications WHERE rating = 'good' ORDER BY id LIMIT 1")
agreement=$(sql "SELECT id FROM partnership_agreements WHERE status = 'completed' ORDER BY id LIMIT 1")
committee=$(sql "SELECT id FROM steering_committees WHERE level = 'provincial' ORDER BY id LIMIT 1")
activity=$(sql "SELECT id FROM steering_activities WHERE kind = 'fieldVisit' ORDER BY id LIMIT 1")
report=$(sql "SELECT cooperative_id || ' ' || year FROM annual_reports ORDER BY id LIMIT 1")

check "organization" "/api/v1/cooperatives/$coop" ".name == \"$coop_name\" and .status == \"dissolved\""
check "status history" "/api/v1/cooperatives/$coop/status-history" "length == 3"
check "classification" "/api/v1/cooperatives/${classified% *}/classifications/${classified#* }" ".rating == \"good\""
check "annual report" "/api/v1/cooperatives/${report% *}/annual-reports/${report#* }" ".year == ${report#* }"
check "partnership agreement" "/api/v1/partnership-agreements/$agreement" ".status == \"completed\" and (.commitments | length) == 3"
check "steering committee" "/api/v1/steering-committees/$committee" ".level == \"provincial\""
check "steering activity" "/api/v1/steering-activities/$activity" "(.visitedOrganizationIds | length) == 2"
check "statistics overview" "/api/v1/statistics/overview" ".totalOrganizations > 0 and .totalOcopProducts > 0"
check "statistics by area" "/api/v1/statistics/by-area?level=province" "(.items | length) == 34"
check "classification distribution" "/api/v1/statistics/classifications?fromYear=2016&toYear=2025" "(.items | length) == 10 and .items[0].rated > 0"
check "change feed" "/api/v1/changes?limit=50&entityType=cooperative" "(.entries | length) == 50"
exit "$failed"
