#!/usr/bin/env python3
"""Assembles a minimal JRE base image from this machine's JDK, for Jib's `tar://` base.

Why: building the images needs a base image with a Java runtime, and a machine that reaches no
container registry cannot pull one (eclipse-temurin:21-jre, the default). This script makes one
from local files only: a jlink'd runtime of the newest JDK >= 21 under /usr/lib/jvm (or $JAVA_HOME)
at /opt/java/openjdk, the shared libraries it links against (found with ldd), /etc/passwd and
/etc/group naming the non-root user 65532, and an empty /tmp. The result is a `docker save`-format
tarball (manifest.json, config, one layer) that Jib reads with `tar://PATH`.

The runtime links against this machine's glibc, copied in, so the image runs wherever the
machine's architecture does. It is meant for building and checking images offline; for real
clusters use a maintained base image (the default).

Usage: local-base-image.py OUTPUT.tar
"""

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

MODULES = ",".join([
    "java.base", "java.logging", "java.management", "java.naming", "java.net.http",
    "java.security.jgss", "java.sql", "java.xml", "java.desktop", "java.instrument",
    "jdk.unsupported", "jdk.management", "jdk.crypto.ec", "jdk.naming.dns", "jdk.zipfs",
])
JAVA_HOME_IN_IMAGE = "opt/java/openjdk"
EPOCH = 0  # reproducible: every file gets the same mtime


def java_major(home):
    try:
        with open(os.path.join(home, "release"), encoding="utf-8") as f:
            m = re.search(r'^JAVA_VERSION="(\d+)', f.read(), re.M)
            return int(m.group(1)) if m else 0
    except OSError:
        return 0


def find_jdk():
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(os.environ["JAVA_HOME"])
    root = "/usr/lib/jvm"
    if os.path.isdir(root):
        candidates += [os.path.join(root, d) for d in sorted(os.listdir(root))]
    usable = [c for c in candidates
              if java_major(c) >= 21 and os.access(os.path.join(c, "bin", "jlink"), os.X_OK)]
    if not usable:
        sys.exit("local-base-image: no JDK >= 21 with jlink in $JAVA_HOME or /usr/lib/jvm")
    return max(usable, key=java_major)


def shared_libraries(runtime):
    """Absolute paths of the libraries outside the runtime that its binaries load."""
    libs = set()
    for dirpath, _, files in os.walk(runtime):
        for name in files:
            path = os.path.join(dirpath, name)
            if not (name.endswith(".so") or os.path.basename(dirpath) == "bin"):
                continue
            out = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
            for line in out.splitlines():
                m = re.search(r"(/\S+)\s+\(0x", line)
                if m and not m.group(1).startswith(runtime):
                    libs.add(m.group(1))
    # The dynamic loader and the name-service libraries glibc loads at run time (dlopen).
    for extra in ["/lib/x86_64-linux-gnu/libnss_files.so.2", "/lib/x86_64-linux-gnu/libnss_dns.so.2",
                  "/lib/x86_64-linux-gnu/libresolv.so.2"]:
        if os.path.exists(extra):
            libs.add(extra)
    return sorted(libs)


def add_file(tar, arcname, data, mode):
    info = tarfile.TarInfo(arcname)
    info.size, info.mode, info.mtime = len(data), mode, EPOCH
    tar.addfile(info, io.BytesIO(data))


def add_dir(tar, arcname, mode=0o755):
    info = tarfile.TarInfo(arcname)
    info.type, info.mode, info.mtime = tarfile.DIRTYPE, mode, EPOCH
    tar.addfile(info)


def layer(runtime, libs):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        dirs = set()

        def ensure_parents(path):
            parts = path.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                d = "/".join(parts[:i])
                if d and d not in dirs:
                    dirs.add(d)
                    add_dir(tar, d)

        add_dir(tar, "tmp", 0o1777)
        dirs.add("tmp")
        for d in ["etc", "opt", "opt/java"]:
            ensure_parents(d + "/x")
        add_file(tar, "etc/passwd", b"root:x:0:0:root:/root:/sbin/nologin\n"
                 b"nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n", 0o644)
        add_file(tar, "etc/group", b"root:x:0:\nnonroot:x:65532:\n", 0o644)
        add_file(tar, "etc/nsswitch.conf", b"hosts: files dns\npasswd: files\ngroup: files\n", 0o644)
        for lib in libs:
            real = os.path.realpath(lib)
            arc = lib.lstrip("/")
            ensure_parents(arc)
            with open(real, "rb") as f:
                add_file(tar, arc, f.read(), 0o755)
        for dirpath, dirnames, files in os.walk(runtime):
            dirnames.sort()
            rel = os.path.relpath(dirpath, runtime)
            base = JAVA_HOME_IN_IMAGE if rel == "." else JAVA_HOME_IN_IMAGE + "/" + rel
            ensure_parents(base + "/x")
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                with open(path, "rb") as f:
                    add_file(tar, base + "/" + name, f.read(), os.stat(path).st_mode & 0o777)
    return buf.getvalue()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    output = sys.argv[1]
    jdk = find_jdk()
    work = tempfile.mkdtemp(prefix="tributary-base-")
    try:
        runtime = os.path.join(work, "jre")
        subprocess.run([os.path.join(jdk, "bin", "jlink"), "--add-modules", MODULES,
                        "--strip-debug", "--no-man-pages", "--no-header-files",
                        "--output", runtime], check=True)
        layer_bytes = layer(runtime, shared_libraries(runtime))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {
            "Env": ["PATH=/" + JAVA_HOME_IN_IMAGE + "/bin:/usr/bin:/bin",
                    "JAVA_HOME=/" + JAVA_HOME_IN_IMAGE],
            "User": "65532:65532",
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created_by": "dist/images/local-base-image.py (jlink of "
                     + os.path.basename(jdk) + ")"}],
    }
    config_bytes = json.dumps(config, sort_keys=True).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    manifest = [{"Config": config_name, "RepoTags": ["tributary-local-jre:latest"],
                 "Layers": ["layer.tar"]}]
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with tarfile.open(output, "w") as out:
        add_file(out, config_name, config_bytes, 0o644)
        add_file(out, "layer.tar", layer_bytes, 0o644)
        add_file(out, "manifest.json", json.dumps(manifest).encode(), 0o644)
    print("local-base-image: wrote %s (%d MB, runtime of %s)"
          % (output, os.path.getsize(output) // (1 << 20), jdk))


if __name__ == "__main__":
    main()
