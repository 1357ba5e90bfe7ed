#!/usr/bin/env bash
# Start-up floor: the common frame's sample command (--help, and a no-op run) next to a bare
# picocli hello-world, on each JDK found, with default JVM flags, with the flags chosen for
# short-lived CLIs, and with those flags plus an AppCDS archive of the command's own classes (made
# here by a training run of the same command on the same JDK, as the images and the runnable jars
# get theirs at build time; the flags are printed below the table). Whole process, the three
# flag sets of a row alternating run by run; median and min-max wall time, median CPU time
# (user+sys: steadier than wall time on a busy machine) and median peak RSS. Every tool's
# benchmark compares itself with these figures.
#
#   bash bench/startup.sh                  # JDKs: $JAVA_HOME or the default java, plus Temurin 25
#   RUNS=20 JDKS="/path/jdk17 /path/jdk25" bash bench/startup.sh
#
# Needs python3 (bash scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-15}
out=bench/out
mkdir -p "$out"

command -v python3 >/dev/null || { echo "needs python3: bash scripts/setup.sh" >&2; exit 2; }

if [[ -z "${JDKS:-}" ]]; then
  default_jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
  JDKS="$default_jdk $(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)"
fi

# The sample command and the hello-world live in common's tests.
# package, not test-compile: the class path must name picocli's jar (the picocli module's), since a
# class-data archive takes classes from jars only; common's build-classpath is written last.
./mvnw -B -q -pl picocli,common package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$out/common.classpath" >/dev/null
libs=$(cat "$out/common.classpath")
picocli=$(tr ':' '\n' <"$out/common.classpath" | grep -E '/picocli[^/]*\.jar$' | head -1)
# In jars, as the tools run: a class-data archive takes classes from jars only.
jar_bin=$(dirname "$(readlink -f "$(command -v java)")")/jar
[[ -x "$jar_bin" ]] || jar_bin=$(ls /usr/lib/jvm/*/bin/jar | head -1)
"$jar_bin" cf "$out/sample.jar" -C common/target/classes . -C common/target/test-classes dev/initkit/common/sample
"$jar_bin" cf "$out/hello.jar" -C common/target/test-classes dev/initkit/common/sample/HelloWorldCommand.class
sample_cp="$out/sample.jar:$libs"
hello_cp="$out/hello.jar:$picocli"

tuned="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
declare -A flag_sets=(
  [default]=""
  [tuned]="$tuned"
  # ARCHIVE: the row's own archive, made just before it is timed.
  [tuned+cds]="$tuned -XX:SharedArchiveFile=ARCHIVE -Xlog:cds*=off"
)

# Runs the commands of one row in alternation (round after round, so a change in the machine's
# load hits them alike), after 2 warm-ups each; prints per command: median and min-max wall ms,
# median CPU ms (user+sys), median peak RSS MiB.
alternate() {
  python3 - "$runs" "$@" <<'PY'
import os, shlex, statistics, subprocess, sys, time
runs, commands = int(sys.argv[1]), sys.argv[2:]
def once(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(shlex.split(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss
samples = {c: [] for c in commands}
for _ in range(2):
    for c in commands: once(c)
for _ in range(runs):
    for c in commands: samples[c].append(once(c))
for c in commands:
    wall = [s[0] * 1000 for s in samples[c]]
    cpu = statistics.median(s[1] for s in samples[c]) * 1000
    peak = statistics.median(s[2] for s in samples[c]) / 1024
    print(f"{statistics.median(wall):.0f} {min(wall):.0f}-{max(wall):.0f} {cpu:.0f} {peak:.1f}")
PY
}

# label|class path|main class|arguments|archive for tuned+cds (empty: made here for the row).
# The tools' runnable jars, when built, run with the archive the build made beside them.
rows() {
  cat <<ROWS
hello-world --help|$hello_cp|dev.initkit.common.sample.HelloWorldCommand|--help|
hello-world run|$hello_cp|dev.initkit.common.sample.HelloWorldCommand||
sample --help|$sample_cp|dev.initkit.common.sample.SampleCommand|--help|
sample no-op|$sample_cp|dev.initkit.common.sample.SampleCommand|--quiet|
ROWS
  for jar in */target/*.jar; do
    local tool=${jar%%/*} main
    [[ -f $tool/target/$tool.jsa && $jar == "$tool/target/$tool.jar" ]] || continue
    main=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Main-Class: //p')
    echo "$tool --version (jar)|$jar|$main|--version|$tool/target/$tool.jsa"
  done
}

variants=(default tuned tuned+cds)
printf '%-6s %-9s %-26s %10s %13s %10s %9s\n' jdk flags command "median ms" "min-max ms" "cpu ms" "peak MiB"
for jdk in $JDKS; do
  java="$jdk/bin/java"
  [[ -x "$java" ]] || continue
  version=$("$java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')
  while IFS='|' read -r label cp main args archive; do
    commands=()
    for flags_name in "${variants[@]}"; do
      flags=${flag_sets[$flags_name]}
      if [[ $flags == *ARCHIVE* ]]; then
        if [[ -z $archive ]]; then
          archive="$out/$version-${label// /-}.jsa"
          rm -f "$archive"
          "$java" $tuned -XX:ArchiveClassesAtExit="$archive" -cp "$cp" $main $args >/dev/null 2>&1 || true
        elif ! "$java" -Xshare:on -XX:SharedArchiveFile="$archive" -cp "$cp" $main --version >/dev/null 2>&1; then
          printf '%-6s %-9s %-26s %10s\n' "$version" "$flags_name" "$label" "(its build-time archive is not for this JDK)"
          continue
        fi
        flags=${flags//ARCHIVE/$archive}
      fi
      commands+=("$java $flags -cp $cp $main $args")
    done
    n=0
    while read -r median range cpu peak; do
      printf '%-6s %-9s %-26s %10s %13s %10s %9s\n' "$version" "${variants[$n]}" "$label" \
        "$median" "$range" "$cpu" "$peak"
      n=$((n + 1))
    done < <(alternate "${commands[@]}")
  done < <(rows)
done
for flags_name in default tuned tuned+cds; do
  echo "$flags_name: ${flag_sets[$flags_name]:-(none)}"
done
echo "($runs runs each, the row's commands alternating, after 2 warm-ups; whole process; $(nproc) cores; $(date -u +%F))"
