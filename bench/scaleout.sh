#!/usr/bin/env bash
# Two kits and two grader workers on one PostgreSQL and one Mosquitto, all on this machine, in one command: builds
# the kit and the benchmarks, starts a throw-away PostgreSQL cluster (Debian package postgresql) and Mosquitto
# (package mosquitto) on free ports, two kits (`serve --grading-queue database --grading-slots 0`: web nodes only)
# and two `worker --slots 1` processes, then runs ScaleOutBench: 500 students each submit the reference gateway,
# spread over both kits, as fast as the kits accept them. Everything is stopped and removed at the end; the logs
# stay in target/scaleout-*.log.
#   bench/scaleout.sh                        (500 submissions)
#   bench/scaleout.sh --submissions 20       (a smoke test)
# Every argument goes to ScaleOutBench (--submissions, --senders).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v curl >/dev/null || { echo "scaleout: needs curl" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "scaleout: needs PostgreSQL 15 or newer (apt-get install postgresql)" >&2; exit 1; }
[ -x /usr/sbin/mosquitto ] || { echo "scaleout: needs Mosquitto (apt-get install mosquitto)" >&2; exit 1; }

echo "building the kit and the benchmarks..." >&2
./mvnw -q -B -Pbench -pl bench -am package -DskipTests
jar=web/target/m2mkit.jar

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d -t m2mkit-scaleout-XXXXXX)
chmod 711 "$work"
mkdir -p target "$work/pg"
pids=()
as_pg=()
if [ "$(id -u)" = 0 ]; then   # PostgreSQL refuses to run as root
  chown postgres "$work/pg"
  as_pg=(runuser -u postgres --)
fi
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

password="scaleout-$(date +%s)"
echo "$password" > "$work/pg/password"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg/password"
pg_port=$(free_port)
"${as_pg[@]}" "$pgbin/initdb" -D "$work/pg/data" -U m2mkit --pwfile="$work/pg/password" --auth-local=trust \
  --auth-host=scram-sha-256 -E UTF8 --no-locale >target/scaleout-postgres.log 2>&1
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-p $pg_port -k $work/pg \
  -c listen_addresses=127.0.0.1 -c max_connections=200" start >>target/scaleout-postgres.log
PGPASSWORD="$password" "$pgbin/psql" -q -h 127.0.0.1 -p "$pg_port" -U m2mkit -d postgres -c "CREATE DATABASE m2mkit"
db_url="jdbc:postgresql://127.0.0.1:$pg_port/m2mkit"

mqtt_port=$(free_port)
printf 'persistence false\nuser %s\nlistener %s 127.0.0.1\nallow_anonymous true\n' "$(id -un)" "$mqtt_port" \
  > "$work/mosquitto.conf"
/usr/sbin/mosquitto -c "$work/mosquitto.conf" >target/scaleout-mosquitto.log 2>&1 &
pids+=($!)

export M2MKIT_DB_PASSWORD="$password"
kits=()
for n in 1 2; do
  port=$(free_port)
  java -jar "$jar" serve --bind 127.0.0.1 --port "$port" --data "$work/kit$n" --db-url "$db_url" --db-user m2mkit \
    --broker "tcp://127.0.0.1:$mqtt_port" --grading-queue database --grading-slots 0 \
    >"target/scaleout-kit$n.log" 2>&1 &
  pids+=($!)
  kits+=("http://127.0.0.1:$port/")
done
for n in 1 2; do
  java -jar "$jar" worker --db-url "$db_url" --db-user m2mkit --slots 1 --data "$work/worker$n" \
    >"target/scaleout-worker$n.log" 2>&1 &
  pids+=($!)
done
for url in "${kits[@]}"; do
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "${url}health" || true)" = 200 ] && break
    sleep 0.1
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "${url}health" || true)" = 200 ] \
    || { echo "scaleout: the kit at $url did not start; see target/scaleout-kit*.log" >&2; exit 1; }
done
echo "kits ${kits[*]}, PostgreSQL port $pg_port, Mosquitto port $mqtt_port, 2 workers" >&2

java ${BENCH_JAVA_OPTS:--Xmx512m} -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  -cp "bench/target/m2mkit-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  org.m2mkit.bench.classroom.ScaleOutBench --kits "$(IFS=,; echo "${kits[*]}")" --db-url "$db_url" \
  --db-user m2mkit --db-password "$password" --sources . "$@"
