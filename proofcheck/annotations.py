"""Stage 6 for CI: results as GitHub Actions annotations or as a SARIF 2.1.0 log.

`--format github` prints one workflow command per diagnostic (`::error file=...,line=...::message`),
which a GitHub Actions runner turns into an annotation on the pull request's diff. `--format sarif`
prints one SARIF log (code scanning and most CI systems read it). Both are built from the same result
data as the text and JSON reports. A notebook's diagnostics are file-level (neither format has
notebook cells): the cell and line lead the message.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath, PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from . import __version__
from .diagnostics import CODES, Diagnostic
from .report import relabel, summary
from .results import FileResult
from .source import Source

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}
SARIF_LEVELS = {"error": "error", "warning": "warning", "note": "note"}
SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


# ------------------------------------------------------------------ GitHub Actions workflow commands


def escape_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF are percent-encoded (the runner decodes them)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, and `:` and `,` too (they delimit properties)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(d: Diagnostic, source: Source | None) -> str:
    """The message and its notes, one per line; a notebook's cell and line first."""
    text = "\n".join([relabel(source, d.message)] + [relabel(source, n) for n in d.notes])
    origin = source.origin(d.span.line) if source is not None else None
    return text if origin is None else f"cell {origin.cell}, line {origin.line}, column {d.span.column}: {text}"


def github_command(path: str, d: Diagnostic, source: Source | None) -> str:
    """One annotation. Columns only on a one-line span (GitHub ignores them otherwise); endColumn is the
    last column of the span (inclusive), proofcheck's end column is one past it."""
    props = [("file", path)]
    if source is None or source.origin(d.span.line) is None:
        props += [("line", str(d.span.line)), ("endLine", str(d.span.end_line))]
        if d.span.end_line == d.span.line:
            props += [("col", str(d.span.column)), ("endColumn", str(max(d.span.column, d.span.end_column - 1)))]
    props.append(("title", f"proofcheck {d.code} ({CODES[d.code].name})"))
    fields = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[d.severity]} {fields}::{escape_data(_message(d, source))}"


def render_github(results: list[FileResult], sources: dict[str, Source], out: TextIO) -> None:
    for r in results:
        for d in r.diagnostics:
            out.write(github_command(r.path, d, sources.get(r.path)) + "\n")
    s = summary(results)
    out.write(f"proofcheck: {s['files']} file(s), {s['steps']} step(s), {s['refuted']} refuted, {s['unknown']} unknown, "
              f"{s['goals_unmet']} goal(s) not met, {s['errors']} error(s), {s['warnings']} warning(s); seed "
              f"{results[0].seed if results else 0}\n")


# ------------------------------------------------------------------ SARIF 2.1.0


def artifact_uri(path: str) -> str:
    """A path as a SARIF artifact URI: relative paths stay relative (to the checkout), with `/` separators."""
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(PurePosixPath(*PurePath(path).parts).as_posix())


def _rules() -> list[dict[str, Any]]:
    return [{"id": c.code, "name": c.name, "shortDescription": {"text": c.summary},
             "defaultConfiguration": {"level": SARIF_LEVELS[c.severity]}} for c in CODES.values()]


def _result(path: str, d: Diagnostic, source: Source | None, rule_index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path)}}
    result: dict[str, Any] = {"ruleId": d.code, "ruleIndex": rule_index[d.code], "level": SARIF_LEVELS[d.severity],
                              "message": {"text": _message(d, source)}}
    origin = source.origin(d.span.line) if source is not None else None
    if origin is None:
        one_line = d.span.end_line == d.span.line
        region: dict[str, Any] = {"startLine": d.span.line, "startColumn": d.span.column, "endLine": d.span.end_line,
                                  "endColumn": max(d.span.end_column, d.span.column + 1) if one_line else d.span.end_column}
        if source is not None and source.line_text(d.span.line):
            region["snippet"] = {"text": source.line_text(d.span.line)}
        location["region"] = region
    else:
        result["properties"] = {"cell": origin.cell, "cellLine": origin.line, "cellColumn": d.span.column}
    result["locations"] = [{"physicalLocation": location}]
    return result


def to_sarif(results: list[FileResult], sources: dict[str, Source], seed: int) -> dict[str, Any]:
    """One run of proofcheck: every rule (diagnostic code) and every diagnostic as a result."""
    rules = _rules()
    rule_index = {r["id"]: k for k, r in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": "proofcheck", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",  # proofcheck counts columns in characters
            "results": [_result(r.path, d, sources.get(r.path), rule_index) for r in results for d in r.diagnostics],
            "properties": {"seed": seed, "summary": summary(results)},
        }],
    }


def render_sarif(results: list[FileResult], sources: dict[str, Source], seed: int, out: TextIO) -> None:
    json.dump(to_sarif(results, sources, seed), out, indent=2, ensure_ascii=False)
    out.write("\n")
