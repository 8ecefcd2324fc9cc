#!/usr/bin/env bash
# Matching cost of a publish with N live subscriptions (default 100000): the filter index used by
# the server against a plain scan. Needs the compiled classes: mvn -B -q compile
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes/org/opengms/notification ] || mvn -B -q compile
java -Xmx2g -cp target/classes bench/SubscriptionMatchBench.java "${1:-100000}"
