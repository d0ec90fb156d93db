#!/usr/bin/env bash
# Benchmark: what the email-code step costs a production-mode Keycloak, against password only and Keycloak's own
# OTP form, measured in one run against one server (PostgreSQL, the shipped realm, this JAR). Prints a report
# (also benchmark/target/benchmark/report.md): logins/s, response times, server CPU per login, heap per pending
# login, JMH figures of the code package and a CPU profile. Not a test: only a broken machinery fails it.
#
# Needs: Java 17+, Maven, PostgreSQL on 127.0.0.1:5432 (scripts/ensure-postgres.sh installs or starts it and creates
# the role spr_test; database spr_benchmark is
# dropped and created), free ports 48080 (HTTP), 49000 (management), 41025 (SMTP relay); 43000 is the portal
# URL the logins are redirected to (nothing needs to listen there).
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
Usage: ./run-benchmark.sh [options]
  --users N           concurrent virtual users (default 4)
  --warmup S          warm-up seconds per flow before measuring (default 60)
  --window S          seconds per measured window (default 20)
  --rounds N          rounds of interleaved windows password, OTP, email (default 6)
  --relay-delays LIST SMTP reply delays in ms, comma-separated: the first for the interleaved windows, each
                      further one gets an extra email window (default 0,300)
  --relay-window S    seconds of each extra email window (default: --window)
  --pending N         logins opened per stage of the heap measurement (default 1000)
  --accounts N        users for the load (default 3000; enough that none meets the 30 s cooldown or 5/h quota)
  --heap OPTS         the server's heap options (default "-Xms1g -Xmx1g")
  --no-jmh            skip the JMH micro-benchmarks
  --no-profile        no JFR recording
  --wait-quiet        first wait (up to 30 min) until the 1-minute load average is below 0.7
  --smoke             ~10 s of load, tiny heap measurement and JMH: checks that everything works, no figures
USAGE
}

props=()
jmh_args="-f 1 -wi 3 -w 2s -i 5 -r 2s -tu us -bm avgt"
skip_jmh=false
wait_quiet=false
smoke=false
while [ $# -gt 0 ]; do
  case "$1" in
    --users) props+=("-Dbench.users=$2"); shift 2 ;;
    --warmup) props+=("-Dbench.warmup=$2"); shift 2 ;;
    --window) props+=("-Dbench.window=$2"); shift 2 ;;
    --rounds) props+=("-Dbench.rounds=$2"); shift 2 ;;
    --relay-delays) props+=("-Dbench.relayDelays=$2"); shift 2 ;;
    --relay-window) props+=("-Dbench.relayWindow=$2"); shift 2 ;;
    --pending) props+=("-Dbench.pending=$2"); shift 2 ;;
    --accounts) props+=("-Dbench.accounts=$2"); shift 2 ;;
    --heap) props+=("-Dbench.heap=$2"); shift 2 ;;
    --no-jmh) skip_jmh=true; shift ;;
    --no-profile) props+=("-Dbench.profile=false"); shift ;;
    --wait-quiet) wait_quiet=true; shift ;;
    --smoke) smoke=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if $smoke; then
  props+=("-Dbench.smoke=true")
  jmh_args="-f 1 -wi 0 -i 1 -r 200ms -tu us -bm avgt"
fi

command -v java >/dev/null || { echo "needs Java 17+" >&2; exit 1; }
command -v mvn >/dev/null || { echo "needs Maven" >&2; exit 1; }
command -v jcmd >/dev/null || { echo "needs jcmd (a JDK, not only a JRE)" >&2; exit 1; }
scripts/ensure-postgres.sh
for port in 48080 49000 41025; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; the benchmark needs it" >&2
    exit 1
  fi
done

if $wait_quiet; then
  deadline=$((SECONDS + 1800))
  until awk '{ exit !($1 < 0.7) }' /proc/loadavg; do
    [ $SECONDS -lt $deadline ] || { echo "the machine did not get quiet within 30 min: $(cat /proc/loadavg)" >&2; exit 1; }
    echo "waiting for a quiet machine, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    sleep 20
  done
fi
echo "load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
started=$SECONDS

echo "Building the extension and the launcher library..."
mvn -B -q -pl authenticator,local-run -am install -DskipTests -DskipITs=true

rm -f benchmark/target/jmh.txt benchmark/target/benchmark/report.md
echo "Running the benchmark (JMH, then the server and the load; the first run unpacks Keycloak)..."
mvn -B -pl benchmark -Pbenchmark verify -Dbench.jmh.skip="$skip_jmh" "-Dbench.jmh.args=$jmh_args" "${props[@]}"

echo "Done in $((SECONDS - started)) s. Report: benchmark/target/benchmark/report.md"
