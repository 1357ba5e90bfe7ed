#!/usr/bin/env bash
# Makes the local stand-in for the images' base: a docker-archive tarball holding glibc (the
# only native library a jlink-made Java runtime links to), CA certificates, and the non-root
# user 65532, like gcr.io/distroless/base-nossl-debian13:nonroot. Made from this machine's own
# files, so the build and the tests need no container registry. Reproducible: every file is
# owned by 0:0 with mtime 0, entries sorted, and the config carries no timestamp, so the same
# machine files give the same digest.
#
#   bash scripts/make-base-image.sh OUT.tar
set -euo pipefail

out=$(realpath -m "${1:?usage: make-base-image.sh OUT.tar}")
work="$out.d"
rm -rf "$work"
mkdir -p "$work/rootfs" "$work/archive"
root="$work/rootfs"

arch_libs=/lib/x86_64-linux-gnu
mkdir -p "$root$arch_libs" "$root/lib64" "$root/etc/ssl/certs" "$root/home/nonroot" \
  "$root/usr/bin" "$root/bin"
# glibc: what `ldd` shows for the runtime's binaries and libraries, plus the resolver.
for lib in libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libresolv.so.2; do
  cp -L "$arch_libs/$lib" "$root$arch_libs/$lib"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/ld-linux-x86-64.so.2"
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
# Debian's glibc finds C.UTF-8 only through these files: without them LANG=C.UTF-8 falls back
# to ASCII and the JVM decodes non-ASCII environment values and file names wrongly.
mkdir -p "$root/usr/lib/locale"
cp -rL /usr/lib/locale/C.utf8 "$root/usr/lib/locale/C.utf8"

cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
nobody:x:65534:
nonroot:x:65532:
GROUP
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
cat >"$root/etc/initkit-base" <<'ABOUT'
initkit local base: glibc, its C.UTF-8 locale, CA certificates and user nonroot (65532), copied from the build
machine by scripts/make-base-image.sh. A stand-in for gcr.io/distroless/base-nossl-debian13:nonroot.
ABOUT

find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
chmod 0755 "$root$arch_libs"/*.so* "$root/lib64"/*

layer="$work/layer.tar"
tar --create --file "$layer" --directory "$root" --sort=name --mtime=@0 --owner=0 --group=0 \
  --numeric-owner --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  .
layer_sha=$(sha256sum "$layer" | cut -d' ' -f1)
mkdir -p "$work/archive/$layer_sha"
mv "$layer" "$work/archive/$layer_sha/layer.tar"

config=$(printf '%s' '{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",' \
  '"config":{"User":"65532:65532","WorkingDir":"/home/nonroot",' \
  '"Env":["PATH=/usr/local/bin:/usr/bin:/bin","SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"]},' \
  '"rootfs":{"type":"layers","diff_ids":["sha256:'"$layer_sha"'"]},' \
  '"history":[{"created":"1970-01-01T00:00:00Z","created_by":"scripts/make-base-image.sh"}]}')
config_sha=$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)
printf '%s' "$config" >"$work/archive/$config_sha.json"
printf '[{"Config":"%s.json","RepoTags":["initkit-base:local"],"Layers":["%s/layer.tar"]}]' \
  "$config_sha" "$layer_sha" >"$work/archive/manifest.json"

# Entries named without a leading "./": Jib refuses to unpack those.
tar --create --file "$out" --directory "$work/archive" --sort=name --mtime=@0 --owner=0 \
  --group=0 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  manifest.json "$config_sha.json" "$layer_sha"
rm -rf "$work"
echo "base image: $out (layer sha256:$layer_sha)"
