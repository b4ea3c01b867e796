"""Find the students in SUBMISSIONS: a folder per student, a file per student, or a Gradescope export.

  folder per student   SUBMISSIONS/alice/hw.proof        student `alice`, every file in her folder
  file per student     SUBMISSIONS/bob.proof             student `bob`
  Gradescope export    SUBMISSIONS/submission_metadata.yml and SUBMISSIONS/submission_123/...
                       students: every submitter's `:sid:` (else email, else name, else the folder);
                       a group submission is graded once and recorded for each member

Hidden entries (`.DS_Store`, `__MACOSX`) are skipped. The top level of SUBMISSIONS is the
instructor's; inside a student's folder only what resolves inside that folder is read: a symbolic
link out of it (to the key, another student's work, any file of the grading machine) is skipped and
named in a message. A student id becomes a file name in the outputs through `safe_name`, which is
stable and never collides for two different ids.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass

from ..documents import FORMATS, PROOF_SUFFIX

GRADESCOPE_METADATA = "submission_metadata.yml"
MAX_FILES_PER_STUDENT = 200  # a submission with more files is cut here (and says so)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_FILE_LIKE = (PROOF_SUFFIX, *FORMATS)  # a folder named like this was meant to be a file


@dataclass(frozen=True)
class Submission:
    student: str
    files: tuple[tuple[str, str], ...]  # (name relative to the student's folder, path on disk)
    truncated: bool = False
    skipped: tuple[str, ...] = ()  # links out of the student's folder: never read, named in a message
    folders: tuple[str, ...] = ()  # folders named like a submission file (`hw.proof/`), named in a message


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__MACOSX"


def _inside(path: str, folder_real: str) -> bool:
    """Does `path` resolve (symbolic links followed) to the folder or something in it?"""
    real = os.path.realpath(path)
    return real == folder_real or real.startswith(folder_real.rstrip(os.sep) + os.sep)


@dataclass
class _Walk:
    files: list[tuple[str, str]]
    truncated: bool
    skipped: list[str]
    folders: list[str]


def _files_under(folder: str) -> _Walk:
    """A student's files (sorted, at most MAX_FILES_PER_STUDENT), what was skipped, and folders named
    like files. Links are followed only where they resolve inside the folder itself."""
    out = _Walk([], False, [], [])
    seen: set[str] = set()
    base = os.path.realpath(folder)
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        kept = []
        for d in sorted(d for d in dirs if not _hidden(d)):
            path = os.path.join(root, d)
            if not _inside(path, base):
                out.skipped.append(os.path.relpath(path, folder))
                continue
            if d.endswith(_FILE_LIKE):
                out.folders.append(os.path.relpath(path, folder))
            kept.append(d)
        dirs[:] = kept
        for nm in sorted(names):
            if _hidden(nm):
                continue
            path = os.path.join(root, nm)
            if not _inside(path, base):
                out.skipped.append(os.path.relpath(path, folder))
                continue
            out.files.append((os.path.relpath(path, folder), path))
            if len(out.files) >= MAX_FILES_PER_STUDENT:
                out.truncated = True
                return out
    return out


def discover(root: str) -> list[Submission]:
    """Every student in `root`, sorted by id; a path that is one file is one student."""
    if os.path.isfile(root):
        return [Submission(_stem(os.path.basename(root)), ((os.path.basename(root), root),))]
    if not os.path.isdir(root):
        raise FileNotFoundError(root)
    ids = _gradescope_ids(root)
    merged: dict[str, _Walk] = {}
    for entry in sorted(os.listdir(root)):
        if _hidden(entry) or entry == GRADESCOPE_METADATA:
            continue
        path = os.path.join(root, entry)
        if os.path.isdir(path):
            students, walk = ids.get(entry, [entry]), _files_under(path)
        elif os.path.isfile(path):
            students, walk = [_stem(entry)], _Walk([(entry, path)], False, [], [])
        else:
            continue
        for student in students:
            have = merged.setdefault(student, _Walk([], False, [], []))
            have.files += walk.files
            have.truncated |= walk.truncated
            have.skipped += walk.skipped
            have.folders += walk.folders
    return [_submission(s, merged[s]) for s in sorted(merged)]


def single(root: str, student: str = "student") -> Submission:
    """One student's submission (Gradescope's /autograder/submission, PrairieLearn's /grade/student)."""
    if os.path.isfile(root):
        return Submission(student, ((os.path.basename(root), root),))
    return _submission(student, _files_under(root))


def _submission(student: str, walk: _Walk) -> Submission:
    return Submission(student, tuple(walk.files), walk.truncated, tuple(walk.skipped), tuple(walk.folders))


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name.strip(".") else name


def _gradescope_ids(root: str) -> dict[str, list[str]]:
    """Folder name -> the id of every submitter (a group submission lists several; each gets the
    grade), from a Gradescope export's metadata (empty when there is none)."""
    path = os.path.join(root, GRADESCOPE_METADATA)
    if not os.path.isfile(path):
        return {}
    try:
        import yaml  # noqa: PLC0415  (the `grade` extra; only Gradescope exports need it)
    except ImportError:
        return {}
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    out: dict[str, list[str]] = {}
    if not isinstance(data, dict):
        return out
    for folder, meta in data.items():
        if not isinstance(meta, dict):
            continue
        people = meta.get(":submitters") or meta.get("submitters") or []
        found: list[str] = []
        for p in people if isinstance(people, list) else []:
            if not isinstance(p, dict):
                continue
            ident = next((str(p[k]) for k in (":sid", "sid", ":email", "email", ":name", "name") if p.get(k)), None)
            if ident and ident not in found:
                found.append(ident)
        if found:
            out[str(folder)] = found
    return out


def safe_name(student: str) -> str:
    """A file name for a student id: its safe characters, plus a short digest when any were changed."""
    clean = _UNSAFE.sub("_", student).strip("._") or "student"
    if clean == student and not student.startswith("."):
        return clean
    return f"{clean[:60]}-{hashlib.sha256(student.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
