#!/bin/sh
# Entry point of the PostgreSQL image: on the first start (empty PGDATA), create the cluster, the
# role POSTGRES_USER with POSTGRES_PASSWORD (required) and the database POSTGRES_DB it owns; then
# run the server in the foreground on all interfaces, password (scram-sha-256) logins over TCP.
# The superuser postgres logs in only over the container's Unix socket.
set -eu
: "${PGDATA:?}"
db="${POSTGRES_DB:-opengms}"
user="${POSTGRES_USER:-opengms}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set on the first start}"
  initdb -D "$PGDATA" --username=postgres --auth-local=peer --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  # Quotes doubled for SQL literals / identifiers.
  pw=$(printf '%s' "$POSTGRES_PASSWORD" | sed "s/'/''/g")
  u=$(printf '%s' "$user" | sed 's/"/""/g')
  d=$(printf '%s' "$db" | sed 's/"/""/g')
  # Single-user mode, one command a line: no server listens while the role and database are made.
  printf '%s\n' "CREATE ROLE \"$u\" LOGIN PASSWORD '$pw';" "CREATE DATABASE \"$d\" OWNER \"$u\";" \
    | postgres --single -D "$PGDATA" postgres >/dev/null
  echo "postgres: created database $db owned by $user"
fi

exec postgres -D "$PGDATA" -c listen_addresses='*'
