"""`proofcheck gradescope-bundle KEY`: a ready Gradescope autograder (setup.sh, run_autograder, the key).

The bundle carries this very proofcheck (its package files, copied from where it is installed) and
pins every dependency to the version installed here, so what Gradescope runs grades exactly as the
instructor's own `proofcheck grade` does. `autograder.zip` holds the files at its root, as Gradescope
requires; the folder holds the same files unzipped.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from importlib import metadata, resources

from .key import Key

REQUIREMENTS = ("sympy", "lark", "autograd", "numpy", "mpmath", "latex2mathml", "PyYAML")
ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed time stamps: the same key gives a byte-identical zip

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
set -euo pipefail
cd /autograder/source
apt-get install -y python3 python3-pip >/dev/null
python3 -m pip install --no-cache-dir -r requirements.txt || python3 -m pip install --no-cache-dir --break-system-packages -r requirements.txt
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for every submission: grade /autograder/submission against the key and write
# /autograder/results/results.json (AUTOGRADER_ROOT moves the whole tree, for trying it locally).
set -u
ROOT="${{AUTOGRADER_ROOT:-/autograder}}"
mkdir -p "$ROOT/results"
PYTHONPATH="$ROOT/source/lib${{PYTHONPATH:+:$PYTHONPATH}}" python3 -m proofcheck grade \\
    "$ROOT/source/{key}" "$ROOT/submission" --single gradescope --out "$ROOT/results" --jobs 1{extra}
"""


def _copy_package(package: str, dest: str) -> None:
    """Copy an installed package's files (Python and data) into `dest`."""
    root = resources.files(package)

    def walk(node, rel: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name == "__pycache__" or child.name.endswith((".pyc", ".pyo")):
                continue
            target = os.path.join(dest, rel, child.name)
            if child.is_dir():
                if package == "proofcheck" and rel == "" and child.name == "_grammar":
                    continue
                walk(child, os.path.join(rel, child.name))
            else:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as fh:
                    fh.write(child.read_bytes())

    walk(root, "")


def requirements() -> list[str]:
    out = []
    for name in REQUIREMENTS:
        try:
            out.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return out


def build(key: Key, out: str, feedback: str | None = None) -> str:
    """Write the bundle into `out`; return the path of autograder.zip."""
    os.makedirs(out, exist_ok=True)
    lib = os.path.join(out, "lib")
    if os.path.isdir(lib):
        shutil.rmtree(lib)
    _copy_package("proofcheck", os.path.join(lib, "proofcheck"))
    _copy_package("proofcheck._grammar", os.path.join(lib, "proofcheck", "_grammar"))
    key_name = "key.proof"
    shutil.copyfile(key.path, os.path.join(out, key_name))
    extra = f" --feedback {feedback}" if feedback else ""
    files = {"setup.sh": SETUP_SH, "run_autograder": RUN_AUTOGRADER.format(key=key_name, extra=extra),
             "requirements.txt": "\n".join(requirements()) + "\n"}
    for name, text in files.items():
        path = os.path.join(out, name)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        if name != "requirements.txt":
            os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    zpath = os.path.join(out, "autograder.zip")
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
        for root, dirs, names in os.walk(out):
            dirs.sort()
            for nm in sorted(names):
                path = os.path.join(root, nm)
                rel = os.path.relpath(path, out)
                if rel == "autograder.zip":
                    continue
                info = zipfile.ZipInfo(rel.replace(os.sep, "/"), ZIP_DATE)
                mode = 0o755 if nm in ("setup.sh", "run_autograder") else 0o644
                info.external_attr = (stat.S_IFREG | mode) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(path, "rb") as fh:
                    z.writestr(info, fh.read())
    return zpath
