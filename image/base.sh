#!/usr/bin/env bash
# Builds the base image of Lagebild's OCI image without a Docker daemon: a minimal Debian 13 (trixie) root file
# system made with debootstrap from Debian's own mirror, holding only the Java 21 runtime (openjdk-21-jre-headless),
# curl for the health check, CA certificates and one font family (PDF export), and the unprivileged user `lagebild`
# (uid/gid 10001). The result is a `docker save` tarball that Jib takes as its base (`tar://`), so nothing is pulled
# from a container registry.
#
#   image/base.sh [OUT]        default OUT: target/image/base.tar (rebuilt only when this script is newer)
#
# Needs root (debootstrap) and the Debian packages debootstrap and python3; the mirror is LAGEBILD_DEBIAN_MIRROR
# (default http://deb.debian.org/debian).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/image/base.tar}"
if [ -s "$out" ] && [ "$out" -nt image/base.sh ]; then
  echo "base image up to date: $out"
  exit 0
fi
mirror="${LAGEBILD_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work=$(mktemp -d /tmp/lagebild-base.XXXXXX)
trap 'umount "$work/rootfs/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
rootfs="$work/rootfs"

echo "debootstrap trixie from $mirror (about 1–2 minutes) ..."
debootstrap --variant=minbase \
  --include=openjdk-21-jre-headless,curl,ca-certificates,fontconfig,fonts-dejavu-core \
  trixie "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 || { tail -30 "$work/debootstrap.log"; exit 1; }

# what the image does not need at run time: package caches and lists, documentation, translations
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
  "$rootfs"/usr/share/info/* "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/var/cache/debconf/*-old
find "$rootfs"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'de*' ! -name 'locale.alias' -exec rm -rf {} +

# runtimes mount their own /etc/hosts and /etc/resolv.conf over these; without a runtime, localhost must resolve
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$rootfs/etc/hosts"
touch "$rootfs/etc/resolv.conf"

# the unprivileged user and the data volume
echo "lagebild:x:10001:10001:Lagebild:/data:/usr/sbin/nologin" >> "$rootfs/etc/passwd"
echo "lagebild:x:10001:" >> "$rootfs/etc/group"
echo "lagebild:!:20000::::::" >> "$rootfs/etc/shadow"
mkdir -p "$rootfs/data"
chown 10001:10001 "$rootfs/data"
chmod 0750 "$rootfs/data"
# the package versions inside, for the record (the SBOM of the application is in the jar)
chroot "$rootfs" dpkg-query -W -f '${Package}\t${Version}\n' > "$work/packages.tsv" 2>/dev/null \
  || (mount -t proc proc "$rootfs/proc" && chroot "$rootfs" dpkg-query -W -f '${Package}\t${Version}\n' > "$work/packages.tsv")
umount "$rootfs/proc" 2>/dev/null || true
cp "$work/packages.tsv" "$rootfs/etc/lagebild-base-packages.tsv"

mkdir -p "$(dirname "$out")"
python3 image/save_tar.py "$rootfs" "$out"
cp "$work/packages.tsv" "$(dirname "$out")/base-packages.tsv"
echo "base image written: $out ($(du -h "$out" | cut -f1), $(wc -l < "$work/packages.tsv") Debian packages)"
