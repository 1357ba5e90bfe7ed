#!/usr/bin/env bash
# git-fetch against the git CLI, in the same run: a generated mid-size repository (10,000 files by
# default) served over smart HTTP on loopback by `git http-backend` under lighttpd, cloned by
# git-fetch (the runnable jar, heap capped at 64 MiB), by `git clone --depth 1` and by a full
# `git clone`; and both again on the same repository with 120,000 more refs (pull-request refs, as
# GitHub's largest repositories have), which costs whoever lists every ref. Whole process including JVM start; the commands alternate within each round; each
# run writes into an emptied directory on tmpfs (the disk's inode allocator would otherwise
# dominate, see the benchmarking notes). Median and min-max wall time, median CPU time (user +
# system), peak RSS (GNU time), and each median as a ratio of `git clone --depth 1`'s. Before
# timing, git-fetch's checkout is compared once with git's: same paths, bytes, modes, symlinks.
#
# The jar runs on the images' own Java runtime (image-base/target/java, jlinked from Temurin 25),
# with the image's JVM flags and the same kind of class-data archive as the image, made here for
# that JVM; JAVA= picks another JVM (its archive is then made for it).
#
#   bash bench/git-fetch.sh                      # 10,000 files, 5 rounds
#   FILES=2000 RUNS=9 bash bench/git-fetch.sh
#   JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java bash bench/git-fetch.sh
#
# Needs git, lighttpd, GNU time and python3 (Debian: apt-get install git lighttpd time python3).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
files=${FILES:-10000}
java=${JAVA:-$PWD/image-base/target/java/bin/java}
work=${BENCH_DIR:-/dev/shm/initkit-bench-git-fetch}
backend=$(git --exec-path)/git-http-backend

for tool in git lighttpd python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install $tool)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
[[ -x "$backend" ]] || { echo "needs git http-backend at $backend" >&2; exit 2; }

# Also makes the images' runtime (image-base); the jar's own archive is for the build's JVM.
./mvnw -B -q -pl git-fetch -am package -DskipTests -Dimage.class-archive.skip=true >/dev/null
jar=git-fetch/target/git-fetch.jar

rm -rf "$work"
mkdir -p "$work/src" "$work/srv" "$work/out"

# A repository that looks like source code: nested folders, text files of 1-8 KiB (some
# executable), three commits of history. Deterministic, so runs are comparable.
python3 - "$work/src" "$files" <<'PY'
import os, random, sys
root, count = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
words = [''.join(rnd.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(rnd.randint(2, 10)))
         for _ in range(2000)]
for i in range(count):
    d = os.path.join(root, f"mod{i % 40:02d}", f"pkg{(i // 40) % 25:02d}")
    os.makedirs(d, exist_ok=True)
    size = rnd.randint(1024, 8192)
    lines, n = [], 0
    while n < size:
        line = ' '.join(rnd.choice(words) for _ in range(rnd.randint(3, 12)))
        lines.append(line)
        n += len(line) + 1
    path = os.path.join(d, f"file{i:05d}.txt")
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    if i % 50 == 0:
        os.chmod(path, 0o755)
    if i % 500 == 1:
        os.symlink(f"file{i:05d}.txt", os.path.join(d, f"link{i:05d}"))
PY
git -C "$work/src" init -q -b main
git -C "$work/src" -c user.name=bench -c user.email=bench@example.org add -A
git -C "$work/src" -c user.name=bench -c user.email=bench@example.org commit -q -m one
for n in two three; do
  find "$work/src" -name 'file*0.txt' -path '*mod0*' -exec sh -c 'echo "$1" >> "$2"' _ "$n" {} \;
  git -C "$work/src" -c user.name=bench -c user.email=bench@example.org commit -q -am "$n"
done
git clone -q --bare "$work/src" "$work/srv/repo.git"
git -C "$work/srv/repo.git" gc -q
# The same repository with two refs per pull request for 60,000 of them, as GitHub serves its
# largest: a client that lists every ref before fetching pays for all 120,000.
cp -r "$work/srv/repo.git" "$work/srv/pulls.git"
head=$(git -C "$work/srv/pulls.git" rev-parse HEAD)
python3 -c "
for i in range(1, 60001):
    print(f'create refs/pull/{i}/head $head')
    print(f'create refs/pull/{i}/merge $head')" | git -C "$work/srv/pulls.git" update-ref --stdin
git -C "$work/srv/pulls.git" pack-refs --all
repo_size=$(du -sk "$work/srv/repo.git" | cut -f1)
tree_size=$(du -sk --exclude=.git "$work/src" | cut -f1)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/lighttpd.conf" <<CONF
server.modules = ("mod_alias", "mod_cgi", "mod_setenv")
server.document-root = "$work/srv"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$work/lighttpd.log"
alias.url = ("/git" => "$backend")
\$HTTP["url"] =~ "^/git" {
  cgi.assign = ("" => "")
  setenv.add-environment = ("GIT_PROJECT_ROOT" => "$work/srv", "GIT_HTTP_EXPORT_ALL" => "1")
}
CONF
lighttpd -D -f "$work/lighttpd.conf" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; [[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT
url="http://127.0.0.1:$port/git/repo.git"
for _ in $(seq 100); do
  git ls-remote "$url" >/dev/null 2>&1 && break
  sleep 0.1
done

heap="-Xmx64m"
# The image's JVM flags (C1, and C2 for SHA-1 only: src/main/jvm/jit.args; serial GC; no perf
# data; 512 KiB stacks) and a class-data archive of the kind the image has (git-fetch/pom.xml:
# JDK 25's AOT cache), trained as the image's is. A JVM that cannot make one runs without.
tuned="-Xmx64m -XX:+UseSerialGC -XX:-UsePerfData -Xss512k @git-fetch/src/main/jvm/jit.args"
archive=$work/git-fetch.jsa
bash scripts/make-jar-class-archive.sh "$java" "$jar" image-base/training/git-fetch.args "$archive" \
  "$(sed -n 's:.*<image.class-archive.kind>\(.*\)</image.class-archive.kind>.*:\1:p' git-fetch/pom.xml)"
if [[ -f $archive ]] && $java -Xshare:on -XX:SharedArchiveFile=$archive -jar $jar --version >/dev/null 2>&1; then
  tuned="$tuned -XX:SharedArchiveFile=$archive -Xlog:cds*=off"
  tuned_label="image flags, class archive"
else
  tuned_label="image flags, no class archive"
fi
declare -a labels=(
  "git-fetch (default JVM flags)"
  "git-fetch ($tuned_label)"
  "git-fetch re-run (verified)"
  "git clone --depth 1"
  "git clone (full)"
  "git-fetch --depth 0"
  "git-fetch, 120,000 more refs"
  "git clone --depth 1, 120,000 more refs"
)
declare -a commands=(
  "$java $heap -jar $jar --quiet --repo $url --dest $work/out/gf"
  "$java $tuned -jar $jar --quiet --repo $url --dest $work/out/gf"
  "$java $tuned -jar $jar --quiet --repo $url --dest $work/out/gf-kept"
  "git clone -q --depth 1 $url $work/out/git"
  "git clone -q $url $work/out/git"
  "$java $tuned -jar $jar --quiet --repo $url --depth 0 --dest $work/out/gf"
  "$java $tuned -jar $jar --quiet --repo ${url%/repo.git}/pulls.git --dest $work/out/gf"
  "git clone -q --depth 1 ${url%/repo.git}/pulls.git $work/out/git"
)

# The re-run row needs a checkout in place; it is also compared with git's checkout, once.
$java $heap -jar $jar --quiet --repo "$url" --dest "$work/out/gf-kept"
git clone -q --depth 1 "$url" "$work/out/git-ref"
listing() { (cd "$1" && find . -path ./.git -prune -o ! -name .initkit-complete -printf '%p %y %m %l\n' | sort); }
if ! diff <(listing "$work/out/gf-kept") <(listing "$work/out/git-ref") >/dev/null \
  || ! diff -r --no-dereference -x .git -x .initkit-complete "$work/out/gf-kept" "$work/out/git-ref" >/dev/null; then
  echo "git-fetch's checkout differs from git's:" >&2
  diff <(listing "$work/out/gf-kept") <(listing "$work/out/git-ref") | head >&2
  exit 1
fi
rm -rf "$work/out/git-ref"

results="$work/results.txt"
: >"$results"
for round in $(seq "$runs"); do
  for i in "${!commands[@]}"; do
    rm -rf "$work/out/gf" "$work/out/git"
    sync
    /usr/bin/time -f "$i %e %M %U %S" -o "$work/time.txt" ${commands[$i]} >/dev/null 2>"$work/err.txt" \
      || { echo "failed: ${commands[$i]}" >&2; cat "$work/err.txt" >&2; exit 1; }
    cat "$work/time.txt" >>"$results"
  done
done

echo "repository: $files files, $((tree_size / 1024)) MiB checked out, $((repo_size / 1024)) MiB packed, 3 commits"
echo "checkout: identical to git's (paths, bytes, modes, symlinks)"
python3 - "$results" "${labels[@]}" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
labels = sys.argv[2:]
def column(i, c, kind=float):
    return [kind(r[c]) for r in rows if int(r[0]) == i]
def cpu(i):
    return [float(r[3]) + float(r[4]) for r in rows if int(r[0]) == i]
base = labels.index("git clone --depth 1")
base_wall, base_cpu = statistics.median(column(base, 1)), statistics.median(cpu(base))
print(f"{'command':48} {'median s':>9} {'min-max s':>13} {'x git':>6} {'CPU s':>6} {'x git':>6} {'peak MiB':>9}")
for i, label in enumerate(labels):
    times, cpus = column(i, 1), cpu(i)
    median, median_cpu = statistics.median(times), statistics.median(cpus)
    print(f"{label:48} {median:9.2f} {min(times):6.2f}-{max(times):<6.2f} {median / base_wall:6.2f}"
          f" {median_cpu:6.2f} {median_cpu / base_cpu:6.2f} {max(column(i, 2, int)) / 1024:9.1f}")
PY
echo "($runs rounds, commands alternating; whole process; output on tmpfs; $(nproc) cores;" \
  "$($java -version 2>&1 | head -1); $(git --version); $(date -u +%F))"
