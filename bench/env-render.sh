#!/usr/bin/env bash
# Times env-render (the runnable jar) against GNU envsubst rendering the same 200-line template
# with 100 variables, whole process, in the same run, next to the JVM start-up floor.
#
#   bench/env-render.sh            # RUNS=10 by default; RUNS=20 bench/env-render.sh for more
#   BENCH_LOOP=1 bench/env-render.sh   # time with a bash loop even when hyperfine is installed
#
# Needs: java, envsubst (Debian: gettext-base). Uses hyperfine when installed, else a bash loop;
# GNU time (/usr/bin/time) for peak memory when installed. Output files go to tmpfs (/dev/shm)
# when there is one: this machine's disk makes file creation noisy.
#
# The floor: a picocli hello-world (common's test jar, HelloWorldCommand) on the same JVM with
# the same flags; and `java -jar env-render.jar --version`, which adds initkit's frame.
# The goal (issue 6): env-render within the floor plus 50 ms.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
if [ "$RUNS" -lt 5 ]; then
  echo "RUNS must be at least 5" >&2
  exit 2
fi
JAVA="${JAVA:-java}"
# Flags given to every JVM here, the tool's and the floor's alike.
read -r -a JAVA_FLAGS <<< "${JAVA_FLAGS:-}"
JAR=env-render/target/env-render.jar
HELLO_CP="common/target/common-tests.jar:$(ls env-render/target/lib/picocli-*.jar 2>/dev/null | head -1)"

command -v envsubst > /dev/null || { echo "envsubst is needed: apt-get install -y gettext-base" >&2; exit 2; }
if [ ! -f "$JAR" ] || [ ! -f common/target/common-tests.jar ]; then
  echo "building env-render (./mvnw -B -q -pl env-render -am package -DskipTests)" >&2
  ./mvnw -B -q -pl env-render -am package -DskipTests
  HELLO_CP="common/target/common-tests.jar:$(ls env-render/target/lib/picocli-*.jar | head -1)"
fi

if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  OUT="$(mktemp -d /dev/shm/env-render-bench.XXXXXX)"
else
  mkdir -p bench/out
  OUT="$(mktemp -d bench/out/env-render-bench.XXXXXX)"
fi
trap 'rm -rf "$OUT"' EXIT

# 100 variables, 200 template lines referencing them in both $VAR and ${VAR} forms.
for i in $(seq -w 0 99); do
  export "BENCH_VAR_$i=value-$i-$(printf '%s' "$i" | sha256sum | cut -c1-24)"
done
TEMPLATE="$OUT/app.conf.tmpl"
for line in $(seq 0 199); do
  a=$(printf '%02d' $((line % 100)))
  b=$(printf '%02d' $(((line * 37 + 11) % 100)))
  printf 'setting_%03d = ${BENCH_VAR_%s} # from $BENCH_VAR_%s and more text\n' "$line" "$a" "$b"
done > "$TEMPLATE"

ER_OUT="$OUT/env-render.conf"
ES_OUT="$OUT/envsubst.conf"
declare -a NAMES=(
  "floor: picocli hello-world"
  "floor: env-render --version"
  "env-render"
  "envsubst"
)
declare -a CMDS=(
  "$JAVA ${JAVA_FLAGS[*]} -cp $HELLO_CP dev.initkit.common.sample.HelloWorldCommand"
  "$JAVA ${JAVA_FLAGS[*]} -jar $JAR --version"
  "$JAVA ${JAVA_FLAGS[*]} -jar $JAR -q --env-prefix BENCH_VAR_ --template $TEMPLATE:$ER_OUT"
  "envsubst < $TEMPLATE > $ES_OUT"
)
# Each run renders anew: an unchanged output would otherwise be left alone (and be faster).
PREPARE="rm -f $ER_OUT $ES_OUT"

# Same output from both, or the comparison means nothing.
eval "$PREPARE"
eval "${CMDS[2]}"
eval "${CMDS[3]}"
if ! cmp -s "$ER_OUT" "$ES_OUT"; then
  echo "env-render and envsubst rendered different text:" >&2
  diff "$ER_OUT" "$ES_OUT" | head >&2
  exit 1
fi

declare -a MEDIAN MIN MAX RSS CPU
if [ "${BENCH_LOOP:-0}" != 1 ] && command -v hyperfine > /dev/null; then
  TOOL="hyperfine $(hyperfine --version | cut -d' ' -f2)"
  args=()
  for i in "${!CMDS[@]}"; do
    args+=(-n "${NAMES[$i]}" "${CMDS[$i]}")
  done
  hyperfine --style none --warmup 2 --runs "$RUNS" --prepare "$PREPARE" \
    --export-json "$OUT/hyperfine.json" "${args[@]}" > /dev/null
  for i in "${!CMDS[@]}"; do
    read -r MEDIAN[i] MIN[i] MAX[i] CPU[i] < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]
print("%.1f %.1f %.1f %.1f" % (r["median"] * 1000, r["min"] * 1000, r["max"] * 1000,
                               (r["user"] + r["system"]) * 1000))' \
      "$OUT/hyperfine.json" "$i")
  done
else
  TOOL="bash loop"
  # Alternate the commands run by run, so drift on a shared machine hits each alike.
  declare -A TIMES
  for w in 1 2; do for i in "${!CMDS[@]}"; do eval "$PREPARE"; eval "${CMDS[$i]}" > /dev/null; done; done
  for r in $(seq "$RUNS"); do
    for i in "${!CMDS[@]}"; do
      eval "$PREPARE"
      start=$(date +%s%N)
      eval "${CMDS[$i]}" > /dev/null
      end=$(date +%s%N)
      TIMES[$i]+="$(((end - start) / 1000)) "
    done
  done
  for i in "${!CMDS[@]}"; do
    sorted=($(printf '%s\n' ${TIMES[$i]} | sort -n))
    n=${#sorted[@]}
    if ((n % 2)); then med=${sorted[n / 2]}; else med=$(((sorted[n / 2 - 1] + sorted[n / 2]) / 2)); fi
    MEDIAN[i]=$(awk "BEGIN{printf \"%.1f\", $med/1000}")
    MIN[i]=$(awk "BEGIN{printf \"%.1f\", ${sorted[0]}/1000}")
    MAX[i]=$(awk "BEGIN{printf \"%.1f\", ${sorted[n - 1]}/1000}")
    CPU[i]="-"
  done
fi

for i in "${!CMDS[@]}"; do
  RSS[i]="-"
  if [ -x /usr/bin/time ]; then
    eval "$PREPARE"
    RSS[i]=$( { /usr/bin/time -f '%M' bash -c "${CMDS[$i]} > /dev/null" 2>&1 1> /dev/null; } | tail -1)
    RSS[i]="$((RSS[i] / 1024)) MiB"
  fi
done

echo "env-render vs GNU envsubst: 200-line template, 100 variables; $RUNS runs each ($TOOL)"
echo "java: $("$JAVA" -version 2>&1 | head -1); flags: ${JAVA_FLAGS[*]:-(none)}; output on $(dirname "$OUT")"
printf '%-30s %12s %20s %14s %10s\n' "command" "median ms" "min-max ms" "CPU ms (mean)" "peak RSS"
for i in "${!CMDS[@]}"; do
  printf '%-30s %12s %20s %14s %10s\n' "${NAMES[$i]}" "${MEDIAN[$i]}" "${MIN[$i]}-${MAX[$i]}" \
    "${CPU[$i]}" "${RSS[$i]}"
done
if [ "$TOOL" != "bash loop" ]; then
  echo "(hyperfine subtracts its shell's start-up, so envsubst's figure is near zero; CPU is user+system)"
fi
over=$(awk "BEGIN{printf \"%.1f\", ${MEDIAN[2]} - ${MEDIAN[0]}}")
over_version=$(awk "BEGIN{printf \"%.1f\", ${MEDIAN[2]} - ${MEDIAN[1]}}")
verdict=$(awk "BEGIN{print ($over <= 50) ? \"within\" : \"NOT within\"}")
echo "env-render is $over ms over the hello-world floor ($over_version ms over its own --version):" \
  "$verdict the goal of floor + 50 ms"
