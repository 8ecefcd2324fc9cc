#!/usr/bin/env bash
# Checks that the README's run command honours the environment: starts `mvn -Prun` with
# GMS_CONFIG, GMS_DATA_DIR and GMS_DB_URL/USER/PASSWORD pointing at a temporary file, directory and
# H2 database (on non-default ports, like bench/bench-server.sh), then asserts that the node is
# ONLINE, that the admin view names that file and answers a value set only there, that the log
# warns about a misspelt option of that file (file:line, closest name), that the database file was
# created where GMS_DB_URL says and that an upload lands under GMS_DATA_DIR. Stops the server (SIGTERM to Maven) at the end.
# Ports: RUNCHECK_HTTP_PORT (23000), management 23001, https 23002, management https 23003.
set -euo pipefail
cd "$(dirname "$0")/.."
HTTP_PORT=${RUNCHECK_HTTP_PORT:-23000}
MGMT_PORT=${RUNCHECK_MGMT_PORT:-23001}
HTTPS_PORT=${RUNCHECK_HTTPS_PORT:-23002}
MGMT_HTTPS_PORT=${RUNCHECK_MGMT_HTTPS_PORT:-23003}
BASE="http://127.0.0.1:$HTTP_PORT/genesys"
TMP=$(mktemp -d /tmp/opengms-runcheck.XXXXXX)
mkdir -p "$TMP/conf" "$TMP/data" "$TMP/db"
cp server-config/gms.ini server-config/localization.xml "$TMP/conf/"
# a value only this file has
sed -i 's/^max_keys = 100$/max_keys = 77/' "$TMP/conf/gms.ini"
grep -q '^max_keys = 77$' "$TMP/conf/gms.ini"
# a misspelt option, which the load must warn about with file:line and the closest name
sed -i 's/^max_keys = 77$/max_keys = 77\nmax_keyz = 5/' "$TMP/conf/gms.ini"
TYPO_LINE=$(grep -n '^max_keyz = 5$' "$TMP/conf/gms.ini" | cut -d: -f1)

MVN_PID=
stop() {
  if [ -n "$MVN_PID" ] && kill -0 "$MVN_PID" 2>/dev/null; then
    kill -TERM "$MVN_PID"
    for _ in $(seq 1 60); do kill -0 "$MVN_PID" 2>/dev/null || break; sleep 1; done
  fi
}
trap stop EXIT

GMS_CONFIG="$TMP/conf/gms.ini" GMS_DATA_DIR="$TMP/data" \
  GMS_DB_URL="jdbc:h2:file:$TMP/db/check" GMS_DB_USER=check GMS_DB_PASSWORD=check \
  mvn -B ${RUNCHECK_MVN_ARGS:-} -Prun -Dgms.http.port="$HTTP_PORT" -Dgms.management.port="$MGMT_PORT" \
  -Dgms.https.port="$HTTPS_PORT" -Dgms.management.https.port="$MGMT_HTTPS_PORT" \
  >"$TMP/server.log" 2>&1 &
MVN_PID=$!
deadline=$((SECONDS + ${RUNCHECK_START_TIMEOUT:-600}))
until curl -fsS --max-time 2 "$BASE/1/admin/node/status" 2>/dev/null | grep -q ONLINE; do
  if ! kill -0 "$MVN_PID" 2>/dev/null; then echo "FAIL: server died" >&2; tail -30 "$TMP/server.log" >&2; exit 1; fi
  if [ $SECONDS -ge $deadline ]; then echo "FAIL: not ONLINE in time" >&2; tail -30 "$TMP/server.log" >&2; exit 1; fi
  sleep 2
done
echo "ONLINE after ${SECONDS}s"
view=$(curl -fsS -u admin:admin "$BASE/1/admin/config")
fail=0
echo "$view" | grep -q "\"source\":\"$TMP/conf/gms.ini\"" || { echo "FAIL: admin view source is not GMS_CONFIG" >&2; fail=1; }
echo "$view" | grep -q '"max_keys":"77"' || { echo "FAIL: max_keys from GMS_CONFIG not in force" >&2; fail=1; }
ls "$TMP/db"/check*.db >/dev/null 2>&1 || { echo "FAIL: no database at GMS_DB_URL" >&2; fail=1; }
[ ! -e "$TMP/data/gms.mv.db" ] || { echo "FAIL: default database used instead of GMS_DB_URL" >&2; fail=1; }
grep -q "$TMP/conf/gms.ini:$TYPO_LINE: unknown option 'max_keyz' in \[storage\] is ignored; did you mean 'max_keys'?" "$TMP/server.log" \
  || { echo "FAIL: no warning about the misspelt max_keyz" >&2; fail=1; }
# an upload goes to GMS_DATA_DIR/blobs
curl -fsS -F 'f=@server-config/localization.xml;type=text/xml' "$BASE/1/storage/60" >/dev/null
ls "$TMP/data/blobs" >/dev/null 2>&1 && [ -n "$(find "$TMP/data/blobs" -type f | head -1)" ] \
  || { echo "FAIL: upload not under GMS_DATA_DIR/blobs" >&2; fail=1; }
stop
if [ $fail -eq 0 ]; then
  echo "PASS: GMS_CONFIG, GMS_DATA_DIR and GMS_DB_* honoured by mvn -Prun"
  rm -rf "$TMP"
else
  echo "server log kept: $TMP/server.log" >&2
fi
exit $fail
