#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine with a JDK 17 lacks for building, testing and
# benchmarking initkit. Safe to run again. Needs root (or sudo) for apt-get.
#
#   bash scripts/setup.sh            # build and test prerequisites
#   bash scripts/setup.sh --bench    # also what the benchmarks time with
set -euo pipefail

# Build and tests: the Maven wrapper downloads Maven with curl and unzip; git gives the build
# commit shown by --version.
packages=(ca-certificates curl unzip git)
# The images and the example Pods run in podman (runc: crun fails on these machines).
packages+=(podman runc catatonit skopeo)
# env-render's outputs are read back by the real readers: three shells, GNU envsubst,
# python-dotenv and Node's dotenv (installed from npm by the test).
packages+=(dash busybox gettext-base python3 python3-dotenv)
# Node.js and npm only when missing: these machines bring their own, which Debian's npm
# package would conflict with.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

for option in "$@"; do
  case "$option" in
    # hyperfine times whole commands; GNU time reports peak memory.
    # lighttpd serves git http-backend for bench/git-fetch.sh; postgresql's server binaries give
    # bench/db-wait.sh its pg_isready and a server to wait for.
    --bench) packages+=(hyperfine time bc lighttpd postgresql) ;;
    *) echo "setup: unknown option $option (use --bench)" >&2; exit 2 ;;
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

# kubectl (1.21+, with kustomize) builds the examples; Debian's is too old to install here.
if ! command -v kubectl >/dev/null; then
  echo "setup: kubectl 1.21 or newer is needed (the examples' tests build with its kustomize);" \
    "install it from the Kubernetes project's packages" >&2
  exit 1
fi
java -version 2>&1 | head -1
