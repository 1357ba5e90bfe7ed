#!/usr/bin/env bash
# Adds a class-data-sharing archive to a tool's image tarball as one more layer, /app/cds/app.jsa,
# which the entrypoint names with -XX:SharedArchiveFile (see image-base/README.md, "Class-data
# archive"): an AppCDS archive or JDK 25's AOT cache, as KIND says (scripts/lib/class-archive.sh).
#
# The archive is only used when the JVM binary and the class path (paths, jar sizes and mtimes)
# are the ones it was made with. So the training run reads everything from the image itself: the
# /app files as Jib wrote them (fixed mtimes), the entrypoint's JVM flags and class path, and the
# same jlinked runtime that is the image's /opt/java. It runs on this machine, without a container
# engine, from a copy of /app under WORK_DIR: JDK 25 accepts an archive whose class path moved as
# a whole to another directory, which is what the image's /app is to that copy.
#
#   bash scripts/make-class-archive.sh IMAGE.tar JAVA_RUNTIME TRAINING_ARGS_FILE WORK_DIR [KIND]
#
# TRAINING_ARGS_FILE holds the tool's arguments for the training run, one per line: a run that
# loads the tool's usual classes and ends by itself in a second or two (its exit code does not
# matter); {training} stands for the file's directory. The tarball is rewritten in place (a new file renamed over it) with the layer
# appended, and jib-image.id, jib-image.digest and jib-image.json beside it are brought in step.
set -euo pipefail
source "$(dirname "$0")/lib/class-archive.sh"

image=$(realpath "${1:?usage: make-class-archive.sh IMAGE.tar JAVA_RUNTIME TRAINING_ARGS_FILE WORK_DIR}")
runtime=$(realpath "${2:?java runtime}")
training=$(realpath "${3:?training arguments file}")
work=$(realpath -m "${4:?work dir}")
kind=${5:-dynamic}

[[ -x "$runtime/bin/java" ]] || { echo "make-class-archive: no $runtime/bin/java" >&2; exit 2; }
[[ -f "$training" ]] || { echo "make-class-archive: no training arguments file $training" >&2; exit 2; }

archive_option=$(class_archive_option "$runtime/bin/java" "$kind" "$work/app.jsa")

rm -rf "$work"
mkdir -p "$work/root"
# Unpacks /app (keeping Jib's mtimes) and writes the training command line and the one that checks
# the archive maps, one word a line.
python3 - "$image" "$work" "$runtime/bin/java" "$training" "$archive_option" <<'PY'
import json, sys, tarfile
from pathlib import Path
image, work, java, training, archive_option = sys.argv[1], Path(sys.argv[2]), *sys.argv[3:6]
root = work / "root"
with tarfile.open(image) as outer:
    manifest = json.load(outer.extractfile("manifest.json"))[0]
    config = json.load(outer.extractfile(manifest["Config"]))
    for name in manifest["Layers"]:
        with tarfile.open(fileobj=outer.extractfile(name), mode="r:gz") as layer:
            wanted = [m for m in layer.getmembers()
                      if m.name.lstrip("./").startswith("app/") and not m.name.lstrip("./").startswith("app/cds")]
            layer.extractall(root, members=wanted, filter="tar")
entry = config["config"]["Entrypoint"]
cp_at = entry.index("-cp")
def local_argument_file(word):  # a launcher @file among the JVM flags, read from the copy
    return "@" + str(root / word[1:].lstrip("/")) if word.startswith("@") else word
jvm_flags = [local_argument_file(a) for a in entry[1:cp_at]
             if not a.startswith(("-XX:SharedArchiveFile=", "-Xlog:"))]
def argument(word):  # an @file argument is the file's content, as the launcher reads it
    return (root / word[1:].lstrip("/")).read_text().strip() if word.startswith("@") else word
classpath = argument(entry[cp_at + 1])
main_class = argument(entry[cp_at + 2])
entries = []
for element in classpath.split(":"):
    local = root / element.lstrip("/")
    # The launcher expands a directory wildcard (/app/classpath/*) before the JVM sees it.
    entries += sorted(str(p) for p in local.parent.glob("*.jar")) if local.name == "*" else [str(local)]
# {training} in an argument stands for the arguments file's directory (a repository to clone).
args = [line.replace("{training}", str(Path(training).parent))
        for line in Path(training).read_text().splitlines() if line.strip()]
run = [*jvm_flags, "-cp", ":".join(entries), main_class]
(work / "command").write_text("\n".join([java, archive_option, *run, *args]))
(work / "check").write_text("\n".join([java, "-Xshare:on", f"-XX:SharedArchiveFile={work}/app.jsa", *run, "--version"]))
PY

mapfile -t command <"$work/command"
# A clean environment: the build's own variables (a DB_WAIT_TIMEOUT, a proxy) must not steer it.
(cd "$work" && env -i LANG=C.UTF-8 HOME="$work" "${command[@]}" || true) >"$work/training.log" 2>&1
if [[ ! -s "$work/app.jsa" ]]; then
  echo "make-class-archive: the training run wrote no archive; its output:" >&2
  cat "$work/training.log" >&2
  exit 1
fi

# The archive must map on the copy, as it will in the image: -Xshare:on makes a mismatch (a JVM
# flag or class path entry the training did not share with the entrypoint) an error here. A
# runtime older than JDK 19 cannot take a class path that moved (the images' runtime is then the
# build's JDK 17, see the parent POM): the image goes without an archive, as it would run anyway.
mapfile -t check <"$work/check"
if ! (cd "$work" && env -i LANG=C.UTF-8 HOME="$work" "${check[@]}") >"$work/check.log" 2>&1; then
  feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$runtime/release")
  if ((${feature:-0} < 19)); then
    echo "make-class-archive: the runtime is JDK $feature, which cannot use an archive made on a" \
      "copy of /app: $image is left without one" >&2
    exit 0
  fi
  echo "make-class-archive: the archive does not map with the image's flags and class path:" >&2
  cat "$work/check.log" >&2
  exit 1
fi

# The archive alone in a directory: a release push (Jib's build goal, see the parent POM's release
# profile) adds it to the image it builds again, at the same place.
mkdir -p "$work/layer"
cp "$work/app.jsa" "$work/layer/app.jsa"

# What Jib made, before the archive: the part of the image that must be byte-reproducible (the
# archive is not; see image-base/README.md). scripts/check-reproducible.sh compares it.
cp "$(dirname "$image")/jib-image.digest" "$work/image-without-archive.digest"

python3 - "$image" "$work/app.jsa" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile
image, archive = sys.argv[1], sys.argv[2]
MTIME = 1  # Jib's EPOCH_PLUS_SECOND, like the other /app files
COMMENT = "class-data archive"

def layer_bytes():
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name in ("app", "app/cds"):
            d = tarfile.TarInfo(name + "/"); d.type = tarfile.DIRTYPE; d.mode = 0o755; d.mtime = MTIME
            t.addfile(d)
        f = tarfile.TarInfo("app/cds/app.jsa"); f.mode = 0o644; f.mtime = MTIME
        f.size = os.path.getsize(archive)
        with open(archive, "rb") as data:
            t.addfile(f, data)
    tar = raw.getvalue()
    gz = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=gz, mtime=0) as z:
        z.write(tar)
    return tar, gz.getvalue()

sha = lambda b: hashlib.sha256(b).hexdigest()
with tarfile.open(image) as outer:
    members = outer.getmembers()
    contents = {m.name: outer.extractfile(m).read() for m in members}
manifest = json.loads(contents["manifest.json"])
config_name = manifest[0]["Config"]
config = json.loads(contents[config_name])
if config["history"] and config["history"][-1].get("comment") == COMMENT:
    sys.exit(f"make-class-archive: {image} already has a class-data archive layer")
tar, gz = layer_bytes()
layer_name = sha(gz) + ".tar.gz"
config["rootfs"]["diff_ids"].append("sha256:" + sha(tar))
config["history"].append({"created": "1970-01-01T00:00:00Z", "author": "initkit",
                          "created_by": "scripts/make-class-archive.sh", "comment": COMMENT})
config_bytes = json.dumps(config, separators=(",", ":")).encode()
manifest[0]["Layers"].append(layer_name)
contents[config_name] = config_bytes
contents["manifest.json"] = json.dumps(manifest, separators=(",", ":")).encode()
contents[layer_name] = gz

# A registry (Docker v2.2) manifest of the layers as the tarball holds them: its digest names the
# image, as Jib's jib-image.digest did before the archive layer.
layers = [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
           "digest": "sha256:" + sha(contents[n]), "size": len(contents[n])}
          for n in manifest[0]["Layers"]]
distribution = {"schemaVersion": 2,
                "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                           "digest": "sha256:" + sha(config_bytes), "size": len(config_bytes)},
                "layers": layers}
digest = "sha256:" + sha(json.dumps(distribution, separators=(",", ":")).encode())
image_id = "sha256:" + sha(config_bytes)

template = members[0]
new = image + ".new"
with tarfile.open(new, "w", format=tarfile.PAX_FORMAT) as out:
    names = [m.name for m in members] + [layer_name]
    for name in names:
        info = tarfile.TarInfo(name); info.mtime = template.mtime; info.mode = template.mode
        info.size = len(contents[name])
        out.addfile(info, io.BytesIO(contents[name]))
os.replace(new, image)

target = os.path.dirname(image)
with open(os.path.join(target, "jib-image.id"), "w") as f: f.write(image_id)
with open(os.path.join(target, "jib-image.digest"), "w") as f: f.write(digest)
report = os.path.join(target, "jib-image.json")
if os.path.exists(report):
    data = json.load(open(report)); data.update(imageId=image_id, imageDigest=digest)
    with open(report, "w") as f: json.dump(data, f, separators=(",", ":"))
print(f"class archive: {image} + /app/cds/app.jsa ({os.path.getsize(archive) / 1048576:.1f} MiB, "
      f"{len(gz) / 1048576:.1f} MiB gz), image {digest}")
PY
