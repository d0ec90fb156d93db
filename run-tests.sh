#!/usr/bin/env bash
# Runs every test of the project on this machine: first it brings what the tests need and the machine lacks, then
# `mvn -B verify` (unit, real-server, real-browser, compatibility matrix, cluster and container tests).
#
# What it may install (Debian/Ubuntu, with root or sudo): chromium and chromium-driver (browser tests), npm (axe-core),
# docker-compose and docker.io (the compose files and container tests; dockerd is started if it is not running),
# debootstrap (stand-in container images), and through scripts/ensure-postgres.sh postgresql (the cluster test;
# started if it is not running, with a role spr_test, password spr_test, CREATEDB, for its throwaway databases).
set -euo pipefail
cd "$(dirname "$0")"

command -v java >/dev/null || { echo "run-tests.sh needs Java 17 or newer (java not found)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "run-tests.sh needs Apache Maven (mvn not found)" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "run-tests.sh must install or start something and needs root or sudo for it: $*" >&2; exit 1
  fi
}

# Debian package per command the tests run.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v dockerd >/dev/null 2>&1 || [ -x /usr/sbin/dockerd ] || need+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ] || need+=(debootstrap)
if [ "${#need[@]}" -gt 0 ]; then
  echo "Installing what the tests need: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q "${need[@]}" || { as_root apt-get update -q && as_root apt-get install -y -q "${need[@]}"; }
fi

# PostgreSQL for the cluster test, with a role of its own for the databases it creates and drops.
scripts/ensure-postgres.sh

# Fixed ports: Keycloak Test Framework (8080, 9000, 8500, 3025), LocalRunIT (18080, 11025, 13000), the compatibility
# matrix (28080, 29000, 21025), the cluster test (38080-38082, 39001-39002, 31025, JGroups 37800/37820/37850/37870).
for port in 8080 9000 8500 3025 18080 11025 13000 28080 29000 21025 38080 38081 38082 39001 39002 31025 37800 37820 37850 37870; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; the tests need it (another build or a local run still going?)" >&2
    exit 1
  fi
done

java -version 2>&1 | sed -n 1p
mvn -version 2>&1 | sed -n 1p
chromium --version 2>/dev/null | sed -n 1p || true

exec mvn -B verify "$@"
