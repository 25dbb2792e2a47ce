#!/usr/bin/env bash
# Starts one OpenSearch 2.19.6 node built from Maven Central's jars (no distribution needed), HTTP
# on 127.0.0.1:${1:-9200}, data under target/node. Stop it with Ctrl-C (or kill its pid, written to
# target/node.pid). See docs/scaling.md.
set -euo pipefail
cd "$(dirname "$0")"
port="${1:-9200}"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Xms512m -Xmx512m ${OPENSEARCH_JAVA_OPTS:-} \
  -cp "target/classes:$(cat target/classpath.txt)" \
  org.coopera.bench.opensearch.OpenSearchNode target/node "$port"
