#!/bin/sh
# A bounded soak test of Coopera on this machine (loopback only): starts a fresh demo instance
# from the packaged jar on an embedded PostgreSQL in a temporary directory, with a 512 MB heap,
# runs src/test/java/org/coopera/soak/Soak.java against it (100 clients for 10 minutes unless
# told otherwise: any Soak option may follow, e.g. --clients 50 --minutes 2), then stops the
# instance and counts the errors in its log. The report goes to target/soak/.
#
#   tools/soak/soak.sh                      # the issue's run: 100 clients, 10 minutes
#   tools/soak/soak.sh --minutes 1          # a short one
#   SOAK_KEEP=1 tools/soak/soak.sh          # keep the instance's directory for a look afterwards
#
# Exit status: 0 when every request answered as expected, every acknowledged write was found,
# memory stayed stable and the server logged no error; 1 otherwise; 2 on bad usage.
set -eu
cd "$(dirname "$0")/../.."

jar() { ls target/coopera-*.jar 2>/dev/null | grep -v -e '-plain' -e '-sources' | head -n 1; }
if [ -z "$(jar)" ]; then
  echo "soak: packaging the jar (mvn -DskipTests package)"
  mvn -q -B -DskipTests package
fi
JAR=$(jar)
PORT=${SOAK_PORT:-18080}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/coopera-soak.XXXXXX")
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p target/soak
REPORT=target/soak/soak-$STAMP.md

echo "soak: starting $JAR on 127.0.0.1:$PORT (data in $WORK, log in $WORK/server.log)"
COOPERA_DEMO=true COOPERA_DATA_DIR="$WORK/postgres" COOPERA_INDEX_DIR="$WORK/index" PORT="$PORT" \
  java -Xmx512m -jar "$JAR" --server.address=127.0.0.1 >"$WORK/server.log" 2>&1 &
SERVER=$!
stop() {
  if kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
  if [ "${SOAK_KEEP:-}" = "" ]; then rm -rf "$WORK"; else echo "soak: kept $WORK"; fi
}
trap stop EXIT INT TERM

STATUS=0
java src/test/java/org/coopera/soak/Soak.java --url "http://127.0.0.1:$PORT" --pid "$SERVER" \
  --report "$REPORT" "$@" || STATUS=$?

# errors the server logged (a stack trace, a failed transaction) fail the run as well
LOGGED=$(grep -c -E '^[0-9TZ:.+-]+ +ERROR ' "$WORK/server.log" || true)
{
  echo
  echo "- the server logged $LOGGED error line(s)"
} >>"$REPORT"
echo "soak: the server logged $LOGGED error line(s); report in $REPORT"
if [ "$LOGGED" -ne 0 ]; then
  grep -E '^[0-9TZ:.+-]+ +ERROR ' "$WORK/server.log" | head -n 20
  [ "$STATUS" -ne 0 ] || STATUS=1
fi
cp "$WORK/server.log" "target/soak/server-$STAMP.log"
exit "$STATUS"
