#!/usr/bin/env bash
# Admin console (issue 17): paging the callback list over BENCH_CALLBACKS (100000) callbacks, the
# property filter, a mass cancel and the streamed CSV (bench/admin_console.py). Starts its own
# server (bench-server.sh ports, temp data dir, H2 unless BENCH_MVN_ARGS names a database) and
# stops it. Prints Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_CALLBACKS:-100000}
. bench/bench-server.sh
cat >>"$BENCH_CONF/gms.ini" <<INI

[service.bench-cb]
_type = builtin
_service = callback
_urs_virtual_queue = bench
_ttl = 864000
_max_request_by_time_bucket = 1000
_max_queued_callbacks_per_service = -1
_throttle_callbacks_per_service_1 = -1
_throttle_callbacks_per_service_2 = -1
INI
trap bench_finish EXIT
bench_start
echo "## Admin console, $N callbacks ($(date -u +%Y-%m-%d), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 bench/admin_console.py "$BASE" "$N"
