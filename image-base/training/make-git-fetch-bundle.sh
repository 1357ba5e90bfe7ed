#!/usr/bin/env bash
# Makes git-fetch.bundle, the repository git-fetch's training run clones (see README.md, "Training
# runs"): a few files in nested folders, an executable, a symlink and a submodule whose URL nobody
# answers, so that one offline run goes through the pack parser, the checkouts and publishing, and
# through the HTTP transport and the retries. Deterministic (fixed names and dates): run it again
# only to change the repository, and commit the result.
#
#   bash image-base/training/make-git-fetch-bundle.sh
set -euo pipefail
out=$(realpath "$(dirname "$0")")/git-fetch.bundle
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=initkit GIT_AUTHOR_EMAIL=training@initkit.dev \
  GIT_COMMITTER_NAME=initkit GIT_COMMITTER_EMAIL=training@initkit.dev \
  GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z
git -C "$work" init -q -b main
mkdir -p "$work/src/main"
for i in $(seq 1 40); do echo "line $i" >"$work/src/main/file$i.txt"; done
printf '#!/bin/sh\necho hello\n' >"$work/run.sh"
chmod +x "$work/run.sh"
ln -s run.sh "$work/link"
printf '[submodule "lib"]\n\tpath = lib\n\turl = http://127.0.0.1:1/initkit-training-lib.git\n' \
  >"$work/.gitmodules"
git -C "$work" add -A
git -C "$work" update-index --add --cacheinfo 160000,0123456789abcdef0123456789abcdef01234567,lib
git -C "$work" commit -q -m training
git -C "$work" bundle create -q "$out" main
echo "$out: $(git -C "$work" rev-parse HEAD)"
