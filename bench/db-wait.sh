#!/usr/bin/env bash
# db-wait against pg_isready on a local PostgreSQL, in the same run:
#
#  1. whole process on a ready database (password login with SCRAM): db-wait (the runnable jar)
#     next to pg_isready from the server's own bin directory, the start-up floor (a picocli
#     hello-world on the same runtime and flags) and `java -version`; the commands take turns,
#     round after round (the machine's noise falls on all alike); median and min-max wall time,
#     median CPU time (user+sys), peak RSS; the JVM rows again with an AppCDS archive made by one
#     training run (what an image can ship);
#  2. how soon db-wait exits after the server starts accepting connections, with default
#     settings: db-wait is started first, then the server; the delay is db-wait's exit time
#     minus the time of the server's "ready to accept connections" log line.
#
#   bash bench/db-wait.sh
#   RUNS=20 DELAY_RUNS=10 PG_BIN=/usr/lib/postgresql/15/bin bash bench/db-wait.sh
#   JAVA_FLAGS="" bash bench/db-wait.sh          # default JVM flags instead of the tuned ones
#
# Needs: a JDK 17+, python3, PostgreSQL server binaries (Debian: apt-get install postgresql; as
# root they run as the postgres user).
# The data directory goes on tmpfs (/dev/shm) when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-10}
delay_runs=${DELAY_RUNS:-7}
flags=${JAVA_FLAGS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
out=bench/out
mkdir -p "$out"

command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }
[[ -x "$pg_bin/pg_ctl" ]] || { echo "needs PostgreSQL server binaries; set PG_BIN" >&2; exit 2; }

# The tool's jar, and the hello-world floor from common's tests.
skip_checks=(-DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true -Denforcer.skip=true)
./mvnw -B -q -pl db-wait -am package "${skip_checks[@]}" >&2
# With the picocli module, whose jar the class path names (common's build-classpath is written last).
./mvnw -B -q -pl picocli,common package dependency:build-classpath "${skip_checks[@]}" \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$out/common.classpath" >&2
picocli=$(tr ':' '\n' <"$out/common.classpath" | grep -E '/picocli[^/]*\.jar$' | head -1)
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

# The training runs for the AppCDS rows (what an image can ship): one run each.
# shellcheck disable=SC2086
"$java_bin" $flags -XX:ArchiveClassesAtExit="$work/hello.jsa" -cp "$hello_cp" \
  dev.initkit.common.sample.HelloWorldCommand >/dev/null 2>&1 || true
# shellcheck disable=SC2086
"$java_bin" $flags -XX:ArchiveClassesAtExit="$work/db-wait.jsa" -jar "$jar" "$url" --user app \
  --password-file "$work/password" --quiet >/dev/null 2>&1 || true

echo "== whole process on a ready PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}'), SCRAM login, SELECT 1)"
# Every command once per round, in turn, so that the machine's noise falls on all of them alike.
# CPU time (user+sys) is steadier than wall time on a shared machine.
read -r -a jflags <<<"$flags"
commands=$(python3 - "$java_bin" "$hello_cp" "$jar" "$url" "$work" "$pg_bin" "$port" "$password" "${jflags[@]}" <<'PY'
import json, shutil, sys
java, hello_cp, jar, url, work, pg_bin, port, password, *flags = sys.argv[1:]
db_wait = [url, "--user", "app", "--password-file", work + "/password", "--quiet"]
hello = ["-cp", hello_cp, "dev.initkit.common.sample.HelloWorldCommand"]
rows = [
    ["java -version", [java, *flags, "-version"]],
    ["floor: picocli hello-world", [java, *flags, *hello]],
    ["db-wait (jar)", [java, *flags, "-jar", jar, *db_wait]],
    ["floor + AppCDS", [java, *flags, "-XX:SharedArchiveFile=" + work + "/hello.jsa", *hello]],
    ["db-wait (jar) + AppCDS",
     [java, *flags, "-XX:SharedArchiveFile=" + work + "/db-wait.jsa", "-jar", jar, *db_wait]],
    ["pg_isready (server's bin)",
     [pg_bin + "/pg_isready", "-q", "-h", "127.0.0.1", "-p", port, "-d", "app", "-U", "app"]],
]
if shutil.which("wait4x"):
    rows.append(["wait4x postgresql", ["wait4x", "postgresql",
                 f"postgres://app:{password}@127.0.0.1:{port}/app?sslmode=disable"]])
print(json.dumps(rows))
PY
)
python3 - "$runs" "$commands" <<'PY'
import json, os, statistics, subprocess, sys, time
runs, rows = int(sys.argv[1]), json.loads(sys.argv[2])
wall = {label: [] for label, _ in rows}
cpu = {label: [] for label, _ in rows}
peak = {label: 0 for label, _ in rows}
for round_ in range(runs + 2):  # two warm-up rounds
    for label, argv in rows:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{label}: exit {os.waitstatus_to_exitcode(status)}")
        if round_ >= 2:
            wall[label].append(elapsed * 1000)
            cpu[label].append((usage.ru_utime + usage.ru_stime) * 1000)
            peak[label] = max(peak[label], usage.ru_maxrss)
print(f"{'command':<30} {'median ms':>10} {'min-max ms':>13} {'cpu ms':>7} {'peak MiB':>9}")
for label, _ in rows:
    w = sorted(wall[label])
    print(f"{label:<30} {statistics.median(w):10.0f} {w[0]:6.0f}-{w[-1]:<6.0f} "
          f"{statistics.median(cpu[label]):7.0f} {peak[label] / 1024:9.1f}")
PY

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
echo "($runs rounds after 2 warm-up rounds; whole process; JVM flags: ${flags:-none}; data on $base; $(nproc) cores; $(date -u +%F))"
