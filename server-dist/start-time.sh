#!/usr/bin/env bash
# Start time of the distribution: a fresh bin/simstack until its first SQS request (ListQueues through
# curl) is answered, N times each without and with the class-data archive; prints each run, then the
# median and range, of the wall time and of the CPU time the JVM had used by then (user + system, from
# /proc: less at the mercy of other processes on a busy machine). docs/benchmarks.md has the figures.
#
#   ./mvnw -B -q -DskipTests package -pl server-dist -am && bash server-dist/start-time.sh [N]
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
N=${1:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
tar -xzf "$HERE"/target/simstack-*.tar.gz -C "$WORK"
DIST=$(echo "$WORK"/simstack-*)
PORT=${PORT:-45666}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One start of the command given (bin/simstack by default): prints the milliseconds from starting it to
# the first answered ListQueues, and the JVM's CPU milliseconds by then (bin/simstack execs the JVM).
one() {
  local started pid ms cpu
  started=$(now_ms)
  "${@:-$DIST/bin/simstack}" --port "$PORT" >"$WORK/run.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null --max-time 1 -d 'Action=ListQueues' "http://127.0.0.1:$PORT/"; do sleep 0.005; done
  ms=$(( $(now_ms) - started ))
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat")
  kill -TERM "$pid"
  wait "$pid" || true
  echo "$ms $cpu"
}

summary() {
  local column
  for column in 1 2; do
    cut -d' ' -f"$column" <"$1" | sort -n | awk -v what="$([ "$column" = 1 ] && echo wall || echo cpu)" \
      '{ v[NR] = $1 } END { printf "%s: median %d ms, range %d-%d ms\n", what, v[int((NR + 1) / 2)], v[1], v[NR] }'
  done
}

echo "without the archive (SIMSTACK_CDS=off; the runtime's own classes.jsa only):"
export SIMSTACK_CDS=off
for _ in $(seq "$N"); do one; done | tee "$WORK/off" | tr '\n' ';'; echo
summary "$WORK/off"
unset SIMSTACK_CDS
one >/dev/null   # the training run: its stop writes cds/simstack.jsa
[ -f "$DIST/cds/simstack.jsa" ] || { echo "no archive was made"; exit 1; }
echo "with the archive (cds/simstack.jsa):"
for _ in $(seq "$N"); do one; done | tee "$WORK/on" | tr '\n' ';'; echo
summary "$WORK/on"
JAR=$(dirname "$HERE")/server/target/simstack-server.jar
if [ -f "$JAR" ]; then
  echo "for comparison, the shaded jar on the build's full JDK (java -jar, no archive of its own):"
  for _ in $(seq "$N"); do one java -jar "$JAR"; done | tee "$WORK/jar" | tr '\n' ';'; echo
  summary "$WORK/jar"
fi
echo "size: $(du -h "$HERE"/target/simstack-*.tar.gz | cut -f1) tar.gz, $(du -sh "$DIST" | cut -f1) unpacked" \
  "(runtime $(du -sh "$DIST/runtime" | cut -f1), lib $(du -sh "$DIST/lib" | cut -f1), cds $(du -sh "$DIST/cds" | cut -f1))"
