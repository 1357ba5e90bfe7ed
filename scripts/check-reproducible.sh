#!/usr/bin/env bash
# Builds the images twice, from two fresh clones of the same commit in different directories,
# one after the other, and compares every image's digest without its class-data archive layer (the
# image as Jib made it) and every jar's checksum. Exits 1 on any difference. The archive layers are
# not byte-reproducible (a training run's class loading and the JVM's counters vary from run to
# run; see image-base/README.md): they are compared too, and only reported.
#
#   bash scripts/check-reproducible.sh [COMMIT]     # default: HEAD
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$repo" rev-parse "${1:-HEAD}")
work=$(mktemp -d "${TMPDIR:-/tmp}/initkit-repro.XXXXXX")
trap 'rm -rf "$work"' EXIT

for n in 1 2; do
  git clone -q "$repo" "$work/clone-$n"
  git -C "$work/clone-$n" checkout -q "$commit"
  echo "build $n in $work/clone-$n" >&2
  (cd "$work/clone-$n" && ./mvnw -B -q package -DskipTests -DskipITs >/dev/null)
  (cd "$work/clone-$n" && for digest in */target/class-archive/image-without-archive.digest; do
    echo "${digest%%/*} image $(cat "$digest")"
  done; for jar in */target/*.jar; do
    echo "$jar $(sha256sum "$jar" | cut -d' ' -f1)"
  done) | sort >"$work/digests-$n.txt"
  (cd "$work/clone-$n" && for archive in */target/class-archive/app.jsa; do
    echo "${archive%%/*} $(sha256sum "$archive" | cut -d' ' -f1) $(stat -c %s "$archive")"
  done) | sort >"$work/archives-$n.txt"
  sleep 2 # a later wall-clock second must not matter
done

# The archives: how many bytes differ between the two builds, for the record.
while read -r tool sum1 size1 && read -r _ sum2 size2 <&3; do
  if [[ $sum1 == "$sum2" ]]; then
    echo "$tool class-data archive: identical ($size1 bytes)"
  else
    differing=$(cmp -l "$work/clone-1/$tool/target/class-archive/app.jsa" \
      "$work/clone-2/$tool/target/class-archive/app.jsa" 2>/dev/null | wc -l || true)
    echo "$tool class-data archive: differs ($size1 and $size2 bytes, $differing bytes differ; not checked)"
  fi
done <"$work/archives-1.txt" 3<"$work/archives-2.txt"

if diff "$work/digests-1.txt" "$work/digests-2.txt"; then
  echo "reproducible: $(grep -c ' image ' "$work/digests-1.txt") images (without their class-data archive layers) and $(grep -vc ' image ' "$work/digests-1.txt") jars identical at $commit"
else
  echo "NOT reproducible at $commit (differences above)" >&2
  exit 1
fi
