#!/usr/bin/env bash
# PostgreSQL for the cluster test and the benchmark: installs it (Debian) when missing, starts it when it does not
# answer on 127.0.0.1:5432, and creates the role spr_test (password spr_test, CREATEDB) for their throwaway databases.
# Needs root or sudo for what it installs, starts or creates.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "PostgreSQL needs root or sudo to be installed, started or given the test role: $*" >&2; exit 1
  fi
}

if ! command -v pg_ctlcluster >/dev/null 2>&1 && [ ! -x /usr/bin/pg_ctlcluster ]; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q postgresql || { as_root apt-get update -q && as_root apt-get install -y -q postgresql; }
fi
if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "Starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
fi
as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -c \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'spr_test') THEN CREATE ROLE spr_test LOGIN CREATEDB PASSWORD 'spr_test'; END IF; END \$\$;"
