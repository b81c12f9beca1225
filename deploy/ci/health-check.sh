#!/usr/bin/env bash
# After a deploy: GET /health until the database is UP (status UP, or DEGRADED while Redis is away), at most 5 min.
# Usage: deploy/ci/health-check.sh https://api.medsales.io
set -euo pipefail
url="$1/health"
for attempt in $(seq 1 30); do
  if body=$(curl -fsS --max-time 10 "$url"); then
    status=$(jq -r .status <<<"$body")
    database=$(jq -r .components.database.status <<<"$body")
    echo "health-check: $url -> status=$status database=$database (attempt $attempt)"
    if [ "$database" = "UP" ] && { [ "$status" = "UP" ] || [ "$status" = "DEGRADED" ]; }; then
      jq . <<<"$body"
      exit 0
    fi
  else
    echo "health-check: $url did not answer 200 (attempt $attempt)"
  fi
  sleep 10
done
echo "health-check: $url never became healthy" >&2
exit 1
