#!/bin/bash
# The stand-in PostgreSQL's entrypoint: the part of the official image's entrypoint that docker-compose.yml uses.
# First start (no PG_VERSION in $PGDATA): initdb with POSTGRES_USER as superuser and POSTGRES_PASSWORD as its password,
# then POSTGRES_DB is created. Password logins (scram-sha-256) from anywhere, no password on the local socket (as the
# official image). Not supported: POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD, *_FILE secrets, initdb.d scripts.
set -euo pipefail

if [ "${1:-}" != postgres ]; then
  exec "$@"
fi

if [ "$(id -u)" = 0 ]; then
  # Started as root (as the official image): own the data folder (a fresh volume may belong to root), then drop to postgres.
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?the stand-in PostgreSQL needs POSTGRES_PASSWORD}"
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 -D "$PGDATA" >/dev/null
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  printf "listen_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  # A server that only listens on its socket, so nobody connects before the database exists.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  if [ "$db" != postgres ]; then
    echo 'CREATE DATABASE :"db";' | psql -q -v ON_ERROR_STOP=1 -v db="$db" --username="$user" --dbname=postgres
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  echo "stand-in postgres: initialised $PGDATA with user $user and database $db"
fi

exec "$@"
