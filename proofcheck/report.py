"""Stage 6, report: results to text (like a compiler) or to one JSON document.

Text: per file and problem, each step with its verdict mark; every diagnostic as
`path:line:col: severity[CODE]: message`, the source line, a caret underline and notes; a summary.
JSON: the documented contract (version 1), built from the same result data.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, TextIO

from .results import FileResult, StepResult
from .source import Source

MARKS = {"proved": "✓", "numeric": "≈", "refuted": "✗", "unknown": "?"}
COLORS = {"proved": "32", "numeric": "36", "refuted": "31", "unknown": "33", "error": "31", "warning": "33", "note": "36", "met": "32", "unmet": "31", "wrong": "31"}


class Style:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, key: str, bold: bool = False) -> str:
        if not self.color:
            return text
        code = COLORS.get(key, "0")
        return f"\x1b[{'1;' if bold else ''}{code}m{text}\x1b[0m"


def summary(results: list[FileResult]) -> dict[str, int]:
    steps = [s for r in results for p in r.problems for s in p.steps]
    return {
        "files": len(results),
        "steps": len(steps),
        "refuted": sum(1 for s in steps if s.verdict == "refuted"),
        "unknown": sum(1 for s in steps if s.verdict == "unknown"),
        "errors": sum(1 for r in results for d in r.diagnostics if d.severity == "error"),
        "warnings": sum(1 for r in results for d in r.diagnostics if d.severity == "warning"),
        "goals_unmet": sum(1 for r in results for p in r.problems for g in p.goals if g.status != "met"),
    }


def _step_line(s: StepResult, style: Style) -> str:
    mark = style(MARKS[s.verdict], s.verdict, bold=True)
    how = {"symbolic": "symbolically", "numeric": "numerically", "exact-at-point": "exactly at the given point",
           "numeric-at-point": "numerically at the given point", "interval": "by rounding", "exact": "exactly", "none": ""}.get(s.method, s.method)
    if s.verdict == "numeric" and s.method == "numeric":
        how = ""  # "numeric numerically" says nothing twice
    extra = []
    if s.kind == "refinement":
        extra.append("refinement")
    if s.compared_with == "last-accepted":
        extra.append(f"against line {s.lhs_line}, the last accepted")
    if s.holds_in_general is False and s.verdict in ("proved", "numeric"):
        extra.append("not in general")
    if s.method == "numeric" and s.evidence.points:
        extra.append(f"{s.evidence.points} point{'s' if s.evidence.points != 1 else ''}, seed {s.evidence.seed}")
    if s.justification:
        extra.append(f"by {s.justification}" if not s.justification.startswith("\\") else s.justification)
    if s.autodiff:
        ad = s.autodiff
        if ad.get("backend") == "off":
            extra.append("autodiff cross-check off")
        elif ad.get("agrees") is None:
            extra.append(f"autodiff {ad.get('backend')}: " + ("the point is on a kink" if ad.get("on_kink") else "no point to compare at"))
        else:
            verb = "agrees" if ad.get("agrees") else "DISAGREES"
            extra.append(f"autodiff {ad.get('backend')} {verb} at {ad.get('points')} point{'s' if ad.get('points') != 1 else ''}")
    tail = f" ({'; '.join(extra)})" if extra else ""
    words = " ".join(w for w in (s.verdict, how) if w)
    return f"    {mark} {s.line}:{s.column}  {words}{tail}".rstrip()


def render_diagnostic(path: str, d, source: Source | None, style: Style) -> str:
    head = f"{path}:{d.span.line}:{d.span.column}: {style(d.severity, d.severity, bold=True)}[{d.code}]: {d.message}"
    lines = [head]
    if source is not None:
        text = source.line_text(d.span.line)
        if text:
            shown = text if len(text) <= 200 else text[: 200] + "…"
            num = str(d.span.line)
            width = max(1, (d.span.end_column - d.span.column) if d.span.end_line == d.span.line else 1)
            width = min(width, max(1, len(shown) - d.span.column + 1))
            lines.append(f" {num} | {shown}")
            lines.append(f" {' ' * len(num)} | {' ' * (d.span.column - 1)}{style('^' * width, d.severity)}")
    for note in d.notes:
        lines.append(f"   = note: {note}")
    return "\n".join(lines)


def render_text(results: list[FileResult], sources: dict[str, Source], out: TextIO, color: bool = False) -> None:
    style = Style(color)
    for r in results:
        out.write(f"{r.path}\n")
        for p in r.problems:
            title = f' "{p.title}"' if p.title else ""
            status = style("ok", "proved") if p.ok else style("FAILED", "refuted", bold=True)
            out.write(f"  problem {p.name}{title}: {status}\n")
            for s in p.steps:
                out.write(_step_line(s, style) + "\n")
            for g in p.goals:
                out.write(f"    {style('goal', g.status)} {g.kind} at {g.line}:{g.column}: {style(g.status, g.status, bold=True)}"
                          f"{' - ' + g.message if g.message else ''}\n")
        for d in r.diagnostics:
            out.write(render_diagnostic(r.path, d, sources.get(r.path), style) + "\n")
    s = summary(results)
    seed = results[0].seed if results else 0
    out.write(f"summary: {s['files']} file(s), {s['steps']} step(s), {s['refuted']} refuted, {s['unknown']} unknown, "
              f"{s['goals_unmet']} goal(s) not met, {s['errors']} error(s), {s['warnings']} warning(s); seed {seed}\n")


def _diag_json(d) -> dict[str, Any]:
    return {"code": d.code, "severity": d.severity, "message": d.message, "line": d.span.line, "column": d.span.column,
            "end_line": d.span.end_line, "end_column": d.span.end_column, "notes": list(d.notes)}


def to_json(results: list[FileResult], seed: int) -> dict[str, Any]:
    files = []
    for r in results:
        files.append({
            "path": r.path,
            "ok": r.ok,
            "diagnostics": [_diag_json(d) for d in r.diagnostics],
            "problems": [{
                "name": p.name, "title": p.title, "line": p.line, "end_line": p.end_line, "ok": p.ok, "errors": p.errors,
                # `seconds` (wall time) stays in the result data but not in the JSON: same input and seed, same bytes
                "steps": [{**{k: v for k, v in asdict(s).items() if k not in ("evidence", "seconds")}, "evidence": asdict(s.evidence)} for s in p.steps],
                "goals": [asdict(g) for g in p.goals],
                "chains": [asdict(c) for c in p.chains],
            } for p in r.problems],
        })
    s = summary(results)
    return {"version": 1, "seed": seed, "files": files,
            "summary": {k: s[k] for k in ("files", "steps", "refuted", "unknown", "errors")} | {"warnings": s["warnings"], "goals_unmet": s["goals_unmet"]}}


def render_json(results: list[FileResult], seed: int, out: TextIO) -> None:
    json.dump(to_json(results, seed), out, indent=2, sort_keys=False, ensure_ascii=False)
    out.write("\n")
