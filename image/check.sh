#!/usr/bin/env bash
# Checks the OCI image written by `./lagebild image` and starts it as a container runtime would, without one
# (no Docker engine runs here and podman cannot create containers in this sandbox):
#   1. the configuration: a non-root user, the data volume, the port, the health check, the entry point;
#   2. the layers: unpacked in order into a root file system; nothing outside /data and /tmp is writable by the
#      image's user, the application's files belong to root;
#   3. the start: in its own mount namespace the root file system is mounted READ-ONLY, /tmp is a tmpfs, /data an
#      empty directory of the host, /proc and /dev as a runtime provides them; the entry point runs there in a chroot
#      as the image's user with exactly the image's environment (plus the demo switch and a free port);
#   4. the image's own health check command (curl inside the image) must report ready; the demo's public pages, the
#      offers' PDF brochure (fonts inside the image) and the readiness endpoint must answer; the database and the log
#      file must be in /data; SIGTERM must stop it cleanly.
#
#   image/check.sh [IMAGE_TAR]      default target/image/lagebild-image.tar; needs root (mount namespaces)
set -euo pipefail
cd "$(dirname "$0")/.."
tar_file="${1:-target/image/lagebild-image.tar}"
[ -s "$tar_file" ] || { echo "no image at $tar_file (./lagebild image)" >&2; exit 1; }
work=$(mktemp -d /tmp/lagebild-image-check.XXXXXX)
pid=""
cleanup() {
  # the child changed its user, so unshare's --kill-child does not reach it: stop it first
  if [ -n "$pid" ]; then pkill -KILL -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; sleep 1; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "IMAGE CHECK FAILED: $*" >&2; [ -f "$work/stdout" ] && tail -40 "$work/stdout" >&2; exit 1; }

mkdir -p "$work/image" "$work/rootfs" "$work/data"
tar -xf "$tar_file" -C "$work/image"

# 1. configuration
python3 - "$work/image" > "$work/config.env" <<'EOF' || fail "configuration"
import json, shlex, sys
d = sys.argv[1]
manifest = json.load(open(f"{d}/manifest.json"))[0]
cfg = json.load(open(f"{d}/{manifest['Config']}"))["config"]
user = cfg.get("User", "")
uid = user.split(":")[0]
assert uid and uid not in ("0", "root"), f"image runs as root ({user!r})"
assert "/data" in cfg.get("Volumes", {}), "no volume /data"
assert "8080/tcp" in cfg.get("ExposedPorts", {}), "port 8080 not exposed"
hc = cfg.get("Healthcheck", {}).get("Test", [])
assert hc[:1] == ["CMD"] and any("readiness" in a for a in hc), f"no readiness health check: {hc}"
ep = cfg.get("Entrypoint", [])
assert ep and ep[0] == "java", f"entry point: {ep}"
assert len(manifest["Layers"]) >= 3, "base, dependencies and application should be separate layers"
print("IMAGE_USER=" + shlex.quote(user))
print("IMAGE_WORKDIR=" + shlex.quote(cfg.get("WorkingDir", "/")))
print("IMAGE_ENTRYPOINT=(" + " ".join(shlex.quote(a) for a in ep + cfg.get("Cmd", []) or []) + ")")
print("IMAGE_HEALTHCHECK=(" + " ".join(shlex.quote(a) for a in hc[1:]) + ")")
print("IMAGE_ENV=(" + " ".join(shlex.quote(e) for e in cfg.get("Env", [])) + ")")
print("IMAGE_LAYERS=(" + " ".join(shlex.quote(l) for l in manifest["Layers"]) + ")")
EOF
# shellcheck disable=SC1091
source "$work/config.env"
echo "configuration: user $IMAGE_USER, volume /data, port 8080, health check, ${#IMAGE_LAYERS[@]} layers"

# 2. layers, in order (whiteouts would mark deletions; the layers here have none, which is checked)
for layer in "${IMAGE_LAYERS[@]}"; do
  if tar -tzf "$work/image/$layer" --warning=no-unknown-keyword | grep -q '\.wh\.'; then fail "layer $layer has whiteouts (not handled here)"; fi
  tar -xzf "$work/image/$layer" -C "$work/rootfs" --numeric-owner --warning=no-unknown-keyword
done
uid="${IMAGE_USER%%:*}"
writable=$(find "$work/rootfs" -xdev \( -path "$work/rootfs/data" -o -path "$work/rootfs/tmp" -o -path "$work/rootfs/proc" \
  -o -path "$work/rootfs/dev" -o -path "$work/rootfs/sys" -o -path "$work/rootfs/var/tmp" -o -path "$work/rootfs/var/lock" \
  -o -path "$work/rootfs/run/lock" \) -prune -o \( -uid "$uid" -o \( -perm -0002 ! -type l \) \) -print | head -5)
[ -z "$writable" ] || fail "writable for the image's user outside /data and /tmp: $writable"
[ "$(stat -c %u "$work/rootfs/app/jib-classpath-file")" = 0 ] || fail "application files not owned by root"
echo "layers: unpacked ($(du -sh "$work/rootfs" | cut -f1)); nothing outside /data and /tmp writable for uid $uid"

# 3. start, read-only root
port=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
chown "$IMAGE_USER" "$work/data"
r="$work/rootfs"
cat > "$work/run.sh" <<EOF
set -e
mount --bind "$r" "$r"
mount -o remount,bind,ro "$r"
mount -t proc proc "$r/proc"
mount --rbind /dev "$r/dev"
mount -t tmpfs -o mode=1777,size=256m tmpfs "$r/tmp"
mount --bind "$work/data" "$r/data"
mount --bind /etc/hosts "$r/etc/hosts"
exec chroot --userspec="$IMAGE_USER" "$r" /usr/bin/env -i \
  $(printf '%q ' "${IMAGE_ENV[@]}") LAGEBILD_DEMO=true SERVER_PORT=$port \
  /bin/sh -c 'cd $(printf '%q' "$IMAGE_WORKDIR") && exec "\$@"' image $(printf '%q ' "${IMAGE_ENTRYPOINT[@]}")
EOF
unshare -m --propagation private --fork --kill-child /bin/bash "$work/run.sh" > "$work/stdout" 2>&1 &
pid=$!

# 4. the image's health check, then pages
health=("${IMAGE_HEALTHCHECK[@]/:8080\//:$port/}")
ready=""
for _ in $(seq 1 150); do
  kill -0 "$pid" 2>/dev/null || fail "the container's process ended during start"
  if chroot "$r" "${health[@]}" 2>/dev/null; then ready=yes; break; fi
  sleep 1
done
[ -n "$ready" ] || fail "not ready after 150 s"
echo "start: ready (the image's health check: ${health[*]})"
base="http://127.0.0.1:$port"
for path in / /nordhausen/angebote /nordhausen/atlas; do
  code=$(curl -s -L -o "$work/page" -w '%{http_code}' "$base$path")
  [ "$code" = 200 ] || fail "GET $path answered $code"
  grep -q 'lang="de"' "$work/page" || fail "GET $path is not the German page"
done
curl -s -o "$work/brochure.pdf" -w '%{http_code}' "$base/nordhausen/angebote/broschuere" | grep -q 200 \
  || fail "brochure PDF"
head -c 5 "$work/brochure.pdf" | grep -q '%PDF-' || fail "brochure is not a PDF"
curl -s "$base/actuator/health/readiness" | grep -q '"UP"' || fail "readiness not UP"
[ -s "$work/data/lagebild.db" ] || fail "no database in /data"
[ -s "$work/data/logs/lagebild.log" ] || fail "no log file in /data/logs"
[ "$(stat -c %u "$work/data/lagebild.db")" = "$uid" ] || fail "database not owned by the image's user"
if grep -q -E "Read-only file system|AccessDeniedException" "$work/stdout"; then
  fail "the application tried to write outside /data and /tmp"
fi
echo "pages: / , offers, atlas, brochure PDF ($(stat -c %s "$work/brochure.pdf") bytes), readiness UP; database and log in /data"

pkill -TERM -P "$pid" # the entry point's process (unshare's child), as a runtime stops a container
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then fail "still running 30 s after SIGTERM"; fi
pid=""
grep -q -i "graceful\|Shutdown\|Closing" "$work/stdout" || echo "(no shutdown line in the log)"
echo "IMAGE CHECK PASSED: $tar_file"
