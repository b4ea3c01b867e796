"""Feedback pages: the student's derivation with rendered math, every step marked, goals and points.

Math is MathML made here by latex2mathml, which every current browser renders natively: a page is
one self-contained file (inline CSS, no script, nothing fetched), so it can be mailed, uploaded to
an LMS or opened offline. What a page shows follows the feedback level (outputs.py): `steps` hides
counterexample values, `score` hides the steps.
"""

from __future__ import annotations

import functools
import html
import os
import re
from html.parser import HTMLParser

from ..pipeline import load
from ..source import Source
from .key import Key
from .model import ProblemRecord, StepRecord, StudentRecord
from .outputs import _num, goal_status, visible_note, visible_notes, visible_text

MATHML_MEMO = 20_000  # distinct LaTeX pieces whose MathML is remembered within a run
from .submissions import Submission, safe_name

KEYWORDS = ("problem", "let", "index", "assume", "at", "show", "find", "case", "lemma", "network", "input", "dense", "batch")
_KEYWORD = re.compile(r"^\s*(" + "|".join(KEYWORDS) + r")\b(\s+[A-Za-z][\w-]*\s*:)?")
TEXT_LINES = ("problem", "network", "input", "dense", "batch")  # no math on these lines
_BY = re.compile(r"\s+by\s+([A-Za-z][\w-]*)\s*$")
MARKS = {  # grade -> (symbol, css class, words)
    "accepted": ("✓", "ok", "accepted"),
    "carried": ("↪", "carried", "accepted, carrying your earlier mistake"),
    "refuted": ("✗", "bad", "does not follow"),
    "unknown": ("?", "unknown", "could not be decided"),
    "jumped": ("⤳", "jumped", "does not follow from the line before it"),
    "at-point": ("·", "unknown", "holds only at the given point (not credited)"),
    "void": ("⊘", "bad", "not credited: after a changed definition"),
}
SEVERITY_ORDER = ("refuted", "void", "jumped", "unknown", "at-point", "carried", "accepted")

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
.pts{float:right;font-weight:normal}.total{font-size:1.2rem}
table{border-collapse:collapse}td,th{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
ol.lines{list-style:none;padding:0;font-size:1.05rem}
li.line{display:grid;grid-template-columns:3rem 2rem 1fr;align-items:baseline;padding:.15rem 0}
.lineno{color:#888;font-family:monospace;text-align:right;padding-right:.5rem}
.mark{font-weight:bold;font-size:1.2rem}
.ok .mark,.mark.ok{color:#1a7f37}.bad .mark,.mark.bad{color:#cf222e}.carried .mark,.mark.carried{color:#0969da}
.unknown .mark,.mark.unknown{color:#bf8700}.jumped .mark,.mark.jumped{color:#6e7781}
li.bad{background:#ffebe9}li.unknown{background:#fff8c5}li.carried{background:#ddf4ff}
.note{grid-column:3;color:#444;font-size:.9rem;margin:.1rem 0 .3rem}
.kw{font-weight:bold;color:#8250df;margin-right:.4rem}.by{color:#555;font-style:italic;margin-left:.6rem}
.msg{margin:.2rem 0}.review{color:#cf222e;font-weight:bold}
math{font-size:1.1em}
"""


@functools.lru_cache(maxsize=MATHML_MEMO)
def to_mathml(latex: str) -> str:
    """MathML for a piece of LaTeX, sanitised (`safe_mathml`); escaped text when the converter cannot
    read it (never an error). A pure function of the text, remembered: a class writes the same lines."""
    text = latex.replace("&", " ").strip()
    if not text:
        return ""
    try:
        from latex2mathml.converter import convert  # noqa: PLC0415  (the `grade` extra)
        return safe_mathml(convert(text))
    except Exception:  # a rendering failure shows the source instead; it never changes a grade
        return f"<code>{html.escape(text)}</code>"


# what a feedback page may carry of the converter's output: MathML's presentation elements and their
# layout attributes, nothing that links, loads, runs or styles (no href, src, style, on..., maction,
# annotation-xml, mglyph)
MATHML_ELEMENTS = frozenset({
    "math", "semantics", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "mfrac", "msqrt", "mroot", "mstyle",
    "merror", "mpadded", "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover",
    "munderover", "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr"})
MATHML_ATTRIBUTES = frozenset({
    "display", "mathvariant", "stretchy", "fence", "separator", "separators", "lspace", "rspace", "accent",
    "accentunder", "linethickness", "columnalign", "rowalign", "columnspacing", "rowspacing", "columnlines",
    "rowlines", "frame", "framespacing", "displaystyle", "scriptlevel", "movablelimits", "largeop", "symmetric",
    "minsize", "maxsize", "form", "notation", "open", "close", "width", "height", "depth", "mathsize", "mathcolor",
    "mathbackground", "align", "denomalign", "numalign", "bevelled", "voffset"})
MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML"
_PLAIN_VALUE = re.compile(r"[#\w .%+-]{0,64}")  # lengths, colours, keywords: nothing a browser would load or run


class _Sanitiser(HTMLParser):
    """Rebuild MathML from its allowed elements and attributes; everything else is dropped, every text
    escaped. The converter copies `\\text{...}` verbatim, so its output is untrusted markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def _start(self, tag: str, attrs, empty: bool) -> None:
        if tag not in MATHML_ELEMENTS:
            return
        kept = []
        for name, value in attrs:
            value = value or ""
            if name == "xmlns" and value == MATHML_NAMESPACE or name in MATHML_ATTRIBUTES and _PLAIN_VALUE.fullmatch(value):
                kept.append(f' {name}="{html.escape(value, quote=True)}"')
        self.out.append(f"<{tag}{''.join(kept)}{'/' if empty else ''}>")
        if not empty:
            self.open.append(tag)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, True)

    def handle_endtag(self, tag):
        if tag in self.open:  # close up to it; a stray end tag is dropped
            while self.open:
                top = self.open.pop()
                self.out.append(f"</{top}>")
                if top == tag:
                    break

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{t}>" for t in reversed(self.open))


def safe_mathml(markup: str) -> str:
    """Markup reduced to allowed MathML (see MATHML_ELEMENTS) with every text escaped."""
    s = _Sanitiser()
    s.feed(markup)
    return s.result()


def render_line(code: str) -> str:
    """One source line: its keyword as text, the rest as math, a `by NAME` as text."""
    out = []
    m = _KEYWORD.match(code)
    if m:
        out.append(f'<span class="kw">{html.escape(m.group(0).strip())}</span>')
        code = code[m.end():]
        if m.group(1) in TEXT_LINES:
            return "".join(out) + html.escape(code.strip())
    by = _BY.search(code)
    if by:
        code = code[:by.start()]
    out.append(to_mathml(code))
    if by:
        out.append(f'<span class="by">by {html.escape(by.group(1))}</span>')
    return "".join(out)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _worst(steps: list[StepRecord]) -> str:
    return min((s.grade for s in steps), key=SEVERITY_ORDER.index)


def _problem_section(p: ProblemRecord, key: Key, sources: dict[str, Source], level: str) -> str:
    kp = key.problem(p.name)
    parts = [f'<section class="problem" id="p-{html.escape(p.name)}">',
             f'<h2>{html.escape(p.name)}{(" — " + html.escape(kp.title)) if kp and kp.title else ""}'
             f'<span class="pts" data-points="{_num(p.points)}">{_num(p.points)} / {_num(p.max_points)}</span></h2>']
    parts.append('<table class="goals"><tr><th></th><th>goal</th><th>status</th><th>points</th></tr>')
    for g in p.goals:
        ok = g.status in ("met", "carried") and g.points > 0
        mark, cls = ("✓", "ok") if ok else ("✗", "bad")
        if g.status == "carried":
            mark, cls = "↪", "carried"
        status = html.escape(goal_status(g, level)) if level != "score" else ""
        parts.append(f'<tr class="goal {cls}"><td class="mark {cls}">{mark}</td><td>{html.escape(g.kind)} {to_mathml(g.text)}</td>'
                     f"<td>{status}</td><td>{_num(g.points)} / {_num(g.max_points)}</td></tr>")
    parts.append("</table>")
    if p.status == "graded":
        parts.append(f"<p>Work: {p.creditable_steps} of {p.work_steps} steps credited: "
                     f"{_num(p.work_points)} / {_num(p.work_max)}"
                     + (f"; deductions −{_num(p.deductions)}" if p.deductions else "") + "</p>")
    if level == "score":
        return "\n".join(parts + ["</section>"])
    src = sources.get(p.path)
    file_msgs = [m for m in p.messages if not m.line or src is None]
    for m in file_msgs:
        parts.append(f'<p class="msg">{html.escape(visible_text(m, level))}</p>')
    if src is not None and p.lines:
        steps_at: dict[int, list[StepRecord]] = {}
        for s in p.steps:
            steps_at.setdefault(s.line, []).append(s)
        msgs_at: dict[int, list] = {}
        for m in p.messages:
            if m.line:
                msgs_at.setdefault(m.line, []).append(m)
        parts.append('<ol class="lines">')
        for number in range(p.lines[0], min(p.lines[1], len(src.lines)) + 1):
            line = src.lines[number - 1]
            here = steps_at.get(number, [])
            if line.blank and not here and number not in msgs_at:
                continue
            grade = _worst(here) if here else None
            sym, cls, words = MARKS.get(grade, ("", "plain", "")) if grade else ("", "plain", "")
            parts.append(f'<li class="line {cls}" id="L{number}" title="{html.escape(words)}">'
                         f'<span class="lineno">{number}</span><span class="mark">{sym}</span>'
                         f'<span class="src">{render_line(line.code)}</span>')
            for s in here:
                note = visible_note(s, level)
                if note:
                    parts.append(f'<div class="note">{html.escape(note)}</div>')
            for m in msgs_at.get(number, []):
                notes = "".join(f"<br>{html.escape(x)}" for x in visible_notes(m, level))
                parts.append(f'<div class="note">{html.escape(m.kind)}: {html.escape(visible_text(m, level))}{notes}</div>')
            parts.append("</li>")
        parts.append("</ol>")
    parts.append("</section>")
    return "\n".join(parts)


def feedback_page(r: StudentRecord, key: Key, sources: dict[str, Source], level: str) -> str:
    body = [f"<h1>Feedback for {html.escape(r.student)}</h1>",
            f'<p class="total">Total: <b data-total="{_num(r.total)}">{_num(r.total)}</b> / {_num(r.max_total)}</p>']
    for m in r.messages:
        body.append(f'<p class="msg">{html.escape((m.path + ": ") if m.path else "")}{html.escape(visible_text(m, level))}</p>')
    body += [_problem_section(p, key, sources, level) for p in r.problems]
    return _page(f"Feedback: {r.student}", "\n".join(body))


def summary_page(key: Key, records: list[StudentRecord]) -> str:
    names = [p.name for p in key.problems]
    rows = ["<tr><th>student</th><th>total</th>" + "".join(f"<th>{html.escape(x)}</th>" for x in names)
            + "<th>status</th></tr>"]
    for r in records:
        by = {p.name: p.points for p in r.problems}
        review = ' <span class="review">review</span>' if r.review else ""
        rows.append(f'<tr><td><a href="feedback/{html.escape(safe_name(r.student))}.html">{html.escape(r.student)}</a></td>'
                    f"<td>{_num(r.total)} / {_num(r.max_total)}</td>"
                    + "".join(f"<td>{_num(by.get(x, 0.0))}</td>" for x in names)
                    + f"<td>{html.escape(r.status)}{review}</td></tr>")
    goals = []
    for kp in key.problems:
        for k, g in enumerate(kp.goals):
            met = sum(1 for r in records for p in r.problems if p.name == kp.name and k < len(p.goals)
                      and p.goals[k].status in ("met", "carried"))
            goals.append(f"<tr><td>{html.escape(g.id)}</td><td>{html.escape(g.kind)} {to_mathml(g.text)}</td>"
                         f"<td>{met} / {len(records)}</td></tr>")
    mean = sum(r.total for r in records) / len(records) if records else 0.0
    body = [f"<h1>Class summary: {len(records)} student(s)</h1>", f"<p>Mean total: {_num(mean)}</p>",
            '<h2>Goals</h2><table class="goals"><tr><th>goal</th><th></th><th>reached</th></tr>', *goals, "</table>",
            '<h2>Students</h2><table class="students">', *rows, "</table>"]
    return _page("Class summary", "\n".join(body))


def write_pages(out: str, key: Key, records: list[StudentRecord], subs: list[Submission], level_of) -> None:
    """feedback/<student>.html for every record and index.html for the class."""
    folder = os.path.join(out, "feedback")
    os.makedirs(folder, exist_ok=True)
    files = {s.student: s.files for s in subs}
    for r in records:
        sources = {}
        for name, path in files.get(r.student, ()):
            source, _ = load(path)
            if source is not None:
                sources[name] = source
        with open(os.path.join(folder, safe_name(r.student) + ".html"), "w", encoding="utf-8") as fh:
            fh.write(feedback_page(r, key, sources, level_of(r)))
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as fh:
        fh.write(summary_page(key, records))

