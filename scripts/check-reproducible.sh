#!/usr/bin/env bash
# Builds the images twice, from two fresh clones of the same commit in different directories,
# one after the other, and compares every image's digest and jar's checksum. Exits 1 on any
# difference.
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
  (cd "$work/clone-$n" && for digest in */target/jib-image.digest; do
    echo "$(dirname "$(dirname "$digest")") image $(cat "$digest")"
  done; for jar in */target/*.jar; do
    echo "$jar $(sha256sum "$jar" | cut -d' ' -f1)"
  done) | sort >"$work/digests-$n.txt"
  sleep 2 # a later wall-clock second must not matter
done

if diff "$work/digests-1.txt" "$work/digests-2.txt"; then
  echo "reproducible: $(grep -c ' image ' "$work/digests-1.txt") images and $(grep -vc ' image ' "$work/digests-1.txt") jars identical at $commit"
else
  echo "NOT reproducible at $commit (differences above)" >&2
  exit 1
fi
