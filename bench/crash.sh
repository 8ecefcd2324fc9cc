#!/usr/bin/env bash
# Crash test: a bounded mixed write load (storage creates with a file and updates, scheduled
# callbacks, chat messages, subscriptions) against the server started with the README's run
# command; the server JVM is killed with SIGKILL mid-load, restarted on the same data directory,
# and every write it acknowledged (2xx) is checked: present and unchanged. ROUNDS rounds; exits 1
# on any lost or changed write. CI-able (needs mvn, curl, python3). Settings (environment):
#
#   ROUNDS=3          kill/restart rounds
#   LOAD_SECONDS=20   load before the kill (the kill comes at a random moment in the second half)
#   BENCH_HTTP_PORT=8490 BENCH_MGMT_PORT=10400 BENCH_HTTPS_PORT=8853 BENCH_MGMT_HTTPS_PORT=10403
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
LOAD_SECONDS=${LOAD_SECONDS:-20}
export BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-8490} BENCH_MGMT_PORT=${BENCH_MGMT_PORT:-10400}
export BENCH_HTTPS_PORT=${BENCH_HTTPS_PORT:-8853} BENCH_MGMT_HTTPS_PORT=${BENCH_MGMT_HTTPS_PORT:-10403}
# shellcheck source=bench/bench-server.sh
. bench/bench-server.sh
trap bench_finish EXIT
# A callback service of its own, with the queue cap and throttles out of the load's way.
cat >>"$BENCH_CONF/gms.ini" <<'INI'

[service.crash-callback]
_type = builtin
_service = callback
_ttl = 259200
_max_queued_callbacks_per_service = -1
_throttle_request_parameters_limit = 1000000
_throttle_callbacks_per_service_1 = 1000000
_throttle_callbacks_per_service_2 = 1000000
_max_request_by_time_bucket = 1000000
INI

server_jvm() {
  # the WildFly JVM we started: the only jboss-modules process carrying our data directory
  for p in $(pgrep -f -- jboss-modules || true); do
    if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q -- "$BENCH_DATA"; then echo "$p"; fi
  done
}

failed=0
bench_start
for round in $(seq 1 "$ROUNDS"); do
  ledger="$BENCH_TMP/ledger-$round.jsonl"
  python3 bench/crash_load.py load "$BASE" "$ledger" "$LOAD_SECONDS" &
  load_pid=$!
  sleep $((LOAD_SECONDS / 2 + RANDOM % (LOAD_SECONDS / 2)))
  jvm=$(server_jvm)
  [ -n "$jvm" ] || { echo "round $round: server JVM not found" >&2; exit 1; }
  echo "round $round: kill -9 $jvm after $(wc -l <"$ledger") ledger lines" >&2
  kill -KILL "$jvm"
  load_rc=0
  wait "$load_pid" || load_rc=$?
  if [ "$load_rc" -eq 2 ]; then echo "round $round: a write of the load was refused (above)"; failed=1; fi
  wait "$MVN_PID" 2>/dev/null || true # Maven ends with the JVM it ran
  bench_start
  echo "round $round:"
  python3 bench/crash_load.py check "$BASE" "$ledger" || failed=1
done
exit $failed
