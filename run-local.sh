#!/usr/bin/env bash
# Runs the product on this machine without Docker: builds the extension, fetches the Keycloak distribution
# (Maven Central, same version as the build), and starts Keycloak with the portal realm and demo users,
# a local SMTP inbox that prints every code, and a small demo portal to sign in to. Ctrl-C stops everything.
#
# Ports (override with environment variables): KEYCLOAK_PORT=8080, SMTP_PORT=1025, PORTAL_PORT=3000.
set -euo pipefail
cd "$(dirname "$0")"

command -v java >/dev/null || { echo "run-local.sh needs Java 17 or newer (java not found)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "run-local.sh needs Apache Maven (mvn not found)" >&2; exit 1; }

echo "Building the extension and preparing Keycloak (the first run downloads about 180 MB)..."
mvn -B -q -Plocal-run -DskipTests package

export SPR_PROJECT_DIR="$PWD"
exec java -jar local-run/target/spr-local-run.jar
