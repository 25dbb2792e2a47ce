#!/usr/bin/env bash
# Repeats the trial of docs/scaling.md: runs the application's search ITs (indexing, search in the
# six languages, facets checked against SQL, highlights, exports, re-indexing after an edit, rebuild)
# with COOPERA_SEARCH_BACKEND=opensearch against the one-node OpenSearch of this folder, started
# here unless one already answers on the port. Not part of `mvn verify`.
#
#   bench/opensearch-node/trial.sh            # port 9200
#   PORT=9201 bench/opensearch-node/trial.sh
#   ITS=RecommendationSearchIT bench/opensearch-node/trial.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${PORT:-9200}"
its="${ITS:-RecommendationSearchIT,CurationIT}"
mkdir -p "$here/target"
if ! curl -fs "http://127.0.0.1:$port" >/dev/null; then
  "$here/run.sh" "$port" >"$here/target/node.log" 2>&1 &
  node=$!
  trap 'kill "$node" 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$port" >/dev/null && break
    kill -0 "$node" 2>/dev/null || { cat "$here/target/node.log"; exit 1; }
    sleep 1
  done
fi
curl -fs "http://127.0.0.1:$port"
cd "$root"
# drop-and-create: each run starts from an empty index (the ITs' databases are new each time).
COOPERA_SEARCH_BACKEND=opensearch COOPERA_SEARCH_URIS="http://127.0.0.1:$port" \
  mvn -B verify -Dit.test="$its" -Dtest=None \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dspring.jpa.properties.hibernate.search.schema_management.strategy=drop-and-create
