#!/usr/bin/env bash
# The images, measured: for each tool image, compressed and uncompressed size, the size of the
# layers no other initkit image has, the total a node pulls for all of them, and inside the
# container the wall time, CPU time and peak memory of --help (median of RUNS, GNU time mounted
# into the container). Three sets built in the same run: the images as shipped (jlinked runtime
# and the class-data archive layer), the same without the archive (-Dimage.class-archive.skip=true),
# and on a full Temurin 25 JDK instead of the jlinked runtime (no registry is reachable for the
# real distroless Java image). A tool's three images are timed in alternation, run after run.
#
#   bash bench/images.sh            # needs podman, GNU time, python3 (bash scripts/setup.sh --bench)
#   RUNS=10 FULL_JDK=/path/to/jdk bash bench/images.sh
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-7}
full_jdk=${FULL_JDK:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
export CONTAINERS_CONF="$PWD/config/podman/containers.conf"
out=bench/out/images
mkdir -p "$out"

tools=()
for pom in */pom.xml; do
  tool=$(dirname "$pom")
  grep -q '<artifactId>jib-maven-plugin</artifactId>' "$pom" && tools+=("$tool")
done
[[ ${#tools[@]} -gt 0 ]] || { echo "no tool module builds an image yet" >&2; exit 1; }

variants=(jlinked no-cds full-jdk)
declare -A tarball_names=([jlinked]=jib-image.tar [no-cds]=jib-image-nocds.tar [full-jdk]=jib-image-fulljdk.tar)
echo "building the images (as shipped, without the class-data archive, on the full JDK $full_jdk)..." >&2
./mvnw -B -q package -DskipTests -DskipITs -Dimage.registry=initkit-nocds \
  -Dimage.class-archive.skip=true -Dimage.tarball='${project.build.directory}/jib-image-nocds.tar' >/dev/null
./mvnw -B -q package -DskipTests -DskipITs -Dimage.registry=initkit-fulljdk \
  -Dimage.runtime="$full_jdk" -Dimage.tarball='${project.build.directory}/jib-image-fulljdk.tar' >/dev/null
# The shipped set last, so that target/ ends as a plain build leaves it.
./mvnw -B -q package -DskipTests -DskipITs >/dev/null

sizes() { # variant tarball... : per-image sizes and the union of layers
  python3 - "$@" <<'PY'
import gzip, json, sys, tarfile
variant, tarballs = sys.argv[1], sys.argv[2:]
images, seen = {}, {}
for path in tarballs:
    with tarfile.open(path) as t:
        manifest = json.load(t.extractfile("manifest.json"))[0]
        layers = {}
        for name in manifest["Layers"]:
            data = t.extractfile(name).read()
            layers[name] = (len(data), len(gzip.decompress(data)))
        images[path.split("/")[0]] = layers
        for name, size in layers.items():
            seen.setdefault(name, (size, set()))[1].add(path)
mib = lambda b: b / 1048576
for tool, layers in images.items():
    compressed = sum(c for c, _ in layers.values())
    uncompressed = sum(u for _, u in layers.values())
    unique = sum(c for n, (c, _) in layers.items() if len(seen[n][1]) == 1)
    print(f"{variant:9} {tool:11} {mib(compressed):9.1f} {mib(uncompressed):11.1f} {mib(unique):11.2f}")
total = sum(size[0] for size, _ in seen.values())
print(f"{variant:9} {'all, pulled':11} {mib(total):9.1f} {'':11} {'':11}")
PY
}

help_timing() { # image...: per image, median wall ms, CPU ms and peak MiB of --help, in alternation
  local image entry round
  for round in $(seq "$runs"); do
    for image in "$@"; do
      entry=$(podman image inspect "$image" --format '{{range .Config.Entrypoint}}{{.}} {{end}}')
      echo "$image $(podman run --rm --network none --read-only --read-only-tmpfs=false --user 65532:65532 \
        -v /usr/bin/time:/gnu-time:ro --entrypoint /gnu-time "$image" -f '%e %M %U %S' $entry --help \
        2>&1 >/dev/null | tail -1)"
    done
  done | python3 -c '
import statistics, sys
rows = {}
for line in sys.stdin:
    image, *r = line.split()
    rows.setdefault(image, []).append(r)
for image, rs in rows.items():
    wall = statistics.median(float(r[0]) for r in rs) * 1000
    peak = statistics.median(int(r[1]) for r in rs) / 1024
    cpu = statistics.median(float(r[2]) + float(r[3]) for r in rs) * 1000
    print(f"{image} {wall:.0f} {cpu:.0f} {peak:.1f}")'
}

for variant in "${variants[@]}"; do
  tarballs=()
  for tool in "${tools[@]}"; do tarballs+=("$tool/target/${tarball_names[$variant]}"); done
  sizes "$variant" "${tarballs[@]}" >"$out/sizes-$variant.txt"
done

printf '%-9s %-11s %9s %11s %11s %8s %7s %9s\n' runtime image "gz MiB" "unpacked" "unique gz" "help ms" "cpu ms" "peak MiB"
for tool in "${tools[@]}"; do
  images=()
  for variant in "${variants[@]}"; do
    images+=("$(podman load -i "$tool/target/${tarball_names[$variant]}" 2>/dev/null | sed -n 's/^Loaded image.*: //p' | tail -1)")
  done
  declare -A timing=()
  while read -r image ms cpu peak; do timing[$image]="$ms $cpu $peak"; done < <(help_timing "${images[@]}")
  for n in "${!variants[@]}"; do
    read -r v _ gz unpacked unique < <(grep " $tool " "$out/sizes-${variants[$n]}.txt")
    read -r ms cpu peak <<<"${timing[${images[$n]}]}"
    printf '%-9s %-11s %9s %11s %11s %8s %7s %9s\n' "$v" "$tool" "$gz" "$unpacked" "$unique" "$ms" "$cpu" "$peak"
  done
done
for variant in "${variants[@]}"; do
  grep '^[^ ]* *all, pulled' "$out/sizes-$variant.txt" | awk '{printf "%-9s %-11s %9s\n", $1, "all (pulled)", $4}'
done
echo "(--help inside the container, median of $runs runs, a tool's images alternating; podman $(podman --version | cut -d' ' -f3); $(nproc) cores; $(date -u +%F))"
