#!/usr/bin/env bash
# Makes the class-data archive of a runnable jar, <tool>/target/<tool>.jsa beside <tool>.jar, with
# the JVM that runs the build (JDK 17 in CI): a training run of `java -jar` with the tool's training
# arguments (image-base/training/<tool>.args, the ones its image is trained with), making the KIND
# of archive its image gets (scripts/lib/class-archive.sh). Use it with
#
#   java -XX:SharedArchiveFile=<tool>/target/<tool>.jsa -Xlog:cds*=off -jar <tool>/target/<tool>.jar …
#
# It serves that JVM binary and those jar files (sizes and mtimes) only: the next build makes it
# again. Another JVM cannot use it (and then runs with no class sharing at all: use it only with
# the JDK that made it).
#
#   bash scripts/make-jar-class-archive.sh JAVA JAR TRAINING_ARGS_FILE OUT.jsa [KIND]
set -euo pipefail
source "$(dirname "$0")/lib/class-archive.sh"

java=${1:?usage: make-jar-class-archive.sh JAVA JAR TRAINING_ARGS_FILE OUT.jsa [KIND]}
[[ "$java" != */* ]] || java=$(realpath "$java") # the training runs in a directory of its own
jar=$(realpath "${2:?jar}")
training=$(realpath "${3:?training arguments file}")
out=$(realpath -m "${4:?archive}")
archive_option=$(class_archive_option "$java" "${5:-dynamic}" "$out")

[[ -f "$jar" ]] || { echo "make-jar-class-archive: no $jar" >&2; exit 2; }
# {training} in an argument stands for the arguments file's directory (a repository to clone).
mapfile -t args < <(grep -v '^[[:space:]]*$' "$training" | sed "s|{training}|$(dirname "$training")|g")
# The training's relative paths (a --dest) land in a directory of its own, removed afterwards;
# a clean environment keeps the build's own variables from steering the tool.
work="$out.training"
rm -rf "$work" "$out"
mkdir -p "$work"
(cd "$work" && env -i LANG=C.UTF-8 HOME="$work" "$java" "$archive_option" \
  -jar "$jar" "${args[@]}" || true) >"$work/training.log" 2>&1
# Best effort: the jar runs as well without it. (JDK 17.0.15 crashed while dumping git-fetch's
# classes when JGit's jar was still signed, on a lambda whose interface came from it; the build now
# takes the signatures out, see scripts/StripJarSignatures.java.)
if [[ ! -s "$out" ]]; then
  echo "make-jar-class-archive: WARNING: the training run wrote no archive; $jar goes without one" \
    "(the run's output: $work/training.log)" >&2
  rm -f "$out"
  exit 0
fi
rm -rf "$work"
echo "jar class archive: $out ($(du -h "$out" | cut -f1), $("$java" -version 2>&1 | head -1))"
