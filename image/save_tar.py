#!/usr/bin/env python3
"""Writes a root file system as a one-layer image in the `docker save` format, which Jib reads as a base image
(`tar://…`): manifest.json, the image configuration and the layer. Owners are kept as numbers, times are set to
SOURCE_DATE_EPOCH (default 0) so that the same root file system gives the same layer.

usage: save_tar.py ROOTFS OUT.tar
"""
import hashlib
import io
import json
import os
import sys
import tarfile
import tempfile

rootfs, out = sys.argv[1], sys.argv[2]
epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))


def normalise(info):
    info.uname = ""
    info.gname = ""
    info.mtime = epoch
    return info


with tempfile.TemporaryDirectory() as tmp:
    layer = os.path.join(tmp, "layer.tar")
    with tarfile.open(layer, "w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(os.listdir(rootfs)):
            if name in ("proc", "sys", "dev"):
                # kept as empty directories; the runtime mounts them
                info = tar.gettarinfo(os.path.join(rootfs, name), arcname=name)
                tar.addfile(normalise(info))
                continue
            tar.add(os.path.join(rootfs, name), arcname=name, filter=normalise)
    digest = hashlib.sha256()
    with open(layer, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    diff_id = "sha256:" + digest.hexdigest()

    config = {
        "architecture": "amd64",
        "os": "linux",
        "created": "1970-01-01T00:00:00Z",
        "config": {
            "Env": [
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=/usr/lib/jvm/java-21-openjdk-amd64",
                "LANG=C.UTF-8",
            ],
            "Healthcheck": {
                "Test": ["CMD", "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/actuator/health/readiness"],
                "Interval": 30_000_000_000,
                "Timeout": 5_000_000_000,
                "StartPeriod": 60_000_000_000,
                "Retries": 3,
            },
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "image/base.sh (debootstrap trixie minbase)"}],
    }
    config_bytes = json.dumps(config, sort_keys=True).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    layer_name = diff_id.split(":")[1] + "/layer.tar"
    manifest = [{"Config": config_name, "RepoTags": ["lagebild-base:trixie"], "Layers": [layer_name]}]

    with tarfile.open(out + ".part", "w") as tar:
        def add_bytes(name, data):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = epoch
            tar.addfile(info, io.BytesIO(data))

        add_bytes(config_name, config_bytes)
        tar.add(layer, arcname=layer_name)
        add_bytes("manifest.json", json.dumps(manifest).encode())
    os.replace(out + ".part", out)
