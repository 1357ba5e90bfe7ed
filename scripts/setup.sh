#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine with a JDK 17 lacks for building, testing and
# benchmarking initkit. Safe to run again. Needs root (or sudo) for apt-get.
#
#   bash scripts/setup.sh            # build and test prerequisites
#   bash scripts/setup.sh --bench    # also what the benchmarks time with
#   bash scripts/setup.sh --images   # also podman, for the images' and examples' tests
set -euo pipefail

# Build and tests: the Maven wrapper downloads Maven with curl and unzip; git gives the build
# commit shown by --version.
packages=(ca-certificates curl unzip git)

for option in "$@"; do
  case "$option" in
    # hyperfine times whole commands; GNU time reports peak memory.
    --bench) packages+=(hyperfine time) ;;
    # podman runs the images and the example Pods (runc: crun fails on these machines).
    --images) packages+=(podman runc catatonit skopeo) ;;
    *) echo "setup: unknown option $option (use --bench, --images)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present (${packages[*]})"
fi

java -version 2>&1 | head -1
