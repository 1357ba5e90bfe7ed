#!/usr/bin/env bash
# Measures each tool's peak memory and CPU in the combined example, as podman runs it under the
# example's limits against servers on loopback (see README, "Resources: measured"). GNU time,
# mounted into each init container, reports the peak resident set and the CPU time of the
# image's own entry point. Prints a table (also in k8s-examples/target/example-resources.txt).
#
#   k8s-examples/measure-resources.sh            # RUNS=5 by default
#   RUNS=10 k8s-examples/measure-resources.sh
#
# Needs what the end-to-end tests need (podman, kubectl, git, python3, /bin/busybox) and GNU
# time at /usr/bin/time (bash scripts/setup.sh --bench). Builds the images first.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
[[ -x /usr/bin/time ]] || { echo "measure-resources: no GNU time at /usr/bin/time" >&2; exit 1; }
./mvnw -B -q -pl k8s-examples -am verify \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ExampleResourcesIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dinitkit.measure.runs="$runs" >&2
cat k8s-examples/target/example-resources.txt
