#!/usr/bin/env bash
# The main job: build the four images and run the classic example end to end under podman
# (git-fetch clones an app into an emptyDir; the main container finds it through MYAPP_HOME from
# a ConfigMap) and print what the main container saw.
#
# It becomes real with the git-fetch, images and k8s-examples issues. Until then it says so.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f k8s-examples/classic/pod.yaml ]]; then
  echo "main-job: not available yet: the images and the classic example have not landed." >&2
  echo "main-job: what works today is the shared frame; run the tests: ./mvnw -B verify" >&2
  exit 1
fi
