#!/usr/bin/env bash
# Measures how the packaged kit starts: wall time from launching `java -jar web/target/m2mkit.jar serve` to the
# first HTTP 200 on /, and the resident memory (RSS) of the idle process after the start. Repeats RUNS times
# (default 5) on a fresh data directory each time and prints each run plus the median.
#   ./mvnw -B -q -Dmaven.test.skip=true package && bench/startup.sh [RUNS]
# Extra JVM options: M2MKIT_JAVA_OPTS="..." bench/startup.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"
jar=web/target/m2mkit.jar
[ -f "$jar" ] || { echo "startup: $jar is missing; build it first: ./mvnw -B -q -Dmaven.test.skip=true package" >&2; exit 1; }
command -v curl >/dev/null || { echo "startup: needs curl" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

java -version 2>&1 | head -1
echo "cores: $(nproc); runs: $runs; JVM options: ${M2MKIT_JAVA_OPTS:-none}"
times=(); rss=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d); port=$(free_port)
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${M2MKIT_JAVA_OPTS:-} -jar "$jar" serve --bind 127.0.0.1 --port "$port" --broker-port 0 --data "$data" \
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
