#!/usr/bin/env bash
# Start-up floor: the common frame's sample command (--help, and a no-op run) next to a bare
# picocli hello-world, on each JDK found, with default JVM flags and with the flags chosen for
# short-lived CLIs. Whole process, median and min-max of several runs (hyperfine), the median
# CPU time (user+sys, mean: steadier than wall time on a busy machine), peak RSS (GNU time). Every
# tool's benchmark compares itself with these figures.
#
#   bash bench/startup.sh                  # JDKs: $JAVA_HOME or the default java, plus Temurin 25
#   RUNS=20 JDKS="/path/jdk17 /path/jdk25" bash bench/startup.sh
#
# Needs hyperfine and GNU time (bash scripts/setup.sh --bench).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-15}
out=bench/out
mkdir -p "$out"

command -v hyperfine >/dev/null || { echo "needs hyperfine: bash scripts/setup.sh --bench" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: bash scripts/setup.sh --bench" >&2; exit 2; }

if [[ -z "${JDKS:-}" ]]; then
  default_jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
  JDKS="$default_jdk $(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)"
fi

# The sample command and the hello-world live in common's tests.
./mvnw -B -q -pl common test-compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$out/common.classpath" >/dev/null
libs=$(cat "$out/common.classpath")
picocli=$(tr ':' '\n' <"$out/common.classpath" | grep '/picocli-' | head -1)
classes=common/target/classes:common/target/test-classes
sample_cp="$classes:$libs"
hello_cp="common/target/test-classes:$picocli"

declare -A flag_sets=(
  [default]=""
  [tuned]="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
)

printf '%-6s %-8s %-20s %10s %13s %10s %9s\n' jdk flags command "median ms" "min-max ms" "cpu ms" "peak MiB"
for jdk in $JDKS; do
  java="$jdk/bin/java"
  [[ -x "$java" ]] || continue
  version=$("$java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')
  for flags_name in default tuned; do
    flags=${flag_sets[$flags_name]}
    while IFS='|' read -r label cp main args; do
      cmd="$java $flags -cp $cp $main $args"
      hyperfine --style none --warmup 2 --runs "$runs" --export-json "$out/startup.json" \
        "$cmd" >/dev/null 2>&1
      read -r median min max cpu < <(python3 - "$out/startup.json" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
cpu = statistics.median(u + s for u, s in zip(r["user"], r["system"])) if "user" in r and isinstance(r["user"], list) else r["user"] + r["system"]
print(round(r["median"] * 1000), round(r["min"] * 1000), round(r["max"] * 1000), round(cpu * 1000))
PY
)
      peak_kib=$(/usr/bin/time -f %M $cmd 2>&1 >/dev/null | tail -1)
      printf '%-6s %-8s %-20s %10s %13s %10s %9.1f\n' "$version" "$flags_name" "$label" \
        "$median" "$min-$max" "$cpu" "$(echo "$peak_kib / 1024" | bc -l)"
    done <<ROWS
hello-world --help|$hello_cp|dev.initkit.common.sample.HelloWorldCommand|--help
hello-world run|$hello_cp|dev.initkit.common.sample.HelloWorldCommand|
sample --help|$sample_cp|dev.initkit.common.sample.SampleCommand|--help
sample no-op|$sample_cp|dev.initkit.common.sample.SampleCommand|--quiet
ROWS
  done
done
echo "($runs runs each after 2 warm-ups; whole process; $(nproc) cores; $(date -u +%F))"
