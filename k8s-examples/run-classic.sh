#!/usr/bin/env bash
# Runs the classic example end to end under podman: classic/configmap.yaml and classic/pod.yaml,
# as they are, plus only what podman 4.3 needs to run them like a kubelet (see README, "Running
# the classic example"). A git repository is made and served over smart HTTP on loopback; the
# git-fetch init container clones it into the emptyDir; the main container (the initkit base
# image with the host's busybox mounted read-only, as another uid) prints MYAPP_HOME and what it
# finds there. Everything it started is torn down at the end.
#
#   k8s-examples/run-classic.sh
#
# Environment: GIT_FETCH_IMAGE (default initkit/git-fetch:0.1.0-SNAPSHOT, loaded from
# <tool>/target/jib-image.tar when podman lacks it), MAIN_IMAGE (default initkit-base:local,
# loaded from image-base/target/base.tar), RUN_TIMEOUT seconds (default 180).
# Needs podman, kubectl (its bundled kustomize), git, python3 and /bin/busybox (Debian's busybox,
# which links only glibc). Exit 0 when the main container saw the clone, 1 otherwise.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$root/config/podman/containers.conf}
git_fetch_image=${GIT_FETCH_IMAGE:-initkit/git-fetch:0.1.0-SNAPSHOT}
main_image=${MAIN_IMAGE:-initkit-base:local}
timeout_s=${RUN_TIMEOUT:-180}
prefix="initkit-run-$$-"
pod="${prefix}myapp"

say() { echo "run-classic: $*" >&2; }

need_image() {  # IMAGE TARBALL
  if podman image exists "$1"; then return 0; fi
  if [[ -f "$2" ]]; then
    say "loading $1 from $2"
    podman load -q -i "$2" >/dev/null
    return 0
  fi
  say "no image $1 and no $2: build it first (./mvnw -B package -DskipTests)"
  exit 1
}
tool=${git_fetch_image%:*}
need_image "$git_fetch_image" "$root/${tool##*/}/target/jib-image.tar"
need_image "$main_image" "$root/image-base/target/base.tar"
[[ -x /bin/busybox ]] || { say "no /bin/busybox (apt-get install busybox)"; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -f "$work/manifest.yaml" ]]; then
    podman kube play --down "$work/manifest.yaml" >/dev/null 2>&1 || true
  fi
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The application: a small repository with a README, a script and a nested file.
app="$work/app"
git init -q -b main "$app"
printf 'myapp, cloned by git-fetch\n' >"$app/README.md"
mkdir -p "$app/bin" "$app/conf"
printf '#!/bin/sh\necho running myapp\n' >"$app/bin/run.sh"
chmod 0755 "$app/bin/run.sh"
printf 'greeting=hello\n' >"$app/conf/app.properties"
git -C "$app" add -A
git -C "$app" -c user.name=initkit -c user.email=initkit@example.org commit -q -m "myapp 1.0"
commit=$(git -C "$app" rev-parse HEAD)
mkdir -p "$work/srv/repos"
git clone -q --bare "$app" "$work/srv/repos/myapp.git"

# Smart HTTP on a free loopback port: git http-backend behind a small Python server.
python3 "$here/support/git-http-server.py" "$work/srv/repos" >"$work/port" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do [[ -s "$work/port" ]] && break; sleep 0.1; done
port=$(cat "$work/port")
repo="http://127.0.0.1:$port/myapp.git"
git ls-remote "$repo" >/dev/null || { say "the git server did not answer: $(cat "$work/server.log")"; exit 1; }
say "serving $repo at $commit"

# The classic example, unchanged, plus what this run needs (a kustomization in the work
# directory; the example's files are referenced, not copied).
mkdir -p "$work/overlay"
cat >"$work/overlay/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namePrefix: $prefix
resources:
  - $here/classic/configmap.yaml
  - $here/classic/pod.yaml
images:
  - name: initkit/git-fetch
    newName: ${git_fetch_image%:*}
    newTag: ${git_fetch_image##*:}
patches:
  - target: {kind: ConfigMap, name: my-config-map}
    patch: |
      - {op: replace, path: /data/MYAPP_REPO, value: "$repo"}
      - {op: replace, path: /data/MYAPP_REF, value: main}
  - target: {kind: Pod, name: myapp}
    patch: |
      # podman 4.3: init containers take the Pod's restart policy, and are removed (with their
      # logs) once they succeeded unless this annotation keeps them.
      - {op: add, path: /spec/restartPolicy, value: Never}
      - op: add
        path: /metadata/annotations
        value: {io.podman.annotations.init.container.type: always}
      # The main container: the base image and the host's busybox, printing what it sees.
      - {op: replace, path: /spec/containers/0/image, value: "$main_image"}
      - op: add
        path: /spec/containers/0/command
        value:
          - /bin/busybox
          - sh
          - -c
          - |
            set -e
            echo "MYAPP_HOME=\$MYAPP_HOME"
            echo "id: \$(/bin/busybox id -u):\$(/bin/busybox id -g)"
            echo "files:"
            cd "\$MYAPP_HOME" && /bin/busybox find . -path ./.git -prune -o -type f -print | /bin/busybox sort
            echo "README.md: \$(/bin/busybox cat README.md)"
            echo "bin/run.sh executable: \$(/bin/busybox test -x bin/run.sh && echo yes || echo no)"
            echo "HEAD: \$(/bin/busybox cat .git/HEAD)"
      - op: add
        path: /spec/containers/0/volumeMounts/-
        value: {name: busybox, mountPath: /bin/busybox, readOnly: true}
      - op: add
        path: /spec/volumes/-
        value: {name: busybox, hostPath: {path: /bin/busybox, type: File}}
YAML
kubectl kustomize --load-restrictor LoadRestrictionsNone "$work/overlay" >"$work/manifest.yaml"

say "podman kube play --network host (pod $pod)"
# podman runs the init containers during the play and fails it when one of them fails: the
# logs below still say why.
if ! podman kube play --network host "$work/manifest.yaml" >/dev/null 2>"$work/play.log"; then
  say "podman kube play failed: $(cat "$work/play.log")"
fi

# Wait for the main container to finish (or the init container to fail).
deadline=$((SECONDS + timeout_s))
state() { podman inspect --format '{{.State.Status}} {{.State.ExitCode}}' "$1" 2>/dev/null || echo "missing -1"; }
while :; do
  read -r init_status init_code <<<"$(state "$pod-git-fetch")"
  read -r app_status app_code <<<"$(state "$pod-app")"
  [[ $app_status == exited ]] && break
  [[ $init_status == exited && $init_code != 0 ]] && break
  if ((SECONDS > deadline)); then say "timed out after ${timeout_s}s"; break; fi
  sleep 0.5
done

echo "--- git-fetch (init container, $init_status, exit $init_code) ---"
podman logs "$pod-git-fetch" 2>&1 || true
echo "--- app (main container, $app_status, exit $app_code) ---"
podman logs "$pod-app" 2>&1 || true
echo "--- expected commit: $commit ---"

[[ $init_status == exited && $init_code == 0 && $app_status == exited && $app_code == 0 ]]
