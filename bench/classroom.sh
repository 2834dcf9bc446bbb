#!/usr/bin/env bash
# A class's lab hour against a real kit, in one command: builds the kit and the benchmarks, starts `./m2mkit serve`
# on free ports with a throw-away data directory, waits for /health, runs ClassroomBench against it (the students
# over HTTP; the kit's CPU, threads and memory read from /proc/<pid>), then stops the kit and removes the directory.
#   bench/classroom.sh                                   (40 students, 60 minutes)
#   bench/classroom.sh --students 5 --duration 60s       (a smoke test)
# Every argument goes to ClassroomBench (--students, --duration, --think, --stagger, --seed, --instructor,
# --password); M2MKIT_JAVA_OPTS passes JVM options to the kit, BENCH_JAVA_OPTS to the benchmark. The kit's log is
# kept in target/classroom-kit.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v curl >/dev/null || { echo "classroom: needs curl" >&2; exit 1; }

echo "building the kit and the benchmarks..." >&2
./mvnw -q -B -Pbench -pl bench -am package -DskipTests
./m2mkit --version >/dev/null   # the launcher's own preparation (class-data-sharing archive), once per build

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
broker=$(free_port)
data=$(mktemp -d -t m2mkit-classroom-XXXXXX)
mkdir -p target
log=target/classroom-kit.log
./m2mkit serve --bind 127.0.0.1 --port "$port" --broker-port "$broker" --data "$data" >"$log" 2>&1 &
pid=$!
stop() {
  kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT

for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "classroom: the kit exited; its log:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done
echo "kit up on port $port (pid $pid, broker port $broker, data $data)" >&2

java ${BENCH_JAVA_OPTS:--Xmx512m} -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  -cp "bench/target/m2mkit-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  org.m2mkit.bench.classroom.ClassroomBench --url "http://127.0.0.1:$port/" --pid "$pid" --sources . "$@"
