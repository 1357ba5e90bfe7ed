#!/usr/bin/env bash
# db-wait against pg_isready on a local PostgreSQL, in the same run:
#
#  1. whole process on a ready database (password login with SCRAM): db-wait (the runnable jar)
#     next to pg_isready from the server's own bin directory, the start-up floor (a picocli
#     hello-world on the same runtime and flags) and `java -version`; median and min-max of
#     several runs (hyperfine), peak RSS (GNU time); the JVM rows again with an AppCDS archive
#     made by one training run (what an image can ship);
#  2. how soon db-wait exits after the server starts accepting connections, with default
#     settings: db-wait is started first, then the server; the delay is db-wait's exit time
#     minus the time of the server's "ready to accept connections" log line.
#
#   bash bench/db-wait.sh
#   RUNS=20 DELAY_RUNS=10 PG_BIN=/usr/lib/postgresql/15/bin bash bench/db-wait.sh
#   JAVA_FLAGS="" bash bench/db-wait.sh          # default JVM flags instead of the tuned ones
#
# Needs: a JDK 17+, hyperfine and GNU time (bash scripts/setup.sh --bench), PostgreSQL server
# binaries (Debian: apt-get install postgresql; as root they run as the postgres user).
# The data directory goes on tmpfs (/dev/shm) when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-10}
delay_runs=${DELAY_RUNS:-7}
flags=${JAVA_FLAGS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
out=bench/out
mkdir -p "$out"

command -v hyperfine >/dev/null || { echo "needs hyperfine: bash scripts/setup.sh --bench" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: bash scripts/setup.sh --bench" >&2; exit 2; }
[[ -x "$pg_bin/pg_ctl" ]] || { echo "needs PostgreSQL server binaries; set PG_BIN" >&2; exit 2; }

# The tool's jar, and the hello-world floor from common's tests.
skip_checks=(-DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true -Denforcer.skip=true)
./mvnw -B -q -pl db-wait -am package "${skip_checks[@]}" >&2
./mvnw -B -q -pl common test-compile dependency:build-classpath "${skip_checks[@]}" \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$out/common.classpath" >&2
picocli=$(tr ':' '\n' <"$out/common.classpath" | grep '/picocli-' | head -1)
jar=db-wait/target/db-wait.jar

# A PostgreSQL cluster of our own, on a free port, run as the postgres user when we are root.
as_pg=()
if [[ $(id -u) == 0 ]]; then as_pg=(runuser -u postgres --); fi
base=$( [[ -d /dev/shm ]] && echo /dev/shm || echo "${TMPDIR:-/tmp}" )
work=$(mktemp -d "$base/db-wait-bench.XXXXXX")
chmod 755 "$work"
data=$work/data
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=bench-Pa55-$RANDOM
printf '%s\n' "$password" >"$work/password"
chmod 644 "$work/password"
[[ ${#as_pg[@]} -gt 0 ]] && chown postgres "$work"

# The hello-world in a jar of its own: CDS archives classes from jars only.
jar_bin=$(dirname "$(readlink -f "$(command -v java)")")/jar
"$jar_bin" cf "$work/hello.jar" -C common/target/test-classes dev/initkit/common/sample/HelloWorldCommand.class
hello_cp="$work/hello.jar:$picocli"

pg_ctl() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$data" "$@"; }
cleanup() { pg_ctl stop -m immediate >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$data" -U postgres -A trust --no-sync >/dev/null
cat >>"$data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
log_line_prefix = '%m '
password_encryption = 'scram-sha-256'
fsync = off
CONF
cat >"$data/pg_hba.conf" <<HBA
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
pg_ctl -w -l "$work/server.log" start >/dev/null
"${as_pg[@]}" "$pg_bin/psql" -q -h "$work" -p "$port" -U postgres -d postgres \
  -c "CREATE ROLE app LOGIN PASSWORD '$password'" -c "CREATE DATABASE app OWNER app"

url="jdbc:postgresql://127.0.0.1:$port/app"
java_bin=$(command -v java)

echo "== whole process on a ready PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}'), SCRAM login, SELECT 1)"
printf '%-34s %10s %15s %9s\n' command "median ms" "min-max ms" "peak MiB"
row() {
  local label=$1; shift
  hyperfine --style none --warmup 2 --runs "$runs" --export-json "$out/db-wait.json" \
    -- "$*" >/dev/null 2>&1
  read -r median min max < <(python3 - "$out/db-wait.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(round(r["median"] * 1000), round(r["min"] * 1000), round(r["max"] * 1000))
PY
)
  local peak_kib
  peak_kib=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)
  printf '%-34s %10s %15s %9.1f\n' "$label" "$median" "$min-$max" "$(echo "$peak_kib / 1024" | bc -l)"
}
# shellcheck disable=SC2086 # the JVM flags are words
row "java -version" "$java_bin" $flags -version
# shellcheck disable=SC2086
row "floor: picocli hello-world" "$java_bin" $flags -cp "$hello_cp" dev.initkit.common.sample.HelloWorldCommand
# shellcheck disable=SC2086
row "db-wait (jar)" "$java_bin" $flags -jar "$jar" "$url" --user app --password-file "$work/password" --quiet
# The same with an AppCDS archive made by one training run each (what an image can ship).
# shellcheck disable=SC2086
"$java_bin" $flags -XX:ArchiveClassesAtExit="$work/hello.jsa" -cp "$hello_cp" \
  dev.initkit.common.sample.HelloWorldCommand >/dev/null 2>&1 || true
# shellcheck disable=SC2086
"$java_bin" $flags -XX:ArchiveClassesAtExit="$work/db-wait.jsa" -jar "$jar" "$url" --user app \
  --password-file "$work/password" --quiet >/dev/null 2>&1 || true
# shellcheck disable=SC2086
row "floor + AppCDS" "$java_bin" $flags -XX:SharedArchiveFile="$work/hello.jsa" -cp "$hello_cp" dev.initkit.common.sample.HelloWorldCommand
# shellcheck disable=SC2086
row "db-wait (jar) + AppCDS" "$java_bin" $flags -XX:SharedArchiveFile="$work/db-wait.jsa" -jar "$jar" "$url" --user app --password-file "$work/password" --quiet
row "pg_isready (server's bin)" "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -d app -U app
if command -v wait4x >/dev/null; then
  row "wait4x postgresql" wait4x postgresql "postgres://app:$password@127.0.0.1:$port/app?sslmode=disable"
fi

echo
echo "== delay from the server accepting connections to db-wait's exit (default settings)"
delays=()
for ((i = 1; i <= delay_runs; i++)); do
  pg_ctl -m fast -w stop >/dev/null
  : >"$work/server.log"
  # shellcheck disable=SC2086
  "$java_bin" $flags -jar "$jar" "$url" --user app --password-file "$work/password" \
    --timeout 1m 2>"$work/db-wait.log" &
  waiter=$!
  # Start the server once db-wait polls (its start-up is measured above), and a little later,
  # so that the moment falls anywhere between two polls.
  until grep -q 'attempt 1 failed' "$work/db-wait.log"; do sleep 0.05; done
  sleep "0.$((RANDOM % 10))"
  pg_ctl -l "$work/server.log" start >/dev/null
  wait "$waiter"
  exited=$(date +%s%3N)
  ready=$(grep -m1 'ready to accept connections' "$work/server.log" | awk '{print $1" "$2" "$3}')
  ready_ms=$(date -d "$ready" +%s%3N)
  delays+=($((exited - ready_ms)))
done
python3 - "${delays[@]}" <<'PY'
import statistics, sys
d = sorted(int(x) for x in sys.argv[1:])
print(f"median {statistics.median(d):.0f} ms, min-max {d[0]}-{d[-1]} ms over {len(d)} runs: {d}")
PY
echo "($runs runs each after 2 warm-ups; whole process; JVM flags: ${flags:-none}; data on $base; $(nproc) cores; $(date -u +%F))"
