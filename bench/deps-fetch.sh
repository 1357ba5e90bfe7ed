#!/usr/bin/env bash
# deps-fetch next to its anchors, in the same run: `mvn dependency:copy-dependencies` on an
# equivalent POM (Maven's own plugins already in its local repository, so only the artifacts are
# downloaded) and coursier run from its Maven Central jars with `java -cp`. Each fetches the
# closure of the artifacts below from a loopback mirror into an empty cache, with its output on
# tmpfs; whole process, median and min-max of several runs (alternating tools), peak RSS (GNU
# time), artifacts and bytes placed. deps-fetch runs twice: with its default checksums
# (SHA-512, else SHA-256, else SHA-1) and with --checksums sha256,sha1, which spares the SHA-512
# request that Central answers 404 for most artifacts. Besides wall time it prints each tool's CPU
# time (user + system) and, per pair of tools, the median of the ratios within each round: on a
# shared, noisy machine those move less than the medians do.
#
#   bash bench/deps-fetch.sh                  # 5 runs each
#   RUNS=9 bash bench/deps-fetch.sh
#   ARTIFACTS="g:a:v g:a:v" bash bench/deps-fetch.sh
#   JAVA_FLAGS="" HEAP=256m bash bench/deps-fetch.sh   # default JVM flags, another heap cap
# (not DEPS_FETCH_*: deps-fetch refuses unknown variables with its prefix)
#
# The first run populates the mirror from Maven Central (deps-fetch's own closure, plus
# coursier's, which mediates versions differently) under bench/out/deps-fetch; later runs reuse it.
# Needs GNU time, python3 and lighttpd (serves the mirror; python3's http.server if missing):
# bash scripts/setup.sh --bench.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
artifacts=(${ARTIFACTS:-org.springframework.boot:spring-boot-starter-web:3.3.5 org.apache.kafka:connect-runtime:3.8.1})
coursier_version=${COURSIER_VERSION:-2.1.24}
heap=${HEAP:-64m}
# The flags of short-lived CLIs that bench/startup.sh measures ("tuned"), heap capped; the class
# archive is added below.
jvm_flags=${JAVA_FLAGS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
persist=$PWD/bench/out/deps-fetch
work=${BENCH_DIR:-/dev/shm/initkit-bench-deps-fetch}
dependency_plugin=$(sed -n 's:.*<dependency-plugin.version>\(.*\)</dependency-plugin.version>.*:\1:p' pom.xml)

[[ -x /usr/bin/time ]] || { echo "needs GNU time: bash scripts/setup.sh --bench" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3 (http.server serves the mirror)" >&2; exit 2; }
mkdir -p "$persist" "$work"

jar=deps-fetch/target/deps-fetch.jar
if [[ ! -f $jar ]]; then
  ./mvnw -B -q -pl deps-fetch -am package -DskipTests
fi
# With the default flags, also the runnable jar's class-data archive, as the images have theirs
# (image-base/README.md, "Runnable jars"), when it fits this JVM.
archive=deps-fetch/target/deps-fetch.jsa
if [[ -z ${JAVA_FLAGS+set} && -f $archive ]] &&
  java -Xshare:on -XX:SharedArchiveFile=$archive -jar "$jar" --version >/dev/null 2>&1; then
  jvm_flags="$jvm_flags -XX:SharedArchiveFile=$archive -Xlog:cds*=off"
fi
deps_fetch() { java -Xmx"$heap" $jvm_flags -jar "$jar" "$@"; }

# --- coursier, from its Maven Central jars -------------------------------------------------------
if [[ ! -d $persist/coursier ]]; then
  echo "fetching coursier $coursier_version from Maven Central" >&2
  deps_fetch --quiet --dest "$persist/coursier" "io.get-coursier:coursier-cli_2.13:$coursier_version"
fi
coursier() { java -cp "$persist/coursier/*" coursier.cli.Coursier "$@"; }

# --- the mirror: what each tool needs, with the checksum files Central has for these artifacts
# (SHA-256 and SHA-1, checked by hand on a sample; no SHA-512) --------------------------------------
if [[ ! -f $persist/mirror.v2 ]]; then
  echo "populating the mirror from Maven Central" >&2
  rm -rf "$persist/mirror" "$work/populate"
  deps_fetch --quiet --layout repository --dest "$persist/mirror" "${artifacts[@]}"
  coursier fetch --quiet --cache "$work/populate" "${artifacts[@]}" >/dev/null
  for host in "$work"/populate/https/*/maven2; do
    cp -rn "$host"/. "$persist/mirror/"
  done
  rm -f "$persist/mirror/.deps-fetch-manifest"
  find "$persist/mirror" -type f ! -name '*.sha1' ! -name '*.md5' ! -name '*.sha256' ! -name '*.sha512' |
    while read -r f; do
      [[ -f $f.sha1 ]] || sha1sum "$f" | cut -d' ' -f1 >"$f.sha1"
      [[ -f $f.sha256 ]] || sha256sum "$f" | cut -d' ' -f1 >"$f.sha256"
    done
  rm -rf "$work/populate"
  touch "$persist/mirror.v2"
fi

# --- Maven's own plugins, in a local repository each Maven run starts from ----------------------
project=$persist/maven-project
mkdir -p "$project"
{
  echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
  echo '<groupId>bench</groupId><artifactId>deps</artifactId><version>1</version><packaging>pom</packaging>'
  echo '<dependencies>'
  for a in "${artifacts[@]}"; do
    IFS=: read -r g n v <<<"$a"
    echo "<dependency><groupId>$g</groupId><artifactId>$n</artifactId><version>$v</version></dependency>"
  done
  echo '</dependencies></project>'
} >"$project/pom.xml"
copy_goal=org.apache.maven.plugins:maven-dependency-plugin:$dependency_plugin:copy-dependencies
if [[ ! -d $persist/maven-plugins ]]; then
  echo "putting maven-dependency-plugin $dependency_plugin into a local repository" >&2
  mkdir -p "$work/empty"
  echo '<project><modelVersion>4.0.0</modelVersion><groupId>b</groupId><artifactId>e</artifactId><version>1</version><packaging>pom</packaging></project>' >"$work/empty/pom.xml"
  ./mvnw -B -q -f "$work/empty/pom.xml" -Dmaven.repo.local="$persist/maven-plugins" "$copy_goal" \
    -DoutputDirectory="$work/empty/out"
  rm -rf "$work/empty"
fi

# --- serve the mirror on loopback ----------------------------------------------------------------
# lighttpd, like the repositories users fetch from (Central's CDN, Nexus, Artifactory), keeps
# connections alive and serves files without a per-request thread; Python's http.server (the
# fallback) answers HTTP/1.0 with a new connection per request, and on a loaded machine the tools
# mostly waited for it (JFR: deps-fetch's threads waited 27 ms on average per slow read).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if command -v lighttpd >/dev/null; then
  server_kind=lighttpd
  cat >"$work/lighttpd.conf" <<CONF
server.document-root = "$persist/mirror"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$work/lighttpd.log"
CONF
  lighttpd -D -f "$work/lighttpd.conf" &
else
  server_kind="python3 http.server"
  python3 -m http.server --bind 127.0.0.1 --directory "$persist/mirror" "$port" >/dev/null 2>&1 &
fi
server=$!
trap 'kill $server 2>/dev/null || true; [[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
url=http://127.0.0.1:$port/
# Any answer will do: lighttpd lists no directories.
for _ in $(seq 100); do curl -s -o /dev/null "$url" && break; sleep 0.1; done
cat >"$project/settings.xml" <<XML
<settings><mirrors><mirror><id>central</id><mirrorOf>*</mirrorOf><url>$url</url></mirror></mirrors></settings>
XML

# --- the runs ------------------------------------------------------------------------------------
run_tool() {
  local tool=$1 out=$work/run
  rm -rf "$out" && mkdir -p "$out"
  case $tool in
    deps-fetch)
      cmd=(java -Xmx"$heap" $jvm_flags -jar "$jar" --quiet --mirror "$url" --dest "$out/lib" "${artifacts[@]}") ;;
    deps-fetch-sha256)
      # Central's checksum files for most artifacts: SHA-256 first saves the SHA-512 404s.
      cmd=(java -Xmx"$heap" $jvm_flags -jar "$jar" --quiet --checksums sha256,sha1 --mirror "$url"
        --dest "$out/lib" "${artifacts[@]}") ;;
    maven)
      cp -r "$persist/maven-plugins" "$out/m2"
      cmd=(./mvnw -B -q -s "$project/settings.xml" -f "$project/pom.xml" -Dmaven.repo.local="$out/m2"
        "$copy_goal" -DoutputDirectory="$out/lib" -DincludeScope=runtime) ;;
    coursier)
      cmd=(java -cp "$persist/coursier/*" coursier.cli.Coursier fetch --quiet --no-default -r "$url"
        --cache "$out/cache" "${artifacts[@]}") ;;
  esac
  if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time" "${cmd[@]}" >"$work/stdout" 2>"$work/stderr"; then
    echo "$tool failed:" >&2; cat "$work/stderr" >&2; exit 1
  fi
  read -r seconds peak_kib user_s sys_s <"$work/time"
  if [[ $tool == coursier ]]; then
    files=$(grep -c . "$work/stdout"); bytes=$(xargs -a "$work/stdout" -d '\n' stat -c %s | paste -sd+ | bc)
  else
    files=$(find "$out/lib" -type f ! -name '.*' | wc -l); bytes=$(find "$out/lib" -type f ! -name '.*' -printf '%s\n' | paste -sd+ | bc)
  fi
  echo "$tool $seconds $peak_kib $files $bytes $(echo "$user_s + $sys_s" | bc) $round" >>"$work/results"
}

tools="deps-fetch deps-fetch-sha256 maven coursier"
round=0
: >"$work/results"
echo "warming up (page cache, JIT of nothing: one untimed run each)" >&2
for tool in $tools; do run_tool "$tool"; done
: >"$work/results"
for round in $(seq "$runs"); do
  for tool in $tools; do
    run_tool "$tool"
  done
  echo "run $round of $runs done" >&2
done

python3 - "$work/results" "$heap $jvm_flags" "$runs" "$server_kind" <<'PY'
import statistics, sys
rows, rounds = {}, {}
for line in open(sys.argv[1]):
    tool, s, kib, files, size, cpu, rnd = line.split()
    rows.setdefault(tool, []).append((float(s), int(kib), int(files), int(size), float(cpu)))
    rounds.setdefault(rnd, {})[tool] = float(s)
print(f"{'tool':<18}{'median s':>10}{'min-max s':>14}{'CPU s':>8}{'peak MiB':>10}{'artifacts':>11}{'MiB':>8}")
med = {}
for tool, r in rows.items():
    t = [x[0] for x in r]
    med[tool] = statistics.median(t)
    print(f"{tool:<18}{med[tool]:>10.2f}{min(t):>7.2f}-{max(t):<6.2f}{statistics.median(x[4] for x in r):>8.2f}"
          f"{max(x[1] for x in r)/1024:>10.0f}{r[-1][2]:>11}{r[-1][3]/2**20:>8.1f}")
# The machine may be shared and noisy: a ratio within each round (the tools ran back to back)
# moves less than a ratio of medians.
for ours in [t for t in med if t.startswith("deps-fetch")]:
    for tool in med:
        if not tool.startswith("deps-fetch"):
            paired = [r[tool] / r[ours] for r in rounds.values() if tool in r and ours in r]
            print(f"{tool} / {ours}: {med[tool] / med[ours]:.1f}x (medians), "
                  f"{statistics.median(paired):.1f}x (median of per-round ratios, "
                  f"{min(paired):.1f}-{max(paired):.1f})")
print(f"({sys.argv[3]} runs each, alternating; empty cache each run; output on tmpfs; "
      f"mirror served by {sys.argv[4]}; deps-fetch with -Xmx{sys.argv[2]}; CPU s = user + system; "
      f"{__import__('os').cpu_count()} cores, "
      f"load average {__import__('os').getloadavg()[0]:.1f} at the end)")
PY
