#!/usr/bin/env bash
# Measures how the kit starts as a teacher starts it: wall time from `./m2mkit serve` (the launcher, with the built
# jar) to the first HTTP 200 on /, and the resident memory (RSS) of the idle process 10 s after the start.
# Repeats RUNS times (default 5) on a fresh data directory each time (a kit's first start), then RUNS times on one
# kept data directory (every later start), and prints each run plus the medians.
#   ./m2mkit --version && bench/startup.sh [RUNS]              (the first command builds and prepares the jar)
#   M2MKIT_CDS=off bench/startup.sh                           (without the class-data-sharing archive)
#   M2MKIT_JAVA_OPTS="..." bench/startup.sh                   (extra JVM options)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"
jar=web/target/m2mkit.jar
[ -f "$jar" ] || { echo "startup: $jar is missing; build it first: ./m2mkit --version" >&2; exit 1; }
command -v curl >/dev/null || { echo "startup: needs curl" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

java -version 2>&1 | head -1
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); runs: $runs; CDS: ${M2MKIT_CDS:-on}; JVM options: ${M2MKIT_JAVA_OPTS:-none}"
# one start: prints "<ms to the first 200> <idle RSS MiB>"
start_once() {
  local data=$1 port pid t0 t1 r
  port=$(free_port)
  t0=$(date +%s%N)
  ./m2mkit serve --bind 127.0.0.1 --port "$port" --broker-port 0 --data "$data" >"$data.out.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "startup: the kit exited; log:" >&2; cat "$data.out.log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  sleep "${IDLE_SECONDS:-10}"
  r=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$data.out.log"
  echo "$(( (t1 - t0) / 1000000 )) $r"
}

# first starts: a fresh data directory each time (database created, question banks imported)
times=(); rss=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  read -r ms r < <(start_once "$data")
  rm -rf "$data"
  echo "first start, run $i: first 200 on / after ${ms} ms; idle RSS ${r} MiB"
  times+=("$ms"); rss+=("$r")
done
# restarts: the same data directory again, as every start after a kit's first
kept=$(mktemp -d)
start_once "$kept" >/dev/null
again=()
for i in $(seq 1 "$runs"); do
  read -r ms r < <(start_once "$kept")
  echo "restart, run $i: first 200 on / after ${ms} ms; idle RSS ${r} MiB"
  again+=("$ms")
done
rm -rf "$kept"
echo "median: first start $(printf '%s\n' "${times[@]}" | median) ms (idle RSS $(printf '%s\n' "${rss[@]}" | median) MiB); restart $(printf '%s\n' "${again[@]}" | median) ms"
