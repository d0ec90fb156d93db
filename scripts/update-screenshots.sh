#!/usr/bin/env bash
# Refreshes the README's screenshots (docs/screenshots) from the real-browser tests: Keycloak, the extension, the
# shipped realm, headless Chromium. Needs Debian's chromium and chromium-driver (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
# integration-test, not verify: only the Chromium execution runs, so the other executions leave no summary to check.
mvn -B -q -pl authenticator integration-test -Dspr.browserOnly=true -Dspr.screenshots.dir="$PWD/docs/screenshots"
summary=authenticator/target/failsafe-reports/failsafe-summary-browser.xml
if ! grep -q "<errors>0</errors>" "$summary" || ! grep -q "<failures>0</failures>" "$summary"; then
  echo "the browser tests failed; see authenticator/target/failsafe-reports" >&2
  exit 1
fi
ls -1 docs/screenshots
