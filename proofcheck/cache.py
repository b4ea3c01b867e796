"""The decision cache: a step decided once is not decided again while nothing it depends on changed.

An entry is addressed by a hash of everything the decision depends on: the two members' node trees
and the `Context` they are checked under (positions left out, so the same step in another file or on
another line shares the entry), the run's seed, the options that change verdicts, and the checker
itself: its version, a hash of its own source files and grammar, and the versions of Python and of
the libraries that decide (an edited or upgraded checker never trusts old entries: they live in
another folder). Only decisions that are a function of that key are stored (never a time or memory
budget exceeded, never one carrying located diagnostics), and only as JSON that reads back to exactly
the same values; nothing here is unpickled.

Where: `$XDG_CACHE_HOME/proofcheck` (default `~/.cache/proofcheck`) unless `Options.cache_dir` says
otherwise; one folder per user, whatever folder a run starts in or which files it names, so
pre-commit runs over different staged files still share entries. The cache is trusted: it must be
writable by its owner only (a forged entry would be believed, as a forged checker would).

Concurrent runs are safe: an entry is written to a temporary file in its folder and moved into place
with `os.replace`, so a reader sees a whole entry or none. An entry that cannot be read, does not
parse, is too large or fails validation is a miss: never a crash, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import fields, is_dataclass
from fractions import Fraction
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

FORMAT = 1  # of the entries; part of the folder name
MAX_ENTRY_BYTES = 1_000_000  # a decision's entry is a few KB; anything larger is not ours
DEPENDENCIES = ("sympy", "mpmath", "lark", "autograd", "numpy", "torch")  # whatever can change a verdict
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# proofcheck's decision cache (safe to delete)\n"


def default_dir() -> str | None:
    """`$XDG_CACHE_HOME/proofcheck`, else `~/.cache/proofcheck`; None without a home folder."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):  # the XDG spec: a relative value is ignored
        home = os.path.expanduser("~")
        if home == "~" or not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "proofcheck")


# ------------------------------------------------------------------ keys


def plain(x: Any) -> Any:
    """A node tree, Context or option as JSON-ready data; fields with `compare=False` (spans) left out.

    Every value is tagged with its type, so two different trees never encode alike.
    """
    if x is None or isinstance(x, (bool, str)):
        return x
    if isinstance(x, int):
        return ["int", str(x)]
    if isinstance(x, float):
        return ["float", x.hex()]
    if isinstance(x, Fraction):
        return ["Fraction", str(x)]
    if isinstance(x, (tuple, list)):
        return [type(x).__name__, [plain(v) for v in x]]
    if isinstance(x, (set, frozenset)):
        return [type(x).__name__, sorted((plain(v) for v in x), key=_text)]
    if isinstance(x, dict):
        return ["dict", sorted(([plain(k), plain(v)] for k, v in x.items()), key=_text)]
    if is_dataclass(x) and not isinstance(x, type):
        frozen = x.__dataclass_params__.frozen
        if frozen:
            hit = _PLAIN_MEMO.get(id(x))
            if hit is not None and hit[0] is x:
                return hit[1]
        cls = type(x)
        value = [f"{cls.__module__}.{cls.__qualname__}", [[f.name, plain(getattr(x, f.name))] for f in fields(x) if f.compare]]
        if frozen:
            if len(_PLAIN_MEMO) >= MAX_PLAIN_MEMO:
                _PLAIN_MEMO.clear()
            _PLAIN_MEMO[id(x)] = (x, value)
        return value
    raise TypeError(f"no key for a {type(x).__name__}")


# Frozen dataclasses (nodes, definitions, contexts) never change, so their plain form is remembered by
# identity (the object kept with it, so an id is not reused while its entry lives): the contexts of a
# file's chains share most of their definitions, and grading a class builds thousands of keys from them.
# The forms are shared: callers only serialise them, never change them.
MAX_PLAIN_MEMO = 100_000
_PLAIN_MEMO: dict[int, tuple[Any, Any]] = {}


def _text(x: Any) -> str:
    """A canonical text of plain data: the order of a set's elements in a key."""
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


def digest(*parts: Any) -> str:
    """The hex SHA-256 of parts that are already plain (see `plain`)."""
    return hashlib.sha256(_text(parts).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The checker's identity: a change to any of its source files, its grammar or a library that decides
    gives another fingerprint, so entries written by another checker are never read."""
    from . import __version__  # noqa: PLC0415
    from .parse import grammar_text  # noqa: PLC0415

    h = hashlib.sha256()
    h.update(f"{FORMAT}|{__version__}|{sys.version}|{sys.implementation.cache_tag}\n".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        h.update(f"{path.relative_to(package).as_posix()}\n".encode())
        h.update(path.read_bytes())
    h.update(grammar_text().encode("utf-8"))
    for name in DEPENDENCIES:
        h.update(f"|{name}={_dependency_version(name)}".encode())
    return h.hexdigest()


def _dependency_version(name: str) -> str:
    """Where a library is installed and its version, without importing it (imports cost start-up time)."""
    module = sys.modules.get(name)
    origin = getattr(module, "__file__", None) if module is not None else None
    if origin is None:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
    if not origin:
        return "absent"
    package = Path(origin).parent
    try:  # site-packages/NAME-VERSION.dist-info names the installed version
        infos = sorted(p for p in os.listdir(package.parent) if p.startswith(f"{name}-") and p.endswith((".dist-info", ".egg-info")))
        st = os.stat(origin)
    except OSError:
        return f"{origin}|unreadable"
    return f"{origin}|{','.join(infos)}|{st.st_size}|{st.st_mtime_ns}"


# ------------------------------------------------------------------ storage


class Cache:
    """Entries of one checker (one fingerprint) under a cache folder."""

    def __init__(self, root: str):
        self.root = Path(root)
        self.dir = self.root / f"v{FORMAT}-{fingerprint()[:24]}"

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        """The stored value, or None for a miss (absent, unreadable, corrupt or not this key's)."""
        try:
            with open(self._path(key), "rb") as fh:
                data = fh.read(MAX_ENTRY_BYTES + 1)
            if len(data) > MAX_ENTRY_BYTES:
                return None
            entry = json.loads(data.decode("utf-8"))
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            return None
        if not (isinstance(entry, dict) and set(entry) == {"format", "checker", "key", "sha256", "value"}
                and entry["format"] == FORMAT and entry["checker"] == fingerprint() and entry["key"] == key):
            return None
        try:
            if _value_hash(entry["value"]) != entry["sha256"]:
                return None  # damaged on disk
        except (TypeError, ValueError, RecursionError):
            return None
        return entry["value"]

    def put(self, key: str, value: Any) -> bool:
        """Store a JSON value exactly (False if it would not read back the same, or cannot be written)."""
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError, RecursionError):
            return False
        if not same(json.loads(text), value):
            return False  # a tuple, a non-string key or a NumPy float would come back as something else
        entry = {"format": FORMAT, "checker": fingerprint(), "key": key, "sha256": _value_hash(value), "value": value}
        path = self._path(key)
        tmp = None
        try:
            if not self.root.exists():
                _make_root(self.root)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False, allow_nan=False)  # key order kept: it is part of the value
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old entry, the new one, or none
            return True
        except OSError:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            return False


def open_cache(root: str | None) -> Cache | None:
    """The cache under `root` (None: no cache)."""
    return Cache(root) if root else None


def _make_root(root: Path) -> None:
    """Create the cache folder, tagged as a cache (CACHEDIR.TAG) and ignored by git."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "# created by proofcheck\n*\n")):
        path = root / name
        if not path.exists():
            path.write_text(text, encoding="utf-8")


def _value_hash(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def same(a: Any, b: Any) -> bool:
    """Equal, of the same types and with keys in the same order all the way down (`==` would take 1 for
    True, (1,) for [1], and dicts in any order; the report prints them as they are)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b
