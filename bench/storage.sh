#!/usr/bin/env bash
# Storage API throughput and latency, measured against the trivial Node API in the same run so the
# ratios mean something on any machine. Builds and starts the server with the README's run command
# on its own ports and a fresh data directory, drives it with wrk on 127.0.0.1, prints a Markdown
# table, writes it to bench/results-<date>-storage.md, then stops the server (SIGTERM to Maven).
# See bench/README.md. Settings (environment):
#
#   PORT=8480 MGMT_PORT=10480 HTTPS_PORT=8943 MGMT_HTTPS_PORT=10483   server ports
#   THREADS=2 CONNECTIONS=16 DURATION=20 WARMUP=5                     wrk (seconds)
#   PREWARM=10             seconds of each request type before the first measurement (JIT warm-up),
#   JIT_SETTLE=180         then warm-up rounds until the JIT compiler threads used less than
#   JIT_SETTLED_MS=500     of CPU in a round, for at most JIT_SETTLE seconds
#   MULTIPART=1            0 skips the multipart (64 KiB file) scenario
#   START_TIMEOUT=600      seconds to wait for build + start (ONLINE)
#   STOP_TIMEOUT=90        seconds to wait for the server to stop
#   RESULTS=bench/results-<date>-storage.md
#   OTHER_WARN=10          warn when other processes used this % of the machine during a run
#   WAIT_QUIET=0           before measuring, wait up to this many seconds for the machine to be
#   QUIET_BUSY=15          less than QUIET_BUSY % busy (other processes; a shared machine)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8480}
MGMT_PORT=${MGMT_PORT:-10480}
HTTPS_PORT=${HTTPS_PORT:-8943}
MGMT_HTTPS_PORT=${MGMT_HTTPS_PORT:-10483}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
PREWARM=${PREWARM:-10}
JIT_SETTLE=${JIT_SETTLE:-180}
JIT_SETTLED_MS=${JIT_SETTLED_MS:-500}
MULTIPART=${MULTIPART:-1}
START_TIMEOUT=${START_TIMEOUT:-600}
WAIT_QUIET=${WAIT_QUIET:-0}
QUIET_BUSY=${QUIET_BUSY:-15}
OTHER_WARN=${OTHER_WARN:-10}
STOP_TIMEOUT=${STOP_TIMEOUT:-90}
DATE=$(date +%Y-%m-%d)
RESULTS=${RESULTS:-bench/results-$DATE-storage.md}

BASE="http://127.0.0.1:$PORT/genesys/1"
LUA="$PWD/bench/wrk.lua"

die() {
  echo "bench: $*" >&2
  exit 1
}

for v in PORT MGMT_PORT HTTPS_PORT MGMT_HTTPS_PORT THREADS CONNECTIONS DURATION WARMUP PREWARM JIT_SETTLE JIT_SETTLED_MS \
  START_TIMEOUT STOP_TIMEOUT WAIT_QUIET QUIET_BUSY OTHER_WARN; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"
done

# --- prerequisites ---------------------------------------------------------------------------
command -v mvn >/dev/null || die "mvn not found (README: Java 17 and Maven 3.8+)"
command -v curl >/dev/null || die "curl not found"
if ! command -v wrk >/dev/null; then
  echo "bench: wrk missing, installing the Debian package"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } ||
    die "could not install wrk (apt-get install wrk)"
fi

# Never measure somebody else's server: every port must be free.
for p in "$PORT" "$MGMT_PORT" "$HTTPS_PORT" "$MGMT_HTTPS_PORT"; do
  if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$p" 2>/dev/null; then
    die "port $p is in use; choose others (PORT=, MGMT_PORT=, HTTPS_PORT=, MGMT_HTTPS_PORT=)"
  fi
done

WORK=$(mktemp -d /tmp/opengms-bench.XXXXXX)
DATA_DIR="$WORK/data"
LOG="$WORK/server.log"
mkdir -p "$DATA_DIR"

# --- server lifecycle ------------------------------------------------------------------------
MVN_PID=""
SERVER_PID=""
FAILED=1

# The WildFly JVM of this run: the only jboss-modules process with our data directory.
server_pid() {
  [[ -n $DATA_DIR ]] || return 0
  { ps -eo pid=,args= | grep -F -- "-Dgms.data.dir=$DATA_DIR" | grep -F jboss-modules.jar |
    awk '{print $1}' | head -1; } || true
}

stop_server() {
  local pid=$MVN_PID
  MVN_PID=""
  [[ -n $SERVER_PID ]] || SERVER_PID=$(server_pid)
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    echo "bench: stopping the server (SIGTERM to Maven, pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 1; done
  fi
  local left=""
  for p in $pid $SERVER_PID; do
    kill -0 "$p" 2>/dev/null && left="$left $p"
  done
  local stray
  stray=$(server_pid)
  [[ -n $stray ]] && left="$left $stray"
  if [[ -n $left ]]; then
    echo "bench: ERROR: server processes still running after ${STOP_TIMEOUT}s:$left; killing them" >&2
    for p in $left; do kill -KILL "$p" 2>/dev/null || true; done
    FAILED=1
    return 1
  fi
  echo "bench: server stopped; no java process of it remains"
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_server || rc=1
  if ((rc == 0 && FAILED == 0)); then
    rm -rf "$WORK"
  else
    echo "bench: kept $WORK (server log: $LOG)" >&2
    ((rc == 0)) && rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

CMD="mvn -B -Prun -Dgms.http.port=$PORT -Dgms.management.port=$MGMT_PORT -Dgms.https.port=$HTTPS_PORT -Dgms.management.https.port=$MGMT_HTTPS_PORT -Dgms.data.dir=<temp dir>"
echo "bench: building and starting: ${CMD}   (log: $LOG)"
mvn -B -Prun -Dgms.http.port="$PORT" -Dgms.management.port="$MGMT_PORT" \
  -Dgms.https.port="$HTTPS_PORT" -Dgms.management.https.port="$MGMT_HTTPS_PORT" \
  -Dgms.data.dir="$DATA_DIR" >"$LOG" 2>&1 </dev/null &
MVN_PID=$!

deadline=$((SECONDS + START_TIMEOUT))
until [[ $(curl -s --max-time 2 "$BASE/admin/node/status" 2>/dev/null) == ONLINE ]]; do
  if ! kill -0 "$MVN_PID" 2>/dev/null; then
    tail -n 40 "$LOG" >&2
    MVN_PID=""
    die "the server exited before answering ONLINE (log above)"
  fi
  if ((SECONDS >= deadline)); then
    tail -n 40 "$LOG" >&2
    die "no ONLINE from $BASE/admin/node/status within ${START_TIMEOUT}s"
  fi
  # WFLYSRV0026: "started (with errors)", e.g. a port taken meanwhile: it would never answer.
  if grep -q 'WFLYSRV0026' "$LOG"; then
    grep -E 'Address already in use|ERROR' "$LOG" | cut -c1-300 | head -n 5 >&2
    die "WildFly started with errors (log: $LOG)"
  fi
  sleep 2
done
SERVER_PID=$(server_pid)
[[ -n $SERVER_PID ]] || die "server answers ONLINE but its JVM (jboss-modules, $DATA_DIR) was not found"
RSS_IDLE_KB=$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')
echo "bench: ONLINE after ${SECONDS}s; server JVM pid $SERVER_PID, RSS $((RSS_IDLE_KB / 1024)) MiB"

# --- fixtures --------------------------------------------------------------------------------
FORM="$WORK/form.txt"
printf 'Key1=Value1&Key2=Value2&Key3=Value3' >"$FORM"
AREA=$(curl -fsS --max-time 10 -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-binary @"$FORM" "$BASE/storage/3600" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[[ -n $AREA ]] || die "could not create the storage area to query"
BOUNDARY="----opengms-bench-7d1f9c2a5e"
MULTI="$WORK/multipart.bin"
{
  for k in 1 2 3; do
    printf -- '--%s\r\nContent-Disposition: form-data; name="Key%s"\r\n\r\nValue%s\r\n' "$BOUNDARY" "$k" "$k"
  done
  printf -- '--%s\r\nContent-Disposition: form-data; name="File1"; filename="bench.bin"\r\n' "$BOUNDARY"
  printf 'Content-Type: application/octet-stream\r\n\r\n'
  head -c 65536 /dev/urandom
  printf '\r\n--%s--\r\n' "$BOUNDARY"
} >"$MULTI"
# The multipart body must be accepted, and the pre-created area must read back, before timing.
created=$(curl -fsS --max-time 10 -H "Content-Type: multipart/form-data; boundary=$BOUNDARY" \
  --data-binary @"$MULTI" "$BASE/storage/3600") || die "multipart create refused"
[[ $created == *'"id"'* ]] || die "multipart create answered $created"
[[ $(curl -fsS --max-time 10 "$BASE/storage/$AREA/Key2") == Value2 ]] || die "area $AREA unreadable"

# --- measurements ----------------------------------------------------------------------------
# CPU is accounted per run: the server JVM (/proc/<pid>/stat), wrk (bash's time), and the whole
# machine (/proc/stat), so the report shows how the cores were shared and whether other processes
# (this machine is shared) took part of them. /proc counts in USER_HZ ticks (CLK_TCK).
CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)
server_ticks() {
  awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" 2>/dev/null ||
    die "the server JVM (pid $SERVER_PID) is gone: stopped from outside? (see $LOG)"
}
# user + nice + system + irq + softirq (not idle, iowait or steal)
machine_busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8; exit}' /proc/stat; }
machine_total_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit}' /proc/stat; }

# CPU of the JIT compiler threads: jit_snapshot FILE writes "tid ticks" per compiler thread;
# jit_ms FILE0 FILE1 is the CPU (ms) they used in between (a thread that ended meanwhile is missed).
jit_snapshot() {
  local f line tid fields
  for f in /proc/"$SERVER_PID"/task/*/stat; do
    read -r line 2>/dev/null <"$f" || continue
    [[ $line == *"(C1 CompilerThre)"* || $line == *"(C2 CompilerThre)"* ]] || continue
    tid=${line%% *}
    read -r -a fields <<<"${line##*) }" # fields[11], fields[12]: utime, stime
    echo "$tid $((fields[11] + fields[12]))"
  done >"$1"
}
jit_ms() {
  awk -v hz="$CLK_TCK" 'NR == FNR {t0[$1] = $2; next} {d += $2 - t0[$1]} END {printf "%d", 1000 * d / hz}' "$1" "$2"
}

# On a shared machine: wait (at most WAIT_QUIET seconds) until the machine is nearly idle.
wait_quiet() {
  ((WAIT_QUIET > 0)) || return 0
  local deadline=$((SECONDS + WAIT_QUIET)) b0 b1 t0 t1 busy
  while :; do
    b0=$(machine_busy_ticks) t0=$(machine_total_ticks)
    sleep 5
    b1=$(machine_busy_ticks) t1=$(machine_total_ticks)
    busy=$((100 * (b1 - b0) / (t1 - t0 + 1)))
    if ((busy < QUIET_BUSY)); then
      echo "bench: machine ${busy}% busy: quiet enough"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      echo "bench: machine still ${busy}% busy after ${WAIT_QUIET}s; measuring anyway"
      return 0
    fi
    echo "bench: machine ${busy}% busy (other processes); waiting for < ${QUIET_BUSY}%"
  done
}

ROWS=() # name|rps|p50_us|p99_us|requests|server_ticks|wrk_seconds|machine_busy_ticks|jit_ms
BAD_RUNS=()

# warm NAME URL EXPECT [METHOD CONTENT_TYPE BODY_FILE]: SECONDS (default WARMUP) of the request,
# unmeasured (answers are still checked).
warm() {
  local name=$1 url=$2 expect=$3 method=${4:-GET} ctype=${5:-} body=${6:-} seconds=${WARM_SECONDS:-$WARMUP}
  echo "bench: $name: warm-up ${seconds}s"
  BENCH_METHOD="$method" BENCH_CONTENT_TYPE="$ctype" BENCH_BODY_FILE="$body" BENCH_EXPECT="$expect" \
    wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -s "$LUA" -d"${seconds}s" "$url" \
    >"$WORK/warmup.txt" 2>&1 || die "wrk failed during warm-up of $name: $(cat "$WORK/warmup.txt")"
  grep -q 'BENCH_RESULT.* bad=0 errors=0 ' "$WORK/warmup.txt" ||
    BAD_RUNS+=("$name (warm-up): $(grep BENCH_RESULT "$WORK/warmup.txt")")
}

# run NAME URL EXPECT [METHOD CONTENT_TYPE BODY_FILE]: a warm-up, then DURATION seconds measured.
run() {
  local name=$1 url=$2 expect=$3 method=${4:-GET} ctype=${5:-} body=${6:-}
  warm "$@"
  echo "bench: $name: measuring ${DURATION}s"
  local s0 s1 m0 m1 TIMEFORMAT='%3U %3S'
  jit_snapshot "$WORK/jit0"
  s0=$(server_ticks)
  m0=$(machine_busy_ticks)
  { time BENCH_METHOD="$method" BENCH_CONTENT_TYPE="$ctype" BENCH_BODY_FILE="$body" \
    BENCH_EXPECT="$expect" wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -s "$LUA" \
    -d"${DURATION}s" --latency "$url" >"$WORK/wrk.txt" 2>&1; } 2>"$WORK/time.txt" ||
    die "wrk failed for $name: $(cat "$WORK/wrk.txt")"
  m1=$(machine_busy_ticks)
  s1=$(server_ticks)
  jit_snapshot "$WORK/jit1"
  sed 's/^/    /' "$WORK/wrk.txt"
  local line wrk_cpu
  line=$(grep '^BENCH_RESULT' "$WORK/wrk.txt") || die "no BENCH_RESULT from wrk for $name"
  wrk_cpu=$(awk '{print $1 + $2}' "$WORK/time.txt")
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  local bad errors
  bad=$(field bad)
  errors=$(field errors)
  if [[ $bad != 0 || $errors != 0 ]]; then
    BAD_RUNS+=("$name: $bad non-2xx/unexpected answers, $errors socket errors: $line")
    echo "bench: ERROR: $name had $bad non-2xx or unexpected answers and $errors socket errors" >&2
  fi
  ROWS+=("$name|$(field rps)|$(field p50_us)|$(field p99_us)|$(field requests)|$((s1 - s0))|$wrk_cpu|$((m1 - m0))|$(jit_ms "$WORK/jit0" "$WORK/jit1")")
}

# node/status is measured before the first scenario and after each one; a scenario's ratios are to
# the mean of the node/status runs just before and just after it, so drift while the run goes on
# (the JIT still compiling, other load on the machine) largely cancels out.
STATUS_RUNS=0
status() {
  STATUS_RUNS=$((STATUS_RUNS + 1))
  run "node/status #$STATUS_RUNS" "$BASE/admin/node/status" "ONLINE"
}
query_all() { "$1" "storage query all (3 keys)" "$BASE/storage/$AREA" '"Key3":"Value3"'; }
query_one() { "$1" "storage query one key" "$BASE/storage/$AREA/Key2" "Value2"; }

wait_quiet

# A freshly started JVM is far from compiled, and on 2 busy cores the JIT needs minutes: its
# compiler threads' CPU counts as the server's and the code is slower until they are done. So warm
# every request up first (creates with ttl 3600: nothing expires during the run), then repeat until
# the JIT is nearly idle (its threads used less than JIT_SETTLED_MS of CPU in a round; at most
# JIT_SETTLE s).
echo "bench: warming the server up"
create_warm() {
  warm "storage create (urlencoded, ttl 3600)" "$BASE/storage/3600" '"id"' \
    POST application/x-www-form-urlencoded "$FORM"
}
WARM_SECONDS=$PREWARM
warm "node/status" "$BASE/admin/node/status" "ONLINE"
query_all warm
query_one warm
create_warm
if [[ $MULTIPART == 1 ]]; then
  warm "storage create (multipart, ttl 3600)" "$BASE/storage/3600" '"id"' \
    POST "multipart/form-data; boundary=$BOUNDARY" "$MULTI"
fi
WARM_SECONDS=$WARMUP
settle_deadline=$((SECONDS + JIT_SETTLE))
while :; do
  jit_snapshot "$WORK/jit0"
  warm "node/status" "$BASE/admin/node/status" "ONLINE"
  query_all warm
  query_one warm
  create_warm
  jit_snapshot "$WORK/jit1"
  jit_round=$(jit_ms "$WORK/jit0" "$WORK/jit1")
  echo "bench: the JIT used $jit_round ms of CPU during that round"
  ((jit_round < JIT_SETTLED_MS || SECONDS >= settle_deadline)) && break
done
JIT_STATE="$jit_round ms of JIT CPU in the last round of $((4 * WARMUP)) s"
((jit_round < JIT_SETTLED_MS)) || JIT_STATE="$JIT_STATE, still above $JIT_SETTLED_MS ms after ${JIT_SETTLE} s"

# Order matters: areas created with ttl 60 expire 60 s later and the server's sweep then deletes
# them, loading the server during whatever is measured at that moment. So the ttl-60 create comes
# last (its areas outlive the run) and the multipart create uses ttl 3600.
status
query_all run
status
query_one run
status
if [[ $MULTIPART == 1 ]]; then
  run "storage create (multipart, 3 keys + 64 KiB file, ttl 3600)" "$BASE/storage/3600" '"id"' \
    POST "multipart/form-data; boundary=$BOUNDARY" "$MULTI"
  status
fi
run "storage create (urlencoded, 3 keys, ttl 60)" "$BASE/storage/60" '"id"' \
  POST application/x-www-form-urlencoded "$FORM"
status

RSS_AFTER_KB=$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')
DATA_MB=$(du -sm "$DATA_DIR" | cut -f1)

# --- report ----------------------------------------------------------------------------------
CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p)
MEM_GIB=$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)
JAVA_VERSION=$({ java -version 2>&1 || true; } | sed -n 1p)
WRK_VERSION=$({ wrk --version 2>&1 || true; } | sed -n '1{s/^\(wrk [^ ]*\).*/\1/;p}') # exits 1
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
MAX_OTHER=0

report() {
  echo "# Storage API benchmark, $DATE"
  echo
  echo "- Machine: $NCPU cores ($CPU_MODEL), $MEM_GIB GiB RAM; wrk and the server share the cores"
  echo "- Server: \`$CMD\` (WildFly 39, embedded H2 file database, -Xmx512m), commit $COMMIT"
  echo "- $JAVA_VERSION; $WRK_VERSION"
  echo "- Load: \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency --timeout 10s -s bench/wrk.lua\`" \
    "against 127.0.0.1, each after a ${WARMUP}s warm-up with the same request (and, before all," \
    "warm-up rounds of every request until the JIT settled: $JIT_STATE); every answer checked" \
    "(2xx and the expected body)"
  echo "- Command: \`bench/storage.sh\`"
  echo
  echo "| Scenario (in run order) | req/s | × status | p50 ms | × status | p99 ms | × status | server CPU ms/req | × status | CPU % server / wrk / other | JIT CPU s |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  local i before after
  for ((i = 0; i < ${#ROWS[@]}; i++)); do
    before="" after=""
    if [[ ${ROWS[i]} != node/status* ]]; then
      before=${ROWS[i - 1]}
      after=${ROWS[i + 1]}
    fi
    awk -v row="${ROWS[i]}" -v before="$before" -v after="$after" -v hz="$CLK_TCK" \
      -v d="$DURATION" -v c="$NCPU" 'BEGIN {
        # name|rps|p50_us|p99_us|requests|server_ticks|wrk_seconds|machine_busy_ticks
        split(row, x, "|")
        cap = d * c                          # core-seconds available during the run
        srv = x[6] / hz; other = x[8] / hz - srv - x[7]
        if (other < 0) other = 0
        cpr = 1000 * srv / x[5]
        if (before == "") {
          rr = ra = rb = rc = "—"
        } else {
          split(before, p, "|"); split(after, q, "|")
          rr = sprintf("%.2f", x[2] / ((p[2] + q[2]) / 2))
          ra = sprintf("%.1f", x[3] / ((p[3] + q[3]) / 2))
          rb = sprintf("%.1f", x[4] / ((p[4] + q[4]) / 2))
          rc = sprintf("%.1f", cpr / ((1000 * p[6] / hz / p[5] + 1000 * q[6] / hz / q[5]) / 2))
        }
        printf "| %s | %.0f | %s | %.2f | %s | %.1f | %s | %.2f | %s | %.0f / %.0f / %.0f | %.1f |\n",
          x[1], x[2], rr, x[3] / 1000, ra, x[4] / 1000, rb, cpr, rc,
          100 * srv / cap, 100 * x[7] / cap, 100 * other / cap, x[9] / 1000
      }'
  done
  echo
  echo "× status: relative to the mean of the node/status runs just before and just after the"
  echo "scenario; req/s as a fraction (higher is better), latencies and server CPU per request as a"
  echo "multiple (lower is better). CPU %: share of the $NCPU cores used during the measured ${DURATION}s"
  echo "by the server JVM, by wrk, and by other processes. JIT CPU s: CPU used by the server's JIT"
  echo "compiler threads during the measurement (part of the server's CPU)."
  echo
  echo "Server JVM RSS: $((RSS_IDLE_KB / 1024)) MiB after start, $((RSS_AFTER_KB / 1024)) MiB after the run."
  echo "Data directory after the run: $DATA_MB MiB."
  if ((MAX_OTHER >= OTHER_WARN)); then
    echo
    echo "**Warning:** other processes used up to ${MAX_OTHER}% of the machine during a measurement;"
    echo "these figures are disturbed by them."
  fi
}

for row in "${ROWS[@]}"; do
  IFS='|' read -r _ _ _ _ _ srv wrk_s busy <<<"$row"
  o=$(awk -v s="$srv" -v w="$wrk_s" -v m="$busy" -v hz="$CLK_TCK" -v d="$DURATION" -v c="$NCPU" \
    'BEGIN { o = 100 * (m / hz - s / hz - w) / (d * c); printf "%d", o < 0 ? 0 : o }')
  ((o > MAX_OTHER)) && MAX_OTHER=$o
done

echo
report | tee "$WORK/report.md"
echo

if ((${#BAD_RUNS[@]} > 0)); then
  printf 'bench: FAILED, numbers not valid:\n' >&2
  printf '  %s\n' "${BAD_RUNS[@]}" >&2
  exit 1
fi
cp "$WORK/report.md" "$RESULTS"
echo "bench: wrote $RESULTS"
FAILED=0
