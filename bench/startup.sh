#!/usr/bin/env bash
# Measures how the kit starts as a teacher starts it: wall time from `./m2mkit serve` (the launcher, with the built
# jar) to the first HTTP 200 on /, and the resident memory (RSS) of the idle process 10 s after the start.
# Repeats RUNS times (default 5) on a fresh data directory each time and prints each run plus the median.
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
times=(); rss=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d); port=$(free_port)
  t0=$(date +%s%N)
  ./m2mkit serve --bind 127.0.0.1 --port "$port" --broker-port 0 --data "$data" \
    >"$data/out.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "startup: the kit exited; log:" >&2; cat "$data/out.log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  sleep "${IDLE_SECONDS:-10}"
  r=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  ms=$(( (t1 - t0) / 1000000 ))
  echo "run $i: first 200 on / after ${ms} ms; idle RSS ${r} MiB"
  times+=("$ms"); rss+=("$r")
done
echo "median: first 200 after $(printf '%s\n' "${times[@]}" | median) ms; idle RSS $(printf '%s\n' "${rss[@]}" | median) MiB"
