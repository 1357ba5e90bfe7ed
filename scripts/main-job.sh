#!/usr/bin/env bash
# The main job: builds the four images (offline, as tarballs), then runs the classic example
# end to end under podman: git-fetch, as an init container, clones an application served over
# smart HTTP on loopback into an emptyDir; the main container, another uid, finds it through
# MYAPP_HOME from the ConfigMap my-config-map and prints what it sees.
#
#   bash scripts/main-job.sh          (after bash scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "main-job: building the images (./mvnw -B -q package -DskipTests)" >&2
./mvnw -B -q package -DskipTests >/dev/null
for tool in git-fetch deps-fetch db-wait env-render; do
  echo "main-job: $tool/target/jib-image.tar $(du -h "$tool/target/jib-image.tar" | cut -f1)" >&2
done
# Load the freshly built images rather than older ones of the same name.
export CONTAINERS_CONF=$PWD/config/podman/containers.conf
podman rmi -f initkit/git-fetch:0.1.0-SNAPSHOT >/dev/null 2>&1 || true
exec bash k8s-examples/run-classic.sh
