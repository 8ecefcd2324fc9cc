#!/usr/bin/env bash
# Issue 16's goal table in one run: every row with its value, the reference it is measured against
# in the same run, the ratio, the goal, and met / not met. Writes bench/results-<date>-goals.md.
# Reuses the other scripts: bench-server.sh (start/stop), wrk.lua (checked wrk load),
# comet-latency.sh TARGET=both (CometD 8 on Jetty 12 as reference), chat.sh, callback.sh.
# Phases (PHASES, all by default, in this order):
#   http      one OpenGMS server with a trivial WAR (bench/trivial-war, built here with javac + jar,
#             copied into the same WildFly's deployment folder next to genesys.war): wrk against
#             node/status, the trivial servlet, a static file of that WAR (same Undertow), storage
#             query all / one / create (3 keys) / create with a 64 KiB file; server CPU per request
#             from /proc/<pid>/stat. node/status runs between every two scenarios; each ratio is to
#             the mean of the node/status runs just before and after; both creates again with
#             [storage] group_commit = 1 (changed in the running server's gms.ini), the figure
#             without group commit in the same run. BENCH_JFR=1: JFR recordings
#             of the measurements named in JFR_SCENARIOS (create: create with 3 keys; also static,
#             servlet, all, one, multipart) as jfr-<key>.jfr (bench-server.sh; kept in BENCH_JFR_DIR).
#   boot      the same WildFly with only the trivial WAR: JVM start to its first answer, idle RSS
#             (the reference for restart to ONLINE and for RSS)
#   comet     bench/comet-latency.sh TARGET=both at COMET_CLIENTS
#   chat      bench/chat.sh CHATS, MODES v1 v2
#   callback  bench/callback.sh: creation, availability over 7 days, restart to ONLINE with them stored
#             and OPEN_CHATS (10000) chats open
# QUICK=1: short durations and small counts, to check the runner (figures mean little).
# Env: BENCH_HTTP_PORT (9180) / BENCH_MGMT_PORT / BENCH_HTTPS_PORT / BENCH_MGMT_HTTPS_PORT (every
# OpenGMS server of the run), REF_PORT (9390, Jetty reference), BENCH_SINK_PORT (9199, callback
# sink), BOOT_PORT (9280: the boot reference uses BOOT_PORT..BOOT_PORT+3), DURATION (20) WARMUP (5)
# PREWARM (30) THREADS (2) CONNECTIONS (16), COMET_CLIENTS ("1000 10000 20000"), COMET_ROUNDS
# (2000), CHATS (10000), CHAT_AGENTS (100), CHAT_ROUNDS (2000), CALLBACKS (100000), OPEN_CHATS
# (10000), RESULTS.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  : "${DURATION:=5}" "${WARMUP:=2}" "${PREWARM:=3}" "${COMET_CLIENTS:=200}" "${COMET_ROUNDS:=200}"
  : "${CHATS:=100}" "${CHAT_AGENTS:=10}" "${CHAT_ROUNDS:=200}" "${CALLBACKS:=2000}" "${OPEN_CHATS:=200}"
  export BENCH_DUE=${BENCH_DUE:-50} BENCH_DUE_IN=${BENCH_DUE_IN:-15} BENCH_CREATE_WRK_S=${BENCH_CREATE_WRK_S:-3}
fi
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
PREWARM=${PREWARM:-30}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
COMET_CLIENTS=${COMET_CLIENTS:-1000 10000 20000}
COMET_ROUNDS=${COMET_ROUNDS:-2000}
# a server holds a socket per client: counts above what a process may open (ulimit -n, less 2000
# for the server's own files) are measured at that cap instead, and the report says so
NOFILE=$(ulimit -n)
COMET_CAP=$(((NOFILE - 2000) / 1000 * 1000))
COMET_ASKED=$COMET_CLIENTS
COMET_CLIENTS=$(for n in $COMET_CLIENTS; do [ "$n" -gt "$COMET_CAP" ] && echo "$COMET_CAP" || echo "$n"; done | awk '!seen[$0]++' | tr '\n' ' ' | sed 's/ $//')
CHATS=${CHATS:-10000}
CHAT_AGENTS=${CHAT_AGENTS:-100}
CHAT_ROUNDS=${CHAT_ROUNDS:-2000}
CALLBACKS=${CALLBACKS:-100000}
OPEN_CHATS=${OPEN_CHATS:-10000}
BOOT_PORT=${BOOT_PORT:-9280}
PHASES=${PHASES:-http boot comet chat callback}
JFR_SCENARIOS=${JFR_SCENARIOS:-create} # BENCH_JFR=1: the http measurements recorded (jfr-<key>.jfr)
export BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-9180} BENCH_MGMT_PORT=${BENCH_MGMT_PORT:-11180}
export BENCH_HTTPS_PORT=${BENCH_HTTPS_PORT:-9543} BENCH_MGMT_HTTPS_PORT=${BENCH_MGMT_HTTPS_PORT:-11183}
export REF_PORT=${REF_PORT:-9390} BENCH_SINK_PORT=${BENCH_SINK_PORT:-9199}
DATE=$(date -u +%Y-%m-%d)
RESULTS=${RESULTS:-bench/results-$DATE-goals.md}
command -v wrk >/dev/null || { echo "wrk missing (apt-get install -y wrk)" >&2; exit 1; }
for p in $BENCH_HTTP_PORT $BENCH_MGMT_PORT $BENCH_HTTPS_PORT $BENCH_MGMT_HTTPS_PORT $REF_PORT \
  $BENCH_SINK_PORT $BOOT_PORT $((BOOT_PORT + 1)) $((BOOT_PORT + 2)) $((BOOT_PORT + 3)); do
  if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$p" 2>/dev/null; then
    echo "port $p is in use; choose others (see the header)" >&2; exit 1
  fi
done
OUT=$(mktemp -d /tmp/opengms-goals.XXXXXX)
VALUES="$OUT/values"
: >"$VALUES"
put() { echo "$1=$2" >>"$VALUES"; }                   # put KEY VALUE (a phase's figure)
get() { sed -n "s/^$1=//p" "$VALUES" | tail -1; }      # get KEY (empty when not measured)
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_START=$(loadavg)
T_START=$(date -u +%FT%TZ)
echo "goals: logs in $OUT; load average at start $LOAD_START" >&2

# The trivial WAR (servlet + static file): javac against the Jakarta EE API jar of the server's pom.
EE_API=$(find ~/.m2/repository/jakarta/platform/jakarta.jakartaee-api -name 'jakarta.jakartaee-api-10.0.0.jar' | head -1)
[ -n "$EE_API" ] || { echo "jakarta.jakartaee-api 10.0.0 not in ~/.m2 (build the server once)" >&2; exit 1; }
mkdir -p "$OUT/trivial/WEB-INF/classes"
javac -d "$OUT/trivial/WEB-INF/classes" -cp "$EE_API" bench/trivial-war/org/opengms/bench/trivial/*.java
cp bench/trivial-war/static.txt "$OUT/trivial/"
jar cf "$OUT/bench-trivial.war" -C "$OUT/trivial" .

# seconds since a process started (as bench-server.sh's bench_jvm_age)
jvm_age() {
  awk -v hz="$(getconf CLK_TCK)" -v up="$(cut -d' ' -f1 /proc/uptime)" \
    '{ sub(/^.*\) /, ""); printf "%.1f", up - $20 / hz }' "/proc/$1/stat" 2>/dev/null || echo "?"
}
wildfly_home() { ls -d "$PWD"/target/wildfly-run/wildfly-*/ 2>/dev/null | head -1; }

# ---------------------------------------------------------------------------------------------
http_phase() (
  . bench/bench-server.sh
  DEPLOY=
  undeploy() {
    [ -n "$DEPLOY" ] || return 0
    rm -f "$DEPLOY/bench-trivial.war"
    for _ in $(seq 1 30); do [ -e "$DEPLOY/bench-trivial.war.deployed" ] || break; sleep 1; done
    rm -f "$DEPLOY"/bench-trivial.war.*
  }
  trap 'undeploy; bench_finish' EXIT
  bench_start
  put start_online_s "$BENCH_ONLINE_S"
  PID=$(bench_server_pid)
  put rss_idle_mib "$(awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$PID/status")"
  DEPLOY="$(wildfly_home)standalone/deployments"
  cp "$OUT/bench-trivial.war" "$DEPLOY/"
  TRIVIAL="http://127.0.0.1:$BENCH_HTTP_PORT/bench-trivial"
  for _ in $(seq 1 120); do [ "$(curl -s --max-time 2 "$TRIVIAL/hello")" = ONLINE ] && break; sleep 1; done
  [ "$(curl -s "$TRIVIAL/hello")" = ONLINE ] || { echo "trivial WAR not deployed in 120 s" >&2; exit 1; }
  [ "$(curl -s "$TRIVIAL/static.txt")" = ONLINE ] || { echo "static file of the trivial WAR not served" >&2; exit 1; }

  B="$BASE/1"
  FORM="$BENCH_TMP/form.txt"
  printf 'Key1=Value1&Key2=Value2&Key3=Value3' >"$FORM"
  AREA=$(curl -fsS -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$FORM" \
    "$B/storage/3600" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  [ -n "$AREA" ] || { echo "could not create the storage area" >&2; exit 1; }
  BOUNDARY="----opengms-goals-5b1e"
  MULTI="$BENCH_TMP/multipart.bin"
  {
    for k in 1 2 3; do
      printf -- '--%s\r\nContent-Disposition: form-data; name="Key%s"\r\n\r\nValue%s\r\n' "$BOUNDARY" "$k" "$k"
    done
    printf -- '--%s\r\nContent-Disposition: form-data; name="File1"; filename="bench.bin"\r\n' "$BOUNDARY"
    printf 'Content-Type: application/octet-stream\r\n\r\n'
    head -c 65536 /dev/urandom
    printf '\r\n--%s--\r\n' "$BOUNDARY"
  } >"$MULTI"
  MCT="multipart/form-data; boundary=$BOUNDARY"
  UCT=application/x-www-form-urlencoded
  ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$PID/stat"; }
  HZ=$(getconf CLK_TCK)
  # wrkrun KEY SECONDS URL EXPECT [METHOD CTYPE BODY]: checked answers (bench/wrk.lua); with
  # SECONDS measured it puts KEY_rps, KEY_p50, KEY_p99 (ms), KEY_cpu (server CPU ms per request).
  wrkrun() {
    local key=$1 secs=$2 url=$3 expect=$4 method=${5:-GET} ctype=${6:-} body=${7:-} t0 t1 line
    t0=$(ticks)
    BENCH_METHOD="$method" BENCH_CONTENT_TYPE="$ctype" BENCH_BODY_FILE="$body" BENCH_EXPECT="$expect" \
      timeout $((secs + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s --latency -s bench/wrk.lua \
      -d"${secs}s" "$url" >"$BENCH_TMP/wrk-$key.txt" 2>&1 || { echo "wrk failed: $key" >&2; exit 1; }
    t1=$(ticks)
    line=$(grep '^BENCH_RESULT' "$BENCH_TMP/wrk-$key.txt")
    f() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    if [ "$(f bad)" != 0 ] || [ "$(f errors)" != 0 ]; then
      echo "goals: $key: bad answers or socket errors: $line" >&2; put "http_bad_$key" "$line"
    fi
    echo "goals: $key ${secs}s: $(f rps) req/s p50 $(f p50_us) us p99 $(f p99_us) us, server $((t1 - t0)) ticks" >&2
    [ "$key" = warm ] && return 0
    put "${key}_rps" "$(f rps)"
    put "${key}_p50" "$(awk -v u="$(f p50_us)" 'BEGIN{printf "%.2f", u/1000}')"
    put "${key}_p99" "$(awk -v u="$(f p99_us)" 'BEGIN{printf "%.2f", u/1000}')"
    put "${key}_cpu" "$(awk -v t=$((t1 - t0)) -v hz="$HZ" -v n="$(f requests)" 'BEGIN{printf "%.4f", 1000*t/hz/n}')"
  }
  S=0
  status() { S=$((S + 1)); wrkrun warm "$WARMUP" "$B/admin/node/status" ONLINE; wrkrun "status$S" "$DURATION" "$B/admin/node/status" ONLINE; }
  scenario() { # KEY URL EXPECT [METHOD CTYPE BODY]: warm-up, measurement, then node/status again
    local key=$1; shift
    wrkrun warm "$WARMUP" "$@"
    case " $JFR_SCENARIOS " in *" $key "*) bench_jfr_start "jfr-$key" ;; esac
    wrkrun "$key" "$DURATION" "$@"
    case " $JFR_SCENARIOS " in *" $key "*) bench_jfr_stop "jfr-$key" ;; esac
    put "${key}_before" "status$S"
    status
    put "${key}_after" "status$S"
  }
  echo "goals: warm-up, ${PREWARM}s per request" >&2
  wrkrun warm "$PREWARM" "$B/admin/node/status" ONLINE
  wrkrun warm "$PREWARM" "$TRIVIAL/hello" ONLINE
  wrkrun warm "$PREWARM" "$TRIVIAL/static.txt" ONLINE
  wrkrun warm "$PREWARM" "$B/storage/$AREA" '"Key3":"Value3"'
  wrkrun warm "$PREWARM" "$B/storage/$AREA/Key2" Value2
  wrkrun warm "$PREWARM" "$B/storage/3600" '"id"' POST "$MCT" "$MULTI"
  wrkrun warm "$PREWARM" "$B/storage/3600" '"id"' POST "$UCT" "$FORM"
  put http_load_before "$(loadavg)"
  status
  scenario static "$TRIVIAL/static.txt" ONLINE
  scenario servlet "$TRIVIAL/hello" ONLINE
  scenario all "$B/storage/$AREA" '"Key3":"Value3"'
  scenario one "$B/storage/$AREA/Key2" Value2
  # Each create also with group commit off (each its own commit), same server and run, in the
  # order on, off, off, on (what the JIT still compiles favours neither); the option applies
  # without restart, and the config view saying the new value means the next request sees it.
  scenario create "$B/storage/3600" '"id"' POST "$UCT" "$FORM"
  bench_group_commit 1
  scenario create_alone "$B/storage/3600" '"id"' POST "$UCT" "$FORM"
  scenario multipart_alone "$B/storage/3600" '"id"' POST "$MCT" "$MULTI"
  bench_group_commit 64
  scenario multipart "$B/storage/3600" '"id"' POST "$MCT" "$MULTI"
  put http_load_after "$(loadavg)"
  put rss_after_http_mib "$(awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$PID/status")"
)

# ---------------------------------------------------------------------------------------------
boot_phase() (
  WF=$(wildfly_home)
  [ -n "$WF" ] || { echo "no target/wildfly-run (the http phase builds it)" >&2; exit 1; }
  base="$OUT/wf-boot"
  mkdir -p "$base/deployments"
  cp -r "$WF/standalone/configuration" "$base/"
  cp "$OUT/bench-trivial.war" "$base/deployments/"
  JAVA_OPTS="-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true" LAUNCH_JBOSS_IN_BACKGROUND=true \
    "$WF/bin/standalone.sh" -c standalone.xml -Djboss.server.base.dir="$base" \
    -Djboss.http.port="$BOOT_PORT" -Djboss.management.http.port=$((BOOT_PORT + 1)) \
    -Djboss.https.port=$((BOOT_PORT + 2)) -Djboss.management.https.port=$((BOOT_PORT + 3)) \
    >"$OUT/boot.log" 2>&1 &
  SH=$!
  jvm() { for p in $(pgrep -f -- "$base" || true); do grep -qa jboss-modules "/proc/$p/cmdline" 2>/dev/null && { echo "$p"; return; }; done; }
  stop() {
    kill -TERM "$SH" 2>/dev/null || true
    for _ in $(seq 1 60); do [ -z "$(jvm)" ] && break; sleep 1; done
    local j; j=$(jvm); [ -n "$j" ] && { echo "boot reference still running, SIGKILL $j" >&2; kill -KILL "$j"; }
    return 0
  }
  trap stop EXIT
  ok=
  for _ in $(seq 1 600); do
    [ "$(curl -s --max-time 2 "http://127.0.0.1:$BOOT_PORT/bench-trivial/hello")" = ONLINE ] && { ok=1; break; }
    kill -0 "$SH" 2>/dev/null || break
    sleep 0.5
  done
  [ -n "$ok" ] || { echo "boot reference did not answer; log $OUT/boot.log" >&2; exit 1; }
  put boot_s "$(jvm_age "$(jvm)")"
  sleep 5
  put boot_rss_mib "$(awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$(jvm)/status" 2>/dev/null || true)"
)

# ---------------------------------------------------------------------------------------------
comet_phase() {
  # max_sessions above the largest count (the default 10 000 would refuse the clients beyond it)
  # shellcheck disable=SC2086
  BENCH_SED="s/^max_sessions = .*/max_sessions = 25000/" \
    TARGET=both ROUNDS=$COMET_ROUNDS bench/comet-latency.sh $COMET_CLIENTS >"$OUT/comet.out" 2>"$OUT/comet.err" ||
    echo "goals: comet-latency.sh ended with $? (see $OUT/comet.err)" >&2
  local line t n k
  while read -r line; do
    t=$(awk '{print $2}' <<<"$line"); n=$(sed -n 's/.* clients=\([0-9]*\).*/\1/p' <<<"$line")
    for k in received lost p50_ms p99_ms publishes_per_s server_cpu_s server_rss_mib; do
      put "comet_${t}_${n}_$k" "$(sed -n "s/.* $k=\([^ ]*\).*/\1/p" <<<"$line")"
    done
  done < <(grep '^RESULT' "$OUT/comet.out")
}

chat_phase() {
  AGENTS=$CHAT_AGENTS ROUNDS=$CHAT_ROUNDS MODES="v1 v2" bench/chat.sh "$CHATS" >"$OUT/chat.out" 2>"$OUT/chat.err" ||
    echo "goals: chat.sh ended with $? (see $OUT/chat.err)" >&2
  local m
  for m in v1 v2; do
    put "chat_${m}_per_s" "$(sed -n "s/^SETUP mode=$m .* chats_per_s=\([0-9.]*\).*/\1/p" "$OUT/chat.out" | tail -1)"
    put "chat_${m}_rt_p99" "$(sed -n "s/^RESULT mode=$m .*round_trip_p50_ms=[0-9.]* p99_ms=\([0-9.]*\).*/\1/p" "$OUT/chat.out" | tail -1)"
    put "chat_${m}_rounds_per_s" "$(sed -n "s/^RESULT mode=$m .* rounds_per_s=\([0-9.]*\).*/\1/p" "$OUT/chat.out" | tail -1)"
  done
}

callback_phase() {
  BENCH_CALLBACKS=$CALLBACKS BENCH_OPEN_CHATS=$OPEN_CHATS bench/callback.sh >"$OUT/callback.out" 2>"$OUT/callback.err" ||
    echo "goals: callback.sh ended with $? (see $OUT/callback.err)" >&2
  put cb_created "$(sed -n 's/^| scheduled callbacks created | \([0-9]*\) in.*/\1/p' "$OUT/callback.out")"
  put cb_per_s "$(sed -n 's/^| scheduled callbacks created | .*(\([0-9]*\)\/s.*/\1/p' "$OUT/callback.out")"
  put cb_rounds "$(sed -n 's/^| created per second, group commit on \/ off \/ on .* | \(.*\) |$/\1/p' "$OUT/callback.out")"
  put cb_avail "$(sed -n 's/^| availability, 7 days (status, seconds) | \(.*\) |$/\1/p' "$OUT/callback.out")"
  put cb_open_chats "$(sed -n 's/^| chats open at the restart .* | \([0-9]*\) |$/\1/p' "$OUT/callback.out")"
  put cb_restart_s "$(sed -n 's/^| restart: server JVM start to ONLINE (s, build excluded) | \(.*\) |$/\1/p' "$OUT/callback.out")"
}

for ph in $PHASES; do
  echo "goals: phase $ph (load average $(loadavg))" >&2
  "${ph}_phase" || echo "goals: phase $ph failed (logs in $OUT)" >&2
done
LOAD_END=$(loadavg)

# ---------------------------------------------------------------------------------------------
# row PATH VALUE REFERENCE RATIO GOAL-TEXT OP LIMIT ON: met when (ON = ratio ? RATIO : VALUE) OP LIMIT
ROWS=()
row() {
  local met
  met=$(awk -v r="$4" -v v="$2" -v op="$6" -v lim="$7" -v on="$8" 'BEGIN {
    if (op == "") { print "—"; exit }
    x = (on == "ratio") ? r : v; sub(/ .*/, "", x)
    if (x == "" || x == "?" || x == "—") { print "not measured"; exit }
    ok = (op == ">=") ? x + 0 >= lim : (op == "<=") ? x + 0 <= lim : (op == "<") ? x + 0 < lim : (op == "==") ? x + 0 == lim : 0
    print ok ? "met" : "**not met**" }')
  ROWS+=("| $1 | $2 | $3 | $4 | $5 | $met |")
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a == "" || b == "" || b + 0 == 0) print "—"; else printf "%.2f", a / b }'; }
# the mean of the node/status runs around a scenario: statmean SCENARIO FIELD
statmean() {
  local b a; b=$(get "${1}_before"); a=$(get "${1}_after")
  [ -n "$b" ] && [ -n "$a" ] || { echo ""; return; }
  awk -v x="$(get "${b}_$2")" -v y="$(get "${a}_$2")" 'BEGIN{printf "%.4f", (x + y) / 2}'
}
fmt() { awk -v x="$1" -v d="${2:-0}" 'BEGIN{ if (x == "") print "—"; else printf "%.*f", d, x }'; }

for s in all:"Storage query all (3 keys), req/s":0.7 one:"Storage query one key, req/s":0.7 \
  create:"Storage create (3 keys), req/s":0.5 multipart:"Storage create with a 64 KiB file, req/s":0.25 \
  create_alone:"Storage create (3 keys), group commit off (group_commit = 1), req/s":0.5 \
  multipart_alone:"Storage create with a 64 KiB file, group commit off, req/s":0.25; do
  IFS=: read -r key label goal <<<"$s"
  v=$(get "${key}_rps"); r=$(statmean "$key" rps)
  row "$label" "$(fmt "$v")" "node/status $(fmt "$r")" "$(ratio "$v" "$r")" "≥ $goal× node/status" ">=" "$goal" ratio
  vc=$(get "${key}_cpu"); rc=$(statmean "$key" cpu)
  row "… its server CPU ms/request" "$(fmt "$vc" 3)" "node/status $(fmt "$rc" 3)" "$(ratio "$vc" "$rc")" "(no goal; lower is better)" "" "" ratio
done
sc=$(statmean static cpu); vc=$(get static_cpu)
row "node/status CPU ms/request vs a static file (same Undertow)" "$(fmt "$sc" 3)" "static file $(fmt "$vc" 3)" "$(ratio "$sc" "$vc")" "≤ 1.3×" "<=" 1.3 ratio
sc=$(statmean servlet cpu); vc=$(get servlet_cpu)
row "node/status CPU ms/request vs a trivial servlet (same container)" "$(fmt "$sc" 3)" "servlet $(fmt "$vc" 3)" "$(ratio "$sc" "$vc")" "(no goal)" "" "" ratio
sr=$(statmean servlet rps); vr=$(get servlet_rps)
row "node/status req/s vs the trivial servlet" "$(fmt "$sr")" "servlet $(fmt "$vr")" "$(ratio "$sr" "$vr")" "(no goal)" "" "" ratio
STATUS_RPS=$(get status1_rps)
STATUS_P50=$(get status1_p50)
for n in $COMET_CLIENTS; do
  o() { get "comet_opengms_${n}_$1"; }
  j() { get "comet_reference_${n}_$1"; }
  row "CometD $n clients: lost (of $(awk -v a="$(o received)" -v b="$(o lost)" 'BEGIN{print a + b}') rounds)" "$(o lost)" "Jetty lost $(j lost)" "—" "0 lost" "==" 0 value
  row "CometD $n clients: p50 ms" "$(o p50_ms)" "Jetty $(j p50_ms)" "$(ratio "$(o p50_ms)" "$(j p50_ms)")" "≤ 1.3× Jetty" "<=" 1.3 ratio
  row "CometD $n clients: p99 ms" "$(o p99_ms)" "Jetty $(j p99_ms)" "$(ratio "$(o p99_ms)" "$(j p99_ms)")" "≤ 1.3× Jetty" "<=" 1.3 ratio
  row "CometD $n clients: publishes/s" "$(o publishes_per_s)" "Jetty $(j publishes_per_s)" "$(ratio "$(o publishes_per_s)" "$(j publishes_per_s)")" "≥ 0.8× Jetty" ">=" 0.8 ratio
  row "CometD $n clients: server CPU s (set-up + rounds)" "$(o server_cpu_s)" "Jetty $(j server_cpu_s)" "$(ratio "$(o server_cpu_s)" "$(j server_cpu_s)")" "(no goal)" "" "" ratio
  row "RSS MiB with $n CometD clients" "$(o server_rss_mib)" "Jetty $(j server_rss_mib)" "$(ratio "$(o server_rss_mib)" "$(j server_rss_mib)")" "< 1024 MiB (at 10,000)" "<" 1024 value
done
for m in v1 v2; do
  v=$(get "chat_${m}_per_s")
  row "Chat set-up $m ($CHATS chats), chats/s" "$(fmt "$v")" "node/status $(fmt "$STATUS_RPS") req/s" "$(ratio "$v" "$STATUS_RPS")" "≥ 1,000/s" ">=" 1000 value
  row "Chat $m message round trip p99 ms (at $(fmt "$(get "chat_${m}_rounds_per_s")") rounds/s)" "$(get "chat_${m}_rt_p99")" "node/status p50 $(fmt "$STATUS_P50" 2)" "—" "≤ 50 ms at 1,000 msg/s" "<=" 50 value
done
v=$(get cb_per_s)
row "Callback creation (scheduled, JSON), $(get cb_created) created, /s" "$(fmt "$v")" "node/status $(fmt "$STATUS_RPS")" "$(ratio "$v" "$STATUS_RPS")" "≥ 2,000/s" ">=" 2000 value
rounds=$(get cb_rounds); on1=${rounds%% *}; off=$(awk '{print $3}' <<<"$rounds"); on2=${rounds##* }
onm=$(awk -v a="$on1" -v b="$on2" 'BEGIN{ if (a == "" || b == "") print ""; else printf "%.0f", (a + b) / 2 }')
row "… one round with them stored, group commit on (mean of the rounds before and after), /s" "$(fmt "$onm")" "group commit off $(fmt "$off")" "$(ratio "$onm" "$off")" "(no goal; the figure without group commit)" "" "" ratio
av=$(get cb_avail); avms=$(awk -v s="${av#* }" 'BEGIN{ if (s == "") print ""; else printf "%.1f", s * 1000}')
row "Availability over 7 days, $(get cb_created) stored, ms (HTTP ${av%% *})" "$avms" "node/status p50 $(fmt "$STATUS_P50" 2)" "$(ratio "$avms" "$STATUS_P50")" "< 20 ms (100k stored)" "<" 20 value
rs=$(get cb_restart_s); bs=$(get boot_s)
lim=$(awk -v b="$bs" 'BEGIN{ if (b == "" || b == "?") print ""; else print b + 5 }')
row "Restart to ONLINE, $(get cb_created) callbacks stored, $(get cb_open_chats) chats open (JVM start, s)" "$rs" "container boot $bs" "$(ratio "$rs" "$bs")" "≤ boot + 5 s" "<=" "${lim:-0}" value
row "Start to ONLINE, empty data (JVM start, s)" "$(get start_online_s)" "container boot $bs" "$(ratio "$(get start_online_s)" "$bs")" "(no goal)" "" "" value
row "RSS MiB, idle after start" "$(get rss_idle_mib)" "container + trivial WAR $(get boot_rss_mib)" "$(ratio "$(get rss_idle_mib)" "$(get boot_rss_mib)")" "(no goal)" "" "" value

report() {
  echo "# Issue 16 goals, $DATE"
  echo
  echo "- $T_START to $(date -u +%FT%TZ); $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/^MemTotal/{printf "%.0f", $2/1048576}' /proc/meminfo) GiB"
  echo "- load average at start $LOAD_START, at end $LOAD_END$( [ -n "$(get http_load_before)" ] && echo " (http phase: $(get http_load_before) → $(get http_load_after))")"
  echo "- commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)$(git diff --quiet 2>/dev/null || echo ' (with local changes)'); $({ java -version 2>&1 || true; } | head -1)"
  echo "- \`QUICK=$QUICK PHASES=\"$PHASES\" bench/goals.sh\`: wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s measured after ${WARMUP}s warm-up (${PREWARM}s per request before all);"
  echo "  CometD at $COMET_CLIENTS clients, $COMET_ROUNDS rounds; chats $CHATS ($CHAT_AGENTS agents, $CHAT_ROUNDS rounds); callbacks $CALLBACKS"
  [ "$COMET_ASKED" != "$COMET_CLIENTS" ] && echo "- **CometD counts $COMET_ASKED asked, $COMET_CLIENTS measured**: a process may hold $NOFILE open files here (ulimit -n), so a server cannot hold more than about $COMET_CAP websocket clients"
  [ "$QUICK" = 1 ] && echo "- **QUICK=1**: short durations and small counts, a check of the runner; the figures are not the goal's conditions"
  grep -q '^http_bad_' "$VALUES" && echo "- **bad answers during the http phase**: $(grep '^http_bad_' "$VALUES" | cut -d= -f1 | tr '\n' ' ')"
  echo
  echo "| Path | value | reference (same run) | ratio | goal | met |"
  echo "|---|---:|---:|---:|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Storage rows: ratio to the mean of the node/status runs just before and after. CPU: user + system"
  echo "CPU of the server JVM (/proc/<pid>/stat) over the measurement / requests. Static file and servlet:"
  echo "bench/trivial-war, deployed in the same WildFly as genesys.war. CometD: bench/comet-latency.sh"
  echo "TARGET=both (reference CometD 8 on Jetty 12, same client, same heap). Boot reference: the same"
  echo "WildFly and standalone.xml with only the trivial WAR, JVM start to its first answer."
}
report | tee "$OUT/report.md"
cp "$OUT/report.md" "$RESULTS"
echo "goals: wrote $RESULTS (logs in $OUT)" >&2
