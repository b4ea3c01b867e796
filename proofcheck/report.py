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


def _runs(values: list[int]) -> str:
    """[1, 2, 3, 4, 9] -> "1..4, 9": consecutive runs of three or more joined by `..`."""
    out, k = [], 0
    values = sorted(values)
    while k < len(values):
        j = k
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        out.append(f"{values[k]}..{values[j]}" if j - k >= 2 else ", ".join(str(v) for v in values[k:j + 1]))
        k = j + 1
    return ", ".join(out)


MAX_SIZE_TUPLES = 4  # several sizes: up to this many choices are listed, more are counted


def _sizes_text(choices: list, names: list[str]) -> str:
    """The size choices of Evidence.sizes in words: `N = 1..4`, `(N, M) = (1, 2), (2, 1)`, or with many
    `9 choices of (N, M) in 1..3`."""
    if not choices:
        return ""
    if not isinstance(choices[0], dict):
        return f"{names[0] if names else 'N'} = {_runs(choices)}"
    keys = list(choices[0])
    if len(choices) > MAX_SIZE_TUPLES:
        values = [v for c in choices for v in c.values()]
        return f"{len(choices)} choices of ({', '.join(keys)}) in {min(values)}..{max(values)}"
    shown = ", ".join("(" + ", ".join(str(c[k]) for k in keys) + ")" for c in choices)
    return f"({', '.join(keys)}) = {shown}"


def _size_names(s: StepResult) -> list[str]:
    for inst in s.evidence.instances:
        if inst.get("sizes"):
            return list(inst["sizes"])
    return []


def _size_word(names: list[str]) -> str:
    return names[0] if len(names) == 1 else "(" + ", ".join(names) + ")"


def guarantee_text(s: StepResult) -> str:
    """The guarantee of a verdict in words (docs/language.md, "Guarantee levels")."""
    ev = s.evidence
    sizes = ev.sizes or {}
    held = sizes.get("held") or {}
    names = [x for x in _size_names(s) if x not in held]
    checked = ""
    if sizes:
        parts = []
        if sizes.get("exact"):
            parts.append(f"{_sizes_text(sizes['exact'], names)} exactly")
        if sizes.get("numeric"):
            parts.append(f"{_sizes_text(sizes['numeric'], names)} numerically")
        if sizes.get("skipped"):
            parts.append(f"{_sizes_text(sizes['skipped'], names)} not checked (too large)")
        if held:  # sizes the step cannot depend on (in no shape, range or number it reaches)
            parts.append(", ".join(held) + f" held at {_runs(sorted(set(held.values())))} (not used by the step)")
        checked = ", ".join(parts)
    g = ev.guarantee
    if g == "all-values-all-sizes":
        every = f" and every {_size_word(names)}" if names and s.method == "symbolic-n" else ""
        return f"for all values{every}"
    if g == "all-values-sizes-checked":
        return f"for {checked}" if checked else ""
    if g == "at-given-point":
        return "at the given point" + (f", for {checked}" if checked else "")
    if g == "sampled-points":
        pts = f"at {ev.points} sampled point{'s' if ev.points != 1 else ''}"
        return pts + (f", for {checked}" if checked else "")
    if g == "rounding":
        return "by rounding"
    if g == "counterexample" and s.method == "exact-at-point":
        return "at the given point"
    if s.verdict == "unknown" and checked:
        return f"({checked})"
    return ""


def _step_line(s: StepResult, style: Style, source: Source | None = None) -> str:
    mark = style(MARKS[s.verdict], s.verdict, bold=True)
    return f"    {mark} {where(source, s.line, s.column)}  {relabel(source, describe_step(s))}".rstrip()


def describe_step(s: StepResult) -> str:
    """A step's verdict, what backs it (its guarantee) and how it was reached, in words (the text
    report, an editor's hover)."""
    how = {"symbolic": "symbolically", "symbolic-n": f"symbolically in {', '.join(_size_names(s))}" if _size_names(s) else "symbolically",
           "symbolic-sizes": "symbolically at each size",
           "numeric": "numerically", "exact-at-point": "exactly", "numeric-at-point": "numerically",
           "interval": "", "exact": "exactly", "none": ""}.get(s.method, s.method)
    extra = []
    if s.verdict in ("proved", "numeric") and how and s.method not in ("exact-at-point", "numeric-at-point", "exact", "numeric"):
        extra.append(how)  # accepted: the guarantee leads, the method follows in brackets
        how = ""
    if s.verdict == "numeric" and s.method == "numeric":
        how = ""
    if s.kind == "refinement":
        extra.append("refinement")
    if s.compared_with == "last-accepted":
        extra.append(f"against line {s.lhs_line}, the last accepted")
    if s.holds_in_general is False and s.verdict in ("proved", "numeric"):
        extra.append("not in general")
    if s.evidence.guarantee == "sampled-points" or (s.verdict == "refuted" and s.method == "numeric"):
        extra.append(f"seed {s.evidence.seed}")
    if s.justification:
        extra.append(f"by {s.justification}" if not s.justification.startswith("\\") else s.justification)
    if s.autodiff:
        ad = s.autodiff
        if ad.get("backend") == "off":
            extra.append("autodiff cross-check off")
        elif ad.get("agrees") is None:
            extra.append(f"autodiff {ad.get('backend')}: " + (
                "the point is on a kink" if ad.get("on_kink")
                else "float64 cannot evaluate this derivative to 10 digits here" if ad.get("ill_conditioned")
                else "no point to compare at"))
        else:
            verb = "agrees" if ad.get("agrees") else "DISAGREES"
            extra.append(f"autodiff {ad.get('backend')} {verb} at {ad.get('points')} point{'s' if ad.get('points') != 1 else ''}"
                         + (", the counterexample's among them" if ad.get("at_counterexample")
                            else ", not at the counterexample" if ad.get("at_counterexample") is False else ""))
    tail = f" ({'; '.join(extra)})" if extra else ""
    words = " ".join(w for w in (s.verdict, how, guarantee_text(s)) if w)
    return f"{words}{tail}"


def where(source: Source | None, line: int, column: int) -> str:
    """`line:column` as the user finds it (a notebook's `cell_N:line:column`)."""
    return source.where(line, column) if source is not None else f"{line}:{column}"


def relabel(source: Source | None, message: str) -> str:
    """A message's `line N` as the user finds it (a notebook's `cell 3, line 2`)."""
    return source.relabel(message) if source is not None else message


def render_diagnostic(path: str, d, source: Source | None, style: Style) -> str:
    head = f"{path}:{where(source, d.span.line, d.span.column)}: {style(d.severity, d.severity, bold=True)}[{d.code}]: {relabel(source, d.message)}"
    lines = [head]
    if source is not None:
        text = source.line_text(d.span.line)
        if text:
            shown = text if len(text) <= 200 else text[: 200] + "…"
            origin = source.origin(d.span.line)
            num = str(d.span.line if origin is None else origin.line)
            width = max(1, (d.span.end_column - d.span.column) if d.span.end_line == d.span.line else 1)
            width = min(width, max(1, len(shown) - d.span.column + 1))
            lines.append(f" {num} | {shown}")
            lines.append(f" {' ' * len(num)} | {' ' * (d.span.column - 1)}{style('^' * width, d.severity)}")
    for note in d.notes:
        lines.append(f"   = note: {relabel(source, note)}")
    return "\n".join(lines)


def render_text(results: list[FileResult], sources: dict[str, Source], out: TextIO, color: bool = False) -> None:
    style = Style(color)
    for r in results:
        source = sources.get(r.path)
        out.write(f"{r.path}\n")
        for p in r.problems:
            title = f' "{p.title}"' if p.title else ""
            status = style("ok", "proved") if p.ok else style("FAILED", "refuted", bold=True)
            out.write(f"  problem {p.name}{title}: {status}\n")
            for s in p.steps:
                out.write(_step_line(s, style, source) + "\n")
            for g in p.goals:
                out.write(f"    {style('goal', g.status)} {g.kind} at {where(source, g.line, g.column)}: {style(g.status, g.status, bold=True)}"
                          f"{' - ' + relabel(source, g.message) if g.message else ''}\n")
        for d in r.diagnostics:
            out.write(render_diagnostic(r.path, d, source, style) + "\n")
    s = summary(results)
    seed = results[0].seed if results else 0
    out.write(f"summary: {s['files']} file(s), {s['steps']} step(s), {s['refuted']} refuted, {s['unknown']} unknown, "
              f"{s['goals_unmet']} goal(s) not met, {s['errors']} error(s), {s['warnings']} warning(s); seed {seed}\n")


def cell_fields(source: Source | None, line: int) -> dict[str, int]:
    """A notebook position's cell and line in that cell (JSON's `cell`, `cell_line`); nothing elsewhere."""
    o = source.origin(line) if source is not None else None
    return {} if o is None else {"cell": o.cell, "cell_line": o.line}


def _diag_json(d, source: Source | None = None) -> dict[str, Any]:
    return {"code": d.code, "severity": d.severity, "message": relabel(source, d.message), "line": d.span.line, "column": d.span.column,
            "end_line": d.span.end_line, "end_column": d.span.end_column, **cell_fields(source, d.span.line),
            "notes": [relabel(source, n) for n in d.notes]}


def to_json(results: list[FileResult], seed: int, sources: dict[str, Source] | None = None) -> dict[str, Any]:
    """The JSON document; with `sources`, a notebook's positions also give their cell (`cell`, `cell_line`)."""
    files = []
    for r in results:
        source = (sources or {}).get(r.path)
        files.append({
            "path": r.path,
            "ok": r.ok,
            "diagnostics": [_diag_json(d, source) for d in r.diagnostics],
            "problems": [{
                "name": p.name, "title": p.title, "line": p.line, "end_line": p.end_line, **cell_fields(source, p.line),
                "ok": p.ok, "errors": p.errors,
                # what a step cost (`seconds`, `cached`) stays in the result data but not in the JSON: same input and seed, same bytes
                "steps": [{**{k: v for k, v in asdict(s).items() if k not in ("evidence", "seconds", "cached")},
                           **cell_fields(source, s.line), "evidence": asdict(s.evidence)} for s in p.steps],
                "goals": [{**asdict(g), "message": relabel(source, g.message), **cell_fields(source, g.line)} for g in p.goals],
                "chains": [{**asdict(c), **cell_fields(source, c.line)} for c in p.chains],
            } for p in r.problems],
        })
    s = summary(results)
    return {"version": 1, "seed": seed, "files": files,
            "summary": {k: s[k] for k in ("files", "steps", "refuted", "unknown", "errors")} | {"warnings": s["warnings"], "goals_unmet": s["goals_unmet"]}}


def render_json(results: list[FileResult], seed: int, out: TextIO, sources: dict[str, Source] | None = None) -> None:
    json.dump(to_json(results, seed, sources), out, indent=2, sort_keys=False, ensure_ascii=False)
    out.write("\n")
