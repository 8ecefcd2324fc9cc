# Sourced by the bench scripts: starts OpenGMS with the README run command on its own ports, data
# dir and bench config, waits (bounded) for ONLINE, and stops it on exit (SIGTERM to Maven).
# Ports: BENCH_HTTP_PORT (9180), 11180 management, 9543 https, 11183 management https.
# BENCH_JFR=1: profiling. The server JVM gets -XX:+DebugNonSafepoints (exact frames in the samples)
# and JFR stacks of up to 1024 frames (WildFly request stacks are deeper than the default 64)
# (through the pom's gms.jvm.args), and bench_jfr_start NAME / bench_jfr_stop NAME record a window
# with JFR's "profile" settings (jcmd) into $BENCH_TMP/NAME.jfr (copied to BENCH_JFR_DIR when set).
# bench_group_commit N sets [storage] group_commit in the running server's configuration (applied
# without restart) and waits until its config view says so.
# bench_finish (for the EXIT trap): bench_stop, then removes $BENCH_TMP (data, logs, recordings)
# unless BENCH_KEEP=1, so that runs do not fill the disk.
# After bench_start, BENCH_ONLINE_S is the time from the server JVM's start to ONLINE (s, 0.1 s).
BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-9180}
BENCH_MGMT_PORT=${BENCH_MGMT_PORT:-11180}
BENCH_HTTPS_PORT=${BENCH_HTTPS_PORT:-9543}
BENCH_MGMT_HTTPS_PORT=${BENCH_MGMT_HTTPS_PORT:-11183}
BASE="http://127.0.0.1:${BENCH_HTTP_PORT}/genesys"
BENCH_TMP=$(mktemp -d /tmp/opengms-bench.XXXXXX)
BENCH_DATA="$BENCH_TMP/data"
BENCH_CONF="$BENCH_TMP/conf"
mkdir -p "$BENCH_DATA" "$BENCH_CONF"
cp server-config/localization.xml "$BENCH_CONF/"
# BENCH_INI: another configuration to start from (e.g. bench/chat-gms.ini)
cp "${BENCH_INI:-server-config/gms.ini}" "$BENCH_CONF/gms.ini"
sed -i -e 's/^pushEnabled = .*/pushEnabled = comet,httpcb/' \
  -e 's|^outbound_allow =.*|outbound_allow = 127.0.0.1/32|' "$BENCH_CONF/gms.ini"
# BENCH_MVN_ARGS: extra Maven arguments for the server run (e.g. -Dgms.db.url=...)
# optional extra edits, one sed script (commands separated by ";" or new lines):
# BENCH_SED="s/^max_sessions = .*/max_sessions = 20000/"
if [ -n "${BENCH_SED:-}" ]; then sed -i -e "$BENCH_SED" "$BENCH_CONF/gms.ini"; fi
MVN_PID=

bench_stop() {
  if [ -n "$MVN_PID" ] && kill -0 "$MVN_PID" 2>/dev/null; then
    kill -TERM "$MVN_PID"
    for _ in $(seq 1 60); do kill -0 "$MVN_PID" 2>/dev/null || break; sleep 1; done
  fi
  # verify no java with our data dir remains (only processes we started carry this path)
  local left
  left=$(pgrep -f -- "$BENCH_DATA" || true)
  if [ -n "$left" ]; then
    echo "WARN: processes with $BENCH_DATA still alive after 60 s: $left; sending SIGTERM" >&2
    for p in $left; do kill -TERM "$p" 2>/dev/null || true; done
    sleep 5
  fi
  pgrep -f -- "$BENCH_DATA" >/dev/null && echo "WARN: server still alive" >&2 || echo "server stopped (no process with $BENCH_DATA)" >&2
}

bench_finish() {
  bench_stop
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $BENCH_TMP (BENCH_KEEP=1)" >&2; else rm -rf "$BENCH_TMP"; fi
}

# bench_start [extra Maven arguments, e.g. -Dgms.heap=2g]
bench_start() {
  echo "starting server: log $BENCH_TMP/server.log" >&2
  local jvm_args=()
  [ "${BENCH_JFR:-0}" = 1 ] && jvm_args=(-Dgms.jvm.args="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:FlightRecorderOptions=stackdepth=1024")
  mvn -B -Prun "${jvm_args[@]}" -Dgms.http.port="$BENCH_HTTP_PORT" -Dgms.management.port="$BENCH_MGMT_PORT" \
    -Dgms.https.port="$BENCH_HTTPS_PORT" -Dgms.management.https.port="$BENCH_MGMT_HTTPS_PORT" \
    -Dgms.data.dir="$BENCH_DATA" -Dgms.config="$BENCH_CONF/gms.ini" "$@" ${BENCH_MVN_ARGS:-} >"$BENCH_TMP/server.log" 2>&1 &
  MVN_PID=$!
  local started=$SECONDS deadline=$((SECONDS + ${BENCH_START_TIMEOUT:-420}))
  until curl -fsS --max-time 2 "$BASE/1/admin/node/status" 2>/dev/null | grep -q ONLINE; do
    if ! kill -0 "$MVN_PID" 2>/dev/null; then echo "server died; tail of log:" >&2; tail -30 "$BENCH_TMP/server.log" >&2; return 1; fi
    if [ $SECONDS -ge $deadline ]; then echo "server not ONLINE in time" >&2; tail -30 "$BENCH_TMP/server.log" >&2; return 1; fi
    sleep 0.5
  done
  BENCH_ONLINE_S=$(bench_jvm_age "$(bench_server_pid)")
  echo "server ONLINE after $((SECONDS - started))s (build included); JVM start to ONLINE ${BENCH_ONLINE_S}s" >&2
}

# bench_jvm_age PID: seconds since the process started (/proc/PID/stat field 22, /proc/uptime)
bench_jvm_age() {
  [ -n "$1" ] || { echo "?"; return; }
  awk -v hz="$(getconf CLK_TCK)" -v up="$(cut -d' ' -f1 /proc/uptime)" \
    '{ sub(/^.*\) /, ""); printf "%.1f", up - $20 / hz }' "/proc/$1/stat" 2>/dev/null || echo "?"
}

bench_jfr_start() { # NAME: a JFR recording of the server JVM from now (BENCH_JFR=1 only)
  [ "${BENCH_JFR:-0}" = 1 ] || return 0
  jcmd "$(bench_server_pid)" JFR.start name="$1" settings=profile filename="$BENCH_TMP/$1.jfr" >&2
}
bench_jfr_stop() { # NAME: ends the recording, writes $BENCH_TMP/NAME.jfr (and BENCH_JFR_DIR/NAME.jfr)
  [ "${BENCH_JFR:-0}" = 1 ] || return 0
  jcmd "$(bench_server_pid)" JFR.stop name="$1" >&2
  [ -n "${BENCH_JFR_DIR:-}" ] && mkdir -p "$BENCH_JFR_DIR" && cp "$BENCH_TMP/$1.jfr" "$BENCH_JFR_DIR/" || true
}

bench_group_commit() { # N: [storage] group_commit of the running server; waits (30 s) until it applies
  sed -i "/^\[storage\]/,/^\[/ s/^;*group_commit = .*/group_commit = $1/" "$BENCH_CONF/gms.ini"
  for _ in $(seq 1 30); do
    curl -fsS -u admin:admin "$BASE/1/admin/config" | grep -q "\"group_commit\":\"$1\"" && return 0
    sleep 1
  done
  echo "group_commit = $1 not applied in 30 s" >&2
  exit 1
}

# the PID of the WildFly JVM started by bench_start (not Maven's)
bench_server_pid() {
  local p
  for p in $(pgrep -f -- "$BENCH_DATA" || true); do
    grep -qa jboss-modules "/proc/$p/cmdline" 2>/dev/null && { echo "$p"; return; }
  done
}
