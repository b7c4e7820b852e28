#!/usr/bin/env bash
# Conformance: clients we did not write (Debian's AWS CLI v2 at /usr/bin/aws and python3-boto3 under
# /usr/bin/python3) drive the standalone launcher over the wire. Starts the launcher from the built jar
# on a free port, runs the suites of every service /_localstack/health reports as running, stops the
# launcher, and ends with one line: `conformance: N passed, N failed` (exit 1 if any failed). Last, the
# dist_cli suite starts the launcher distribution (server-dist's tar.gz) with no JDK on its PATH.
#
#   bash conformance/run.sh                 # after ./mvnw -B -q -DskipTests package
#   SIMSTACK_JAR=/path/to/simstack-server.jar bash conformance/run.sh
#   CONFORMANCE_ONLY=sqs_cli bash conformance/run.sh   # one suite
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR=${SIMSTACK_JAR:-$ROOT/server/target/simstack-server.jar}
PY=/usr/bin/python3          # Debian's python3: the one with Debian's boto3 (pyenv's may come first on PATH)
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ in the source tree
SUITE_TIMEOUT=${CONFORMANCE_SUITE_TIMEOUT:-480}   # seconds per suite; suites run side by side

# Suites per service, in the order they print. A service's suites run only when the launcher serves it.
SERVICES=(sqs dynamodb s3 iam lambda apigateway cloudformation)
declare -A SUITES=(
  [sqs]="sqs_boto3.py sqs_cli.py"
  [dynamodb]="dynamodb_boto3.py dynamodb_cli.py"
  [s3]="s3_cli.py s3_boto3.py"
  [iam]="iam_cli.py"
  [lambda]="lambda_cli.py"
  [apigateway]="apigateway_cli.py apigatewayv2_cli.py apigateway_auth_cli.py apigateway_domains_cli.py"
  [cloudformation]="cloudformation_cli.py cloudformation_http_cli.py"
)

WORK=$(mktemp -d)
LAUNCHER_PID=""
SUITE_PIDS=()

stop_launcher() {
  [ -n "$LAUNCHER_PID" ] || return 0
  if kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    kill -TERM "$LAUNCHER_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$LAUNCHER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$LAUNCHER_PID" 2>/dev/null && kill -KILL "$LAUNCHER_PID" 2>/dev/null
  fi
  wait "$LAUNCHER_PID" 2>/dev/null
  LAUNCHER_PID=""
}

cleanup() {
  for pid in "${SUITE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  stop_launcher
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The final line, also when the run cannot start: a broken set-up is a failure, never a silent pass.
finish() {
  local passed=$1 failed=$2
  echo "conformance: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

abort() {
  echo "FAIL conformance: $1"
  if [ -s "$WORK/launcher.log" ]; then sed 's/^/  launcher| /' "$WORK/launcher.log" | tail -n 20; fi
  finish 0 1
}

[ -x /usr/bin/aws ] || abort "/usr/bin/aws missing (apt-get install awscli)"
"$PY" -c 'import boto3' 2>/dev/null || abort "$PY cannot import boto3 (apt-get install python3-boto3)"
command -v curl >/dev/null || abort "curl missing (apt-get install curl)"
command -v java >/dev/null || abort "java missing"
command -v javac >/dev/null && command -v jar >/dev/null || abort "javac or jar missing (the lambda suite builds its jars with the JDK)"
[ -f "$JAR" ] || abort "$JAR missing: build it with ./mvnw -B -q -DskipTests package"

# Start the launcher on a free port and read the endpoint from its "listening on" line.
java -jar "$JAR" --port 0 --seed 20261128 >"$WORK/launcher.log" 2>&1 &
LAUNCHER_PID=$!
ENDPOINT=""
for _ in $(seq 1 300); do   # up to 60 s for the JVM to start
  ENDPOINT=$(sed -n 's/.*listening on \(http:\/\/[^ ]*\).*/\1/p' "$WORK/launcher.log" | head -n 1)
  [ -n "$ENDPOINT" ] && break
  kill -0 "$LAUNCHER_PID" 2>/dev/null || abort "the launcher exited before listening"
  sleep 0.2
done
[ -n "$ENDPOINT" ] || abort "the launcher printed no 'listening on' line within 60 s"

HEALTH=""
for _ in $(seq 1 150); do   # up to 30 s for the health endpoint
  HEALTH=$(curl -sf --max-time 2 "$ENDPOINT/_localstack/health") && break
  HEALTH=""
  sleep 0.2
done
[ -n "$HEALTH" ] || abort "$ENDPOINT/_localstack/health did not answer within 30 s"
RUNNING=$(printf '%s' "$HEALTH" | "$PY" -c '
import json, sys
services = json.load(sys.stdin).get("services", {})
print(" ".join(sorted(name for name, state in services.items() if state == "running")))') \
  || abort "unreadable health answer: $HEALTH"
echo "conformance: launcher at $ENDPOINT (pid $LAUNCHER_PID), running: ${RUNNING:-nothing}"

# Run the suites of every served service side by side; each prints PASS/FAIL/SKIP lines.
STARTED=$SECONDS
SELECTED=()
for service in "${SERVICES[@]}"; do
  if [[ " $RUNNING " != *" $service "* ]]; then
    echo "SKIP $service (not served)"
    continue
  fi
  for suite in ${SUITES[$service]}; do
    if [ -n "${CONFORMANCE_ONLY:-}" ] && [[ " $CONFORMANCE_ONLY " != *" ${suite%.py} "* ]]; then continue; fi
    SELECTED+=("$suite")
    SIMSTACK_ENDPOINT=$ENDPOINT CONFORMANCE_RUN_ID=$(date +%s)$$ \
      timeout -k 5 "$SUITE_TIMEOUT" "$PY" "$HERE/$suite" >"$WORK/$suite.out" 2>&1 &
    SUITE_PIDS+=($!)
  done
done

PASSED=0
FAILED=0
# Prints suite $1's output and adds its PASS and FAIL lines to the totals; exit status $2 of the suite counts as
# a failure when it timed out, or when it failed without a failed check.
tally() {
  local suite=$1 rc=$2 p f
  cat "$WORK/$suite.out"
  p=$(grep -c '^PASS ' "$WORK/$suite.out")
  f=$(grep -c '^FAIL ' "$WORK/$suite.out")
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    echo "FAIL ${suite%.py}: timed out after ${SUITE_TIMEOUT} s"
    f=$((f + 1))
  elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "FAIL ${suite%.py}: exited with $rc and no failed check"
    f=$((f + 1))
  fi
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
}

for i in "${!SELECTED[@]}"; do
  suite=${SELECTED[$i]}
  wait "${SUITE_PIDS[$i]}"
  tally "$suite" $?
done
SUITE_PIDS=()

# The reset suite empties the launcher the others share: it runs last, alone.
if [ -z "${CONFORMANCE_ONLY:-}" ] || [[ " $CONFORMANCE_ONLY " == *" reset_cli "* ]]; then
  SIMSTACK_ENDPOINT=$ENDPOINT CONFORMANCE_RUN_ID=$(date +%s)$$ CONFORMANCE_ONLY=${CONFORMANCE_ONLY:-} \
    timeout -k 5 "$SUITE_TIMEOUT" "$PY" "$HERE/reset_cli.py" >"$WORK/reset_cli.py.out" 2>&1
  tally reset_cli.py $?
fi

# The distribution's suite unpacks server-dist's tar.gz and starts its own launcher from it.
if [ -z "${CONFORMANCE_ONLY:-}" ] || [[ " $CONFORMANCE_ONLY " == *" dist_cli "* ]]; then
  SIMSTACK_ENDPOINT="" timeout -k 5 "$SUITE_TIMEOUT" "$PY" "$HERE/dist_cli.py" >"$WORK/dist_cli.py.out" 2>&1
  tally dist_cli.py $?
fi

if ! kill -0 "$LAUNCHER_PID" 2>/dev/null; then
  echo "FAIL conformance: the launcher died during the run"
  FAILED=$((FAILED + 1))
fi
if [ "$FAILED" -gt 0 ]; then sed 's/^/  launcher| /' "$WORK/launcher.log" | tail -n 20; fi
stop_launcher
SKIPPED=$(cat "$WORK"/*.out 2>/dev/null | grep -c '^SKIP ')
echo "conformance: suites took $((SECONDS - STARTED)) s; $SKIPPED checks skipped"
finish "$PASSED" "$FAILED"
