#!/usr/bin/env bash
# Runs every test of the project on this machine: first it brings what the tests need and the machine lacks, then
# `mvn -B verify` (unit, real-server, real-browser, compatibility matrix, cluster and container tests).
#
# What it may install (Debian/Ubuntu, with root or sudo): chromium and chromium-driver (browser tests), npm (axe-core),
# docker-compose and docker.io (the compose files and container tests; dockerd is started if it is not running, and
# stopped again at the end), debootstrap and unzip (stand-in container images), and through scripts/ensure-postgres.sh
# postgresql (the cluster test and the benchmark; started if it is not running, with a role spr_test, password
# spr_test, CREATEDB, for their throwaway databases).
# Container images: scripts/build-stand-in-images.sh builds stand-ins (cached) and the container tests use them, for
# KEYCLOAK_IMAGE, POSTGRES_IMAGE and MAILPIT_IMAGE that the environment does not set already (set all three, e.g. to
# the official images, to skip the stand-ins).
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
command -v unzip >/dev/null 2>&1 || need+=(unzip)
if [ "${#need[@]}" -gt 0 ]; then
  echo "Installing what the tests need: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q "${need[@]}" || { as_root apt-get update -q && as_root apt-get install -y -q "${need[@]}"; }
fi

# PostgreSQL for the cluster test, with a role of its own for the databases it creates and drops.
scripts/ensure-postgres.sh

# A Docker engine for the container tests: started here when it is installed and not running, stopped at the end.
started_dockerd=""
stop_dockerd() {
  if [ -n "$started_dockerd" ]; then
    as_root kill "$started_dockerd" 2>/dev/null || true
    for _ in $(seq 1 40); do as_root kill -0 "$started_dockerd" 2>/dev/null || break; sleep 0.5; done
  fi
}
trap stop_dockerd EXIT
if ! docker info >/dev/null 2>&1 && [ -z "${DOCKER_HOST:-}" ]; then
  echo "Starting dockerd (log: /tmp/spr-dockerd.log)"
  started_dockerd="$(as_root sh -c 'PATH="/usr/sbin:/sbin:$PATH"; dockerd >/tmp/spr-dockerd.log 2>&1 & echo $!')"
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
fi
# Without an engine the container tests skip themselves within seconds, each with the reason; said here too, and
# again at the end, so that a green run without them is not mistaken for a full one.
no_engine=""
if ! docker info >/dev/null 2>&1; then
  no_engine="No Docker engine answers \`docker info\` (dockerd log: /tmp/spr-dockerd.log): the container tests are SKIPPED in this run."
  echo "$no_engine" >&2
fi

# Stand-in images where the environment names none: no image registry can be reached on the project's machines.
if docker info >/dev/null 2>&1 && { [ -z "${KEYCLOAK_IMAGE:-}" ] || [ -z "${POSTGRES_IMAGE:-}" ] || [ -z "${MAILPIT_IMAGE:-}" ]; }; then
  stand_ins="$(scripts/build-stand-in-images.sh)" || { echo "scripts/build-stand-in-images.sh failed" >&2; exit 1; }
  while IFS='=' read -r name value; do
    if [ -z "${!name:-}" ]; then export "$name=$value"; fi
  done <<<"$stand_ins"
  echo "Container images: KEYCLOAK_IMAGE=$KEYCLOAK_IMAGE POSTGRES_IMAGE=$POSTGRES_IMAGE MAILPIT_IMAGE=$MAILPIT_IMAGE"
fi

# Fixed ports: Keycloak Test Framework (8080, 9000, 8500, 3025), LocalRunIT (18080, 11025, 13000), the compatibility
# matrix (28080, 29000, 21025), the cluster test (38080-38082, 39001-39002, 31025, JGroups 37800/37820/37850/37870),
# the compose stacks of the container tests (58080, 59000; 58081, 59001, 58025).
for port in 8080 9000 8500 3025 18080 11025 13000 28080 29000 21025 38080 38081 38082 39001 39002 31025 37800 37820 37850 37870 58080 59000 58081 59001 58025; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; the tests need it (another build or a local run still going?)" >&2
    exit 1
  fi
done

java -version 2>&1 | sed -n 1p
mvn -version 2>&1 | sed -n 1p
chromium --version 2>/dev/null | sed -n 1p || true

# Not exec: the trap stops the dockerd started above once Maven is done.
mvn -B verify "$@"
if [ -n "$no_engine" ]; then echo "$no_engine" >&2; fi
