#!/usr/bin/env bash
# Makes the images' Java runtime with jlink: only the JDK modules the tools use, with the
# default CDS archive (class loading from it cuts start-up time), without debug symbols, headers
# or man pages. jlink's output is the same for the same JDK and modules, so the runtime layer is
# byte-identical in all four images and a node pulls it once.
#
#   bash scripts/make-java-runtime.sh JDK_HOME MODULES OUT_DIR
#   (MODULES comma-separated; the JDK may be one without jmods that links from its run-time image,
#   such as Temurin 25)
set -euo pipefail

jdk=${1:?usage: make-java-runtime.sh JDK_HOME MODULES OUT_DIR}
modules=${2:?modules}
out=${3:?out dir}

if [[ ! -x "$jdk/bin/jlink" ]]; then
  echo "make-java-runtime: no jlink in $jdk: set -Dimage.jdk=/path/to/a/JDK (Temurin 25 or any JDK 17+)" >&2
  exit 1
fi
stamp="$out.stamp"
wanted="$("$jdk/bin/java" -version 2>&1 | head -2 | tr '\n' ' ') $modules"
if [[ -d "$out" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "java runtime: $out is up to date"
  exit 0
fi
rm -rf "$out" "$stamp"
"$jdk/bin/jlink" --add-modules "$modules" --output "$out" --strip-debug --no-header-files \
  --no-man-pages --generate-cds-archive
# The compressed-oops-off archive serves heaps over 32 GiB only; an init container never has one.
rm -f "$out/lib/server/classes_nocoops.jsa"
printf '%s' "$wanted" >"$stamp"
echo "java runtime: $out ($(du -sh "$out" | cut -f1), modules $modules)"
